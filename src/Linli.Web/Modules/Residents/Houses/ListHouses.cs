using Linli.Data;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 房屋列表 the houses in the caller's subtree, by building, grid or vacancy.
public static class ListHouses
{
    public sealed record Filter(long? BuildingId, long? GridId, bool? Vacant, int? Page, int? PageSize);
    public sealed record Row(long Id, long BuildingId, string Address, int UnitNumber, int Floor, string RoomNumber, long GridId,
        HouseUse Use, HouseTenure Tenure, bool Vacant, int Residents);

    public static void Map(RouteGroupBuilder houses) =>
        houses.MapGet("/", Handle)
            .WithName("Houses_List")
            .WithSummary("Houses in the caller's subtree, by buildingId, gridId or vacant");

    static async Task<Ok<Paged<Row>>> Handle([AsParameters] Filter filter, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(db, filter, ct));

    public static async Task<Paged<Row>> QueryAsync(AppDbContext db, Filter f, CancellationToken ct)
    {
        var q = db.Houses.AsNoTracking();
        if (f.BuildingId is { } b) q = q.Where(h => h.BuildingId == b);
        if (f.GridId is { } g) q = q.Where(h => h.GridId == g);
        if (f.Vacant is { } v) q = q.Where(h => h.Vacant == v);
        var page = await q.OrderBy(h => h.BuildingId).ThenBy(h => h.UnitNumber).ThenBy(h => h.Floor).ThenBy(h => h.RoomNumber)
            .Select(h => new { House = h, Residents = db.Residents.Count(r => r.HouseId == h.Id && r.Status == ResidentStatus.Active) })
            .ToPagedAsync(f.Page, f.PageSize, ct);
        var names = await Addresses.BuildingNamesAsync(db, page.Items.Select(x => x.House.BuildingId), ct);
        return new Paged<Row>(page.Items.Select(x => new Row(x.House.Id, x.House.BuildingId,
            Addresses.Of(names.GetValueOrDefault(x.House.BuildingId, "?"), x.House.UnitNumber, x.House.RoomNumber),
            x.House.UnitNumber, x.House.Floor, x.House.RoomNumber, x.House.GridId, x.House.Use, x.House.Tenure, x.House.Vacant, x.Residents)).ToList(), page.Total);
    }
}
