using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 楼栋详情 a building with its houses (unit, floor, room, grid, vacancy, number of residents).
public static class GetBuilding
{
    public sealed record HouseRow(long Id, int UnitNumber, int Floor, string RoomNumber, long GridId, bool Vacant, int Residents);
    public sealed record View(long Id, long CommunityId, string? CommunityName, string Name, string? Address, int Floors, int UnitCount,
        IReadOnlyList<HouseRow> Houses);

    public static void Map(RouteGroupBuilder buildings) =>
        buildings.MapGet("/{id:long}", Handle)
            .WithName("Buildings_Get")
            .WithSummary("A building with its houses");

    static async Task<Results<Ok<View>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    public static async Task<View?> LoadAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var b = await db.Buildings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return null;
        var community = await db.OrgUnits.Where(u => u.Id == b.CommunityId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        var houses = await db.Houses.AsNoTracking().Where(h => h.BuildingId == id)
            .OrderBy(h => h.UnitNumber).ThenBy(h => h.Floor).ThenBy(h => h.RoomNumber)
            .Select(h => new HouseRow(h.Id, h.UnitNumber, h.Floor, h.RoomNumber, h.GridId, h.Vacant,
                db.Residents.Count(r => r.HouseId == h.Id && r.Status == ResidentStatus.Active)))
            .ToListAsync(ct);
        return new View(b.Id, b.CommunityId, community, b.Name, b.Address, b.Floors, b.UnitCount, houses);
    }
}
