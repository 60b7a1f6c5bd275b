using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 单位详情 one unit with the breadcrumb of its ancestors.
public static class GetOrgUnit
{
    public sealed record Crumb(long Id, string Level, string Name);

    public sealed record View(long Id, long? ParentId, string Level, string Code, string Name, bool Active, int SortOrder,
        string OrgPath, int ChildCount, IReadOnlyList<Crumb> Breadcrumb);

    public static void Map(RouteGroupBuilder units) =>
        units.MapGet("/{id:long}", Handle)
            .WithName("OrgUnits_Get")
            .WithSummary("One org unit, with the breadcrumb of its ancestors (city first)");

    static async Task<Results<Ok<View>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct) =>
        await FindAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    /// <summary>Null when the unit does not exist or lies outside the caller's subtree.</summary>
    public static async Task<View?> FindAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { Unit = u, ChildCount = db.OrgUnits.Count(c => c.ParentId == u.Id) })
            .SingleOrDefaultAsync(ct);
        if (unit is null) return null;
        var u = unit.Unit;
        return new View(u.Id, u.ParentId, u.Level.ToString(), u.Code, u.Name, u.Active, u.SortOrder, u.OrgPath, unit.ChildCount,
            await BreadcrumbAsync(db, u.OrgPath, u.Id, ct));
    }

    /// <summary>Ancestors of the unit at <paramref name="orgPath"/>, city first. Names only, so the scope filter is lifted.</summary>
    public static async Task<IReadOnlyList<Crumb>> BreadcrumbAsync(AppDbContext db, string orgPath, long selfId, CancellationToken ct)
    {
        var ids = PathIds(orgPath).Where(i => i != selfId).ToList();
        if (ids.Count == 0) return [];
        var found = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Level, a.Name })
            .ToListAsync(ct);
        return found.OrderBy(a => a.Level).Select(a => new Crumb(a.Id, a.Level.ToString(), a.Name)).ToList();
    }

    public static IEnumerable<long> PathIds(string orgPath) =>
        orgPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture));
}
