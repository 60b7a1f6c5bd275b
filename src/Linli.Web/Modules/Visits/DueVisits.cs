using Linli.Data;
using Linli.Modules.Residents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Visits;

// 待走访清单 GET /api/v1/visits/due: who a worker must visit and by when, overdue first, and the month's quota.
public static class DueVisits
{
    public sealed record Item(long HouseholdId, string? Address, string? HeadName, int IntervalDays, string Reason,
        DateOnly? LastVisit, DateOnly DueOn, bool Overdue);

    public sealed record Quota(string Month, int Target, int Visited);

    public sealed record Response(string WorkerId, string WorkerName, Quota Quota, IReadOnlyList<Item> Items, int Total, int Overdue);

    public static void Map(RouteGroupBuilder visits) =>
        visits.MapGet("/due", Handle).WithName("Visits_Due")
            .WithSummary("The households a worker must visit (workerId defaults to the caller), overdue first, with the monthly quota; only households due within `days` (default 7)");

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
        var due = schedule.Where(d => d.DueOn <= today.AddDays(Math.Clamp(days, 0, 366))).ToList();
        var addresses = await Addresses.LoadAsync(db, due.Select(d => d.HouseId), ct);
        var monthStart = new DateTime(now.Year, now.Month, 1);
        var visited = await db.Visits.Where(v => v.WorkerId == worker.Id && v.SupersededById == null && v.VisitedAt >= monthStart)
            .Select(v => v.HouseholdId).Distinct().CountAsync(ct);
        return new Response(worker.Id, worker.Name, new Quota($"{now:yyyy-MM}", options.MonthlyQuota, visited),
            due.Select(d => new Item(d.HouseholdId, addresses.GetValueOrDefault(d.HouseId), d.HeadName, d.IntervalDays, d.Reason,
                d.LastVisit, d.DueOn, d.Overdue)).ToList(), due.Count, due.Count(d => d.Overdue));
    }
}
