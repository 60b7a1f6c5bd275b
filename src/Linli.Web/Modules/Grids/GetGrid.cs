using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Grids;

// 网格详情 one grid: counts, running workers, every assignment it had, its re-draw history and whether it has a boundary.
public static class GetGrid
{
    public sealed record Assignment(long Id, string UserId, string Name, GridDuty Duty, DateOnly StartDate, DateOnly? EndDate);

    public sealed record Change(long Id, GridChangeKind Kind, long? FromGridId, string? FromGridName, long ToGridId, string? ToGridName,
        int HouseCount, string? UserName, DateTime At);

    public sealed record View(ListGrids.Row Grid, IReadOnlyList<Assignment> Assignments, IReadOnlyList<Change> Changes, bool HasBoundary);

    public static void Map(RouteGroupBuilder grids) =>
        grids.MapGet("/{id:long}", Handle)
            .WithName("Grids_Get")
            .WithSummary("A grid with its running workers, all its assignments (ended ones as history) and its re-draw history");

    static async Task<Results<Ok<View>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<View?> LoadAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var row = await db.OrgUnits.AsNoTracking().Where(g => g.Id == id && g.Level == Organization.OrgLevel.Grid)
            .Select(g => new ListGrids.Row(g.Id, g.Code, g.Name, g.ParentId, g.Parent != null ? g.Parent.Name : null, g.Active,
                db.Houses.Count(h => h.GridId == g.Id), db.Households.Count(h => h.OrgUnitId == g.Id), null, Array.Empty<ListGrids.Worker>()))
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var workers = await ListGrids.WorkersAsync(db, [id], ct);
        var assignments = await (from a in db.GridAssignments
                                 join u in db.Users on a.UserId equals u.Id
                                 where a.GridId == id
                                 orderby a.EndDate == null descending, a.StartDate descending, a.Id descending
                                 select new Assignment(a.Id, a.UserId, u.DisplayName, a.Duty, a.StartDate, a.EndDate))
            .AsNoTracking().ToListAsync(ct);
        var changes = await db.GridChanges.AsNoTracking().Where(c => c.FromGridId == id || c.ToGridId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(100)
            .Select(c => new Change(c.Id, c.Kind, c.FromGridId, db.OrgUnits.Where(u => u.Id == c.FromGridId).Select(u => u.Name).FirstOrDefault(),
                c.ToGridId, db.OrgUnits.Where(u => u.Id == c.ToGridId).Select(u => u.Name).FirstOrDefault(), c.HouseCount, c.UserName, c.At))
            .ToListAsync(ct);
        var hasBoundary = await db.GridBoundaries.AnyAsync(b => b.GridId == id, ct);
        return new View(ListGrids.WithWorkers(row, workers), assignments, changes, hasBoundary);
    }
}
