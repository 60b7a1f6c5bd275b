using Linli.Data;
using Linli.Modules.Organization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Visits;

// 走访覆盖 for a street or community: per unit below it, how many households are up to date with their visits,
// how many are overdue, and how the workers stand against the monthly quota.
public static class VisitCoverage
{
    public sealed record UnitRow(long OrgUnitId, string Name, int Households, int UpToDate, int Overdue, int VisitedThisMonth);

    public sealed record WorkerRow(string WorkerId, string WorkerName, int VisitedThisMonth, bool BelowQuota);

    public sealed record Response(long OrgUnitId, string Name, int Households, int Overdue, int Quota,
        IReadOnlyList<UnitRow> Units, IReadOnlyList<WorkerRow> Workers);

    public static void Map(RouteGroupBuilder visits) =>
        visits.MapGet("/coverage", Handle).WithName("Visits_Coverage")
            .WithSummary("Visit coverage and overdue counts per unit below orgUnitId (default: the caller's unit), and workers against the monthly quota");

    static async Task<Results<Ok<Response>, NotFound>> Handle(long? orgUnitId, AppDbContext db, TimeProvider time, IOptions<VisitOptions> options,
        CancellationToken ct) =>
        await LoadAsync(db, time, options.Value, orgUnitId ?? db.CurrentUser.OrgUnitId, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    public static async Task<Response?> LoadAsync(AppDbContext db, TimeProvider time, VisitOptions options, long? orgUnitId, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == orgUnitId, ct);
        if (unit is null) return null;
        var now = time.GetLocalNow().DateTime;
        var today = DateOnly.FromDateTime(now);
        var monthStart = new DateTime(now.Year, now.Month, 1);
        var schedule = await VisitSchedule.ForAsync(db, db.Households.Where(h => h.OrgPath.StartsWith(unit.OrgPath)), today, ct);
        var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.SortOrder).ThenBy(u => u.Code)
            .Select(u => new { u.Id, u.Name, u.OrgPath }).ToListAsync(ct);
        var units = unit.Level == OrgLevel.Grid ? [new { unit.Id, unit.Name, unit.OrgPath }] : children;
        var paths = await db.OrgUnits.AsNoTracking().Where(u => u.OrgPath.StartsWith(unit.OrgPath)).ToDictionaryAsync(u => u.Id, u => u.OrgPath, ct);
        var visitedHouseholds = await db.Visits.AsNoTracking()
            .Where(v => v.OrgPath.StartsWith(unit.OrgPath) && v.SupersededById == null && v.VisitedAt >= monthStart)
            .Select(v => new { v.HouseholdId, v.OrgPath, v.WorkerId, v.WorkerName }).Distinct().ToListAsync(ct);

        var rows = units.Select(u =>
        {
            var mine = schedule.Where(d => paths.GetValueOrDefault(d.OrgUnitId, "").StartsWith(u.OrgPath, StringComparison.Ordinal)).ToList();
            return new UnitRow(u.Id, u.Name, mine.Count, mine.Count(d => !d.Overdue), mine.Count(d => d.Overdue),
                visitedHouseholds.Where(v => v.OrgPath.StartsWith(u.OrgPath, StringComparison.Ordinal)).Select(v => v.HouseholdId).Distinct().Count());
        }).ToList();
        var workers = visitedHouseholds.GroupBy(v => (v.WorkerId, v.WorkerName))
            .Select(g => new WorkerRow(g.Key.WorkerId, g.Key.WorkerName, g.Select(v => v.HouseholdId).Distinct().Count(), false))
            .Select(w => w with { BelowQuota = w.VisitedThisMonth < options.MonthlyQuota })
            .OrderBy(w => w.VisitedThisMonth).ToList();
        return new Response(unit.Id, unit.Name, schedule.Count, schedule.Count(d => d.Overdue), options.MonthlyQuota, rows, workers);
    }
}
