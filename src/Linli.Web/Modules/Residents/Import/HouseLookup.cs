using Linli.Data;

namespace Linli.Modules.Residents;

// 房屋查找 the house an import row names by building, unit and room, among those the caller may register people
// in: a house outside the caller's scope is "unknown", exactly like one that does not exist. The first row naming a
// building loads all its visible houses in one query; every later row of that building is answered from memory.
public sealed class HouseLookup(AppDbContext db)
{
    /// <summary>What placing a person in the house needs: the house, its grid and that grid's path.</summary>
    public sealed record Found(long Id, long GridId, string Path);

    // Per building name: (unit, room) → the house, or null when several buildings of that name have it.
    readonly Dictionary<string, Dictionary<(int, string), Found?>> buildings = new(StringComparer.Ordinal);

    public async Task<(Found? House, string? Error)> FindAsync(string building, string unit, string room, CancellationToken ct)
    {
        if (building.Length == 0 || room.Length == 0)
            return (null, Loc.T("请填写楼栋和房号。", "Fill in the building and the room."));
        var unitNumber = 1;
        if (unit.Length > 0 && !int.TryParse(unit.TrimEnd('单', '元'), out unitNumber))
            return (null, Loc.T($"单元“{unit}”应为数字。", $"The unit \"{unit}\" must be a number."));
        room = room.TrimEnd('室');
        if (!buildings.TryGetValue(building, out var houses))
            buildings[building] = houses = await LoadAsync(building, ct);
        if (!houses.TryGetValue((unitNumber, room), out var house))
            return (null, Loc.T($"找不到房屋：{building}{unitNumber}单元{room}室（不存在或不在您的管辖范围内）。", $"Unknown house: {building} unit {unitNumber} room {room} (missing or outside your area)."));
        return house is null
            ? (null, Loc.T("有多处同名楼栋的该房屋，请按社区分别导入。", "Several buildings of that name have this house; import per community."))
            : (house, null);
    }

    async Task<Dictionary<(int, string), Found?>> LoadAsync(string building, CancellationToken ct)
    {
        var ids = await BuildingAccess.Workable(db).Where(b => b.Name == building).Select(b => b.Id).ToListAsync(ct);
        var houses = ids.Count == 0 ? [] : await db.Houses.AsNoTracking().Where(h => ids.Contains(h.BuildingId))
            .Select(h => new { h.Id, h.GridId, h.OrgPath, h.UnitNumber, h.RoomNumber }).ToListAsync(ct);
        return houses.GroupBy(h => (h.UnitNumber, h.RoomNumber))
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? new Found(g.First().Id, g.First().GridId, g.First().OrgPath) : null);
    }
}
