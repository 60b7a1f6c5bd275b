using Linli.Data;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 楼栋列表 the buildings of the communities in the caller's subtree.
public static class ListBuildings
{
    public sealed record Filter(long? CommunityId, string? Name, int? Page, int? PageSize);
    public sealed record Row(long Id, long CommunityId, string? CommunityName, string Name, string? Address, int Floors, int UnitCount, int Houses);

    public static void Map(RouteGroupBuilder buildings) =>
        buildings.MapGet("/", Handle)
            .WithName("Buildings_List")
            .WithSummary("Buildings in the caller's subtree, optionally of one community or by name");

    static async Task<Ok<Paged<Row>>> Handle([AsParameters] Filter filter, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(db, filter, ct));

    public static async Task<Paged<Row>> QueryAsync(AppDbContext db, Filter f, CancellationToken ct)
    {
        var q = db.Buildings.AsNoTracking();
        if (f.CommunityId is { } c) q = q.Where(b => b.CommunityId == c);
        if (!string.IsNullOrWhiteSpace(f.Name)) { var name = f.Name.Trim(); q = q.Where(b => b.Name.Contains(name)); }
        return await q.OrderBy(b => b.CommunityId).ThenBy(b => b.Name)
            .Select(b => new Row(b.Id, b.CommunityId, db.OrgUnits.Where(u => u.Id == b.CommunityId).Select(u => u.Name).FirstOrDefault(),
                b.Name, b.Address, b.Floors, b.UnitCount, db.Houses.Count(h => h.BuildingId == b.Id)))
            .ToPagedAsync(f.Page, f.PageSize, ct);
    }
}
