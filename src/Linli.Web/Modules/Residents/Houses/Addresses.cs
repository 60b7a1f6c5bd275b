using Linli.Data;

namespace Linli.Modules.Residents;

// 门牌地址 "3幢2单元502室": a house's address, built from its building's name.
public static class Addresses
{
    public static string Of(string buildingName, int unitNumber, string roomNumber) => $"{buildingName}{unitNumber}单元{roomNumber}室";

    /// <summary>
    /// Addresses of the visible houses among <paramref name="houseIds"/>. A grid worker's houses lie in buildings
    /// scoped to the community above; only those buildings' names are read past the scope filter.
    /// </summary>
    public static async Task<Dictionary<long, string>> LoadAsync(AppDbContext db, IEnumerable<long> houseIds, CancellationToken ct)
    {
        var ids = houseIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var houses = await db.Houses.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.BuildingId, h.UnitNumber, h.RoomNumber }).ToListAsync(ct);
        var names = await BuildingNamesAsync(db, houses.Select(h => h.BuildingId), ct);
        return houses.ToDictionary(h => h.Id, h => Of(names.GetValueOrDefault(h.BuildingId, "?"), h.UnitNumber, h.RoomNumber));
    }

    public static async Task<string?> OfHouseAsync(AppDbContext db, long? houseId, CancellationToken ct) =>
        houseId is { } id ? (await LoadAsync(db, [id], ct)).GetValueOrDefault(id) : null;

    /// <summary>Names only, of buildings whose houses the caller can see (callers pass ids read in scope).</summary>
    public static async Task<Dictionary<long, string>> BuildingNamesAsync(AppDbContext db, IEnumerable<long> buildingIds, CancellationToken ct)
    {
        var ids = buildingIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Buildings.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking()
            .Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
    }
}
