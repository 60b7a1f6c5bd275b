using Linli.Data;
using Linli.Modules.Residents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Visits;

// 待走访清单 GET /api/v1/visits/due: who a worker must visit and by when, overdue first, and the month's quota.
public static class DueVisits
{
    /// <param name="ForQuota">Not due by any rule, but suggested so the worker meets the month's quota (least recently visited first).</param>
    public sealed record Item(long HouseholdId, string? Address, string? HeadName, int IntervalDays, string Reason,
        DateOnly? LastVisit, DateOnly DueOn, bool Overdue, bool ForQuota);

    public sealed record Quota(string Month, int Target, int Visited);

    public sealed record Response(string WorkerId, string WorkerName, Quota Quota, IReadOnlyList<Item> Items, int Total, int Overdue);

    public static void Map(RouteGroupBuilder visits) =>
        visits.MapGet("/due", Handle).WithName("Visits_Due")
            .WithSummary("The households a worker must visit (workerId defaults to the caller): due by the rules within `days` (default 7), overdue first, then the least recently visited ones that make up the monthly quota (forQuota)");

    static async Task<Results<Ok<Response>, NotFound>> Handle(string? workerId, int? days, AppDbContext db, TimeProvider time,
        IOptions<VisitOptions> options, CancellationToken ct) =>
        await LoadAsync(db, time, options.Value, workerId ?? db.CurrentUser.UserId!, days ?? 7, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    public static async Task<Response?> LoadAsync(AppDbContext db, TimeProvider time, VisitOptions options, string workerId, int days, CancellationToken ct)
    {
        var worker = await WorkerHouseholds.FindAsync(db, workerId, ct);
        if (worker is null) return null;
        var now = time.GetLocalNow().DateTime;
        var today = DateOnly.FromDateTime(now);
        var schedule = await VisitSchedule.ForAsync(db, WorkerHouseholds.Of(db, worker), today, ct);
        var monthStart = new DateTime(now.Year, now.Month, 1);
        var visitedThisMonth = await db.Visits.Where(v => v.WorkerId == worker.Id && v.SupersededById == null && v.VisitedAt >= monthStart)
            .Select(v => v.HouseholdId).Distinct().ToListAsync(ct);
        var due = schedule.Where(d => d.DueOn <= today.AddDays(Math.Clamp(days, 0, 366)))
            .Select(d => (Due: d, ForQuota: false)).ToList();
        // 每月走访任务: when the rules ask for fewer households than the quota, the least recently visited make up the rest.
        var missing = options.MonthlyQuota - visitedThisMonth.Count - due.Count;
        if (missing > 0)
        {
            var taken = visitedThisMonth.Concat(due.Select(x => x.Due.HouseholdId)).ToHashSet();
            due.AddRange(schedule.Where(d => !taken.Contains(d.HouseholdId))
                .OrderBy(d => d.LastVisit ?? DateOnly.MinValue).ThenBy(d => d.HouseholdId).Take(missing).Select(d => (d, true)));
        }
        var addresses = await Addresses.LoadAsync(db, due.Select(d => d.Due.HouseId), ct);
        var quotaReason = Loc.T($"本月走访任务（每月至少 {options.MonthlyQuota} 户）", $"This month's quota ({options.MonthlyQuota} households)");
        return new Response(worker.Id, worker.Name, new Quota($"{now:yyyy-MM}", options.MonthlyQuota, visitedThisMonth.Count),
            due.Select(x => new Item(x.Due.HouseholdId, addresses.GetValueOrDefault(x.Due.HouseId), x.Due.HeadName, x.Due.IntervalDays,
                x.ForQuota ? quotaReason : x.Due.Reason, x.Due.LastVisit, x.Due.DueOn, x.Due.Overdue, x.ForQuota)).ToList(),
            due.Count, due.Count(x => x.Due.Overdue));
    }
}
