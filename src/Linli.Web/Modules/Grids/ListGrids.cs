using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Grids;

// 网格列表 the grids under a unit (default: the caller's own), with households, workers and the responsible person.
public static class ListGrids
{
    public sealed record Worker(long AssignmentId, string UserId, string Name, GridDuty Duty, DateOnly StartDate);

    public sealed record Row(long Id, string Code, string Name, long? CommunityId, string? CommunityName, bool Active,
        int Houses, int Households, string? Leader, IReadOnlyList<Worker> Workers);

    public static void Map(RouteGroupBuilder grids) =>
        grids.MapGet("/", Handle)
            .WithName("Grids_List")
            .WithSummary("Grids under orgUnitId (default: the caller's unit) with household counts, running assignments and the responsible person");

    static async Task<Results<Ok<Paged<Row>>, NotFound>> Handle(AppDbContext db, long? orgUnitId, bool? includeInactive, int? page, int? pageSize, CancellationToken ct) =>
        await LoadAsync(db, orgUnitId, includeInactive ?? false, page, pageSize, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    public static async Task<Paged<Row>?> LoadAsync(AppDbContext db, long? orgUnitId, bool includeInactive, int? page, int? pageSize, CancellationToken ct)
    {
        var unit = await GridAccess.UnitOrOwnAsync(db, orgUnitId, ct);
        if (unit is null) return null;
        var grids = db.OrgUnits.AsNoTracking()
            .Where(g => g.Level == OrgLevel.Grid && g.OrgPath.StartsWith(unit.OrgPath) && (includeInactive || g.Active))
            .OrderBy(g => g.Code);
        var paged = await grids.Select(g => new Row(g.Id, g.Code, g.Name, g.ParentId, g.Parent != null ? g.Parent.Name : null, g.Active,
                db.Houses.Count(h => h.GridId == g.Id), db.Households.Count(h => h.OrgUnitId == g.Id), null, Array.Empty<Worker>()))
            .ToPagedAsync(page, pageSize, ct);
        var workers = await WorkersAsync(db, paged.Items.Select(r => r.Id).ToList(), ct);
        return new Paged<Row>(paged.Items.Select(r => WithWorkers(r, workers)).ToList(), paged.Total);
    }

    /// <summary>Running assignments of these grids with the workers' names, by grid.</summary>
    public static async Task<ILookup<long, Worker>> WorkersAsync(AppDbContext db, IReadOnlyCollection<long> gridIds, CancellationToken ct)
    {
        var rows = await (from a in db.GridAssignments
                          join u in db.Users on a.UserId equals u.Id
                          where gridIds.Contains(a.GridId) && a.EndDate == null
                          orderby a.Duty, u.DisplayName
                          select new { a.GridId, Worker = new Worker(a.Id, a.UserId, u.DisplayName, a.Duty, a.StartDate) })
            .AsNoTracking().ToListAsync(ct);
        return rows.ToLookup(r => r.GridId, r => r.Worker);
    }

    public static Row WithWorkers(Row r, ILookup<long, Worker> workers)
    {
        var list = workers[r.Id].ToList();
        return r with { Workers = list, Leader = list.FirstOrDefault(w => w.Duty == GridDuty.Leader)?.Name };
    }
}
