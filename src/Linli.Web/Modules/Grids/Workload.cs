using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Grids;

// 工作量 households per worker across a community or street (and above), flagging workers above the limit
// (Grids:WorkloadLimit, default 250) and grids nobody works on. Counted by the database.
public static class Workload
{
    public sealed record Worker(string UserId, string Name, string? UnitName, int Grids, int Households, bool OverLimit);

    public sealed record UncoveredGrid(long Id, string Code, string Name, string? CommunityName, int Households);

    public sealed record View(long OrgUnitId, string OrgUnitName, int Limit, IReadOnlyList<Worker> Workers, IReadOnlyList<UncoveredGrid> GridsWithoutWorker);

    public static void Map(RouteGroupBuilder workload) =>
        workload.MapGet("/", Handle)
            .WithName("Grids_Workload")
            .WithSummary("Per worker: grids and households covered, flagged above Grids:WorkloadLimit; plus grids without a worker. orgUnitId: a community or above");

    static async Task<Results<Ok<View>, NotFound>> Handle(AppDbContext db, IOptions<GridOptions> options, long? orgUnitId, CancellationToken ct) =>
        await LoadAsync(db, options.Value.WorkloadLimit, orgUnitId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<View?> LoadAsync(AppDbContext db, int limit, long? orgUnitId, CancellationToken ct)
    {
        var unit = await GridAccess.UnitOrOwnAsync(db, orgUnitId, ct);
        if (unit is null) return null;
        if (unit.Level == OrgLevel.Grid)
            throw new BusinessRuleException("workload.level", Loc.T("工作量按社区或街道及以上查看。", "Workload is shown for a community, a street or above."),
                StatusCodes.Status422UnprocessableEntity, "orgUnitId");
        var path = unit.OrgPath;
        var running = db.GridAssignments.Where(a => a.EndDate == null && a.OrgPath.StartsWith(path));

        var grids = await running.GroupBy(a => a.UserId).Select(g => new { UserId = g.Key, Grids = g.Count() }).ToListAsync(ct);
        var households = await (from a in running
                                join h in db.Households on a.GridId equals h.OrgUnitId
                                group h by a.UserId into g
                                select new { UserId = g.Key, Households = g.Count() }).ToDictionaryAsync(x => x.UserId, x => x.Households, ct);
        var ids = grids.Select(g => g.UserId).ToList();
        var people = await (from u in db.Users
                            where ids.Contains(u.Id)
                            select new { u.Id, u.DisplayName, UnitName = db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault() })
            .ToDictionaryAsync(x => x.Id, ct);
        var workers = grids.Select(g =>
            {
                var n = households.GetValueOrDefault(g.UserId);
                var person = people.GetValueOrDefault(g.UserId);
                return new Worker(g.UserId, person?.DisplayName ?? g.UserId, person?.UnitName, g.Grids, n, n > limit);
            })
            .OrderByDescending(w => w.Households).ThenBy(w => w.Name, StringComparer.Ordinal).ToList();

        var uncovered = await db.OrgUnits.AsNoTracking()
            .Where(g => g.Level == OrgLevel.Grid && g.Active && g.OrgPath.StartsWith(path)
                && !db.GridAssignments.Any(a => a.GridId == g.Id && a.EndDate == null))
            .OrderBy(g => g.Code)
            .Select(g => new UncoveredGrid(g.Id, g.Code, g.Name, g.Parent != null ? g.Parent.Name : null, db.Households.Count(h => h.OrgUnitId == g.Id)))
            .ToListAsync(ct);
        return new View(unit.Id, unit.Name, limit, workers, uncovered);
    }
}
