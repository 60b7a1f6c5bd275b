using Linli.Data;

namespace Linli.Modules.Residents;

// A resident's tags and history carry the resident's OrgPath; when the person (or their house) moves to
// another grid, they follow in the same transaction.
public static class ResidentPaths
{
    // Past every filter on purpose: a grid worker who moves a person must move their sensitive tags too,
    // though the worker cannot see them. Limited to the given residents, which the caller could see.
    public static async Task FollowResidentAsync(AppDbContext db, long residentId, string path, CancellationToken ct)
    {
        await db.ResidentTags.IgnoreQueryFilters().Where(t => t.ResidentId == residentId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.OrgPath, path), ct);
        await db.ResidentChanges.IgnoreQueryFilters().Where(c => c.ResidentId == residentId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OrgPath, path), ct);
        await db.ResidentEvents.IgnoreQueryFilters().Where(e => e.ResidentId == residentId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.OrgPath, path), ct);
    }

    /// <summary>A house changed grid: its households and the people living there move with it.</summary>
    public static async Task FollowHouseAsync(AppDbContext db, long houseId, long gridId, string path, CancellationToken ct)
    {
        await db.Households.IgnoreQueryFilters().Where(h => h.HouseId == houseId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.OrgPath, path).SetProperty(h => h.OrgUnitId, gridId), ct);
        var residents = db.Residents.IgnoreQueryFilters().Where(r => r.HouseId == houseId);
        await db.ResidentTags.IgnoreQueryFilters().Where(t => residents.Select(r => r.Id).Contains(t.ResidentId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.OrgPath, path), ct);
        await db.ResidentChanges.IgnoreQueryFilters().Where(c => residents.Select(r => r.Id).Contains(c.ResidentId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OrgPath, path), ct);
        await db.ResidentEvents.IgnoreQueryFilters().Where(e => residents.Select(r => r.Id).Contains(e.ResidentId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.OrgPath, path), ct);
        await residents.ExecuteUpdateAsync(s => s.SetProperty(r => r.OrgPath, path).SetProperty(r => r.OrgUnitId, gridId), ct);
    }
}
