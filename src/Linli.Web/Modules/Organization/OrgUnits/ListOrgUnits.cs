using Linli.Data;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 下级单位 the children of a unit, or the caller's own top unit(s) when no parent is given.
public static class ListOrgUnits
{
    public sealed record Item(long Id, long? ParentId, string Level, string Code, string Name, bool Active, int SortOrder, int ChildCount);

    public static void Map(RouteGroupBuilder units) =>
        units.MapGet("/", Handle)
            .WithName("OrgUnits_List")
            .WithSummary("Children of parentId, or the caller's top unit(s) without it; paged");

    static async Task<Results<Ok<Paged<Item>>, NotFound>> Handle(long? parentId, int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        var query = await QueryAsync(db, parentId, ct);
        return query is null ? TypedResults.NotFound() : TypedResults.Ok(await query.ToPagedAsync(page, pageSize, ct));
    }

    /// <summary>Null when the parent is not visible to the caller.</summary>
    public static async Task<IQueryable<Item>?> QueryAsync(AppDbContext db, long? parentId, CancellationToken ct)
    {
        IQueryable<OrgUnit> units;
        if (parentId is { } id)
        {
            if (!await db.OrgUnits.AnyAsync(u => u.Id == id, ct)) return null;
            units = db.OrgUnits.Where(u => u.ParentId == id);
        }
        else
        {
            // Top of the caller's subtree: visible units whose parent is not visible (the filter applies inside too).
            units = db.OrgUnits.Where(u => u.ParentId == null || !db.OrgUnits.Any(p => p.Id == u.ParentId));
        }
        return units.AsNoTracking()
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code)
            .Select(u => new Item(u.Id, u.ParentId, u.Level.ToString(), u.Code, u.Name, u.Active, u.SortOrder,
                db.OrgUnits.Count(c => c.ParentId == u.Id)));
    }
}
