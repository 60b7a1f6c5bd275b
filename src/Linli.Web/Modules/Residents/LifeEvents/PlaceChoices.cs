using Linli.Data;

namespace Linli.Modules.Residents;

// Where a person can be placed, for the move and move-in pages: the buildings the caller works in, then the houses
// of the chosen building and the households at them.
public sealed record PlaceChoices(IReadOnlyList<(long Id, string Name)> Buildings, IReadOnlyList<(long Id, string Address)> Houses,
    IReadOnlyList<(long Id, long HouseId, string Label)> Households)
{
    public static async Task<PlaceChoices> LoadAsync(AppDbContext db, long? buildingId, CancellationToken ct)
    {
        var buildings = (await BuildingAccess.Workable(db).AsNoTracking().OrderBy(b => b.Name).Take(500)
            .Select(b => new { b.Id, b.Name, b.Address }).ToListAsync(ct))
            .Select(b => (b.Id, b.Address is null ? b.Name : $"{b.Name}（{b.Address}）")).ToList();
        if (buildingId is null) return new(buildings, [], []);
        var houses = await ListHouses.QueryAsync(db, new(buildingId, null, null, 1, 200), ct);
        var houseIds = houses.Items.Select(h => h.Id).ToList();
        var households = await db.Households.AsNoTracking().Where(h => houseIds.Contains(h.HouseId))
            .Select(h => new { h.Id, h.HouseId, h.Type, Head = h.Head != null ? h.Head.Name : null }).ToListAsync(ct);
        var addresses = houses.Items.ToDictionary(h => h.Id, h => h.Address);
        return new(buildings, houses.Items.Select(h => (h.Id, h.Address)).ToList(),
            households.OrderBy(h => addresses[h.HouseId]).Select(h => (h.Id, h.HouseId,
                $"{addresses[h.HouseId]} · {Labels.Of(h.Type)} · {Loc.T("户主", "head")} {h.Head ?? "—"}")).ToList());
    }
}
