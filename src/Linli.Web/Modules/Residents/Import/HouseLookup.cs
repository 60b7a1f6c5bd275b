using Linli.Data;

namespace Linli.Modules.Residents;

// 房屋查找 the house an import row names by building, unit and room, among those the caller may register people
// in: a house outside the caller's scope is "unknown", exactly like one that does not exist.
public sealed class HouseLookup(AppDbContext db)
{
    readonly Dictionary<string, List<long>> buildings = new(StringComparer.Ordinal);
    readonly Dictionary<(string, int, string), long?> houses = [];

    public async Task<(long? HouseId, string? Error)> FindAsync(string building, string unit, string room, CancellationToken ct)
    {
        if (building.Length == 0 || room.Length == 0)
            return (null, Loc.T("请填写楼栋和房号。", "Fill in the building and the room."));
        var unitNumber = 1;
        if (unit.Length > 0 && !int.TryParse(unit.TrimEnd('单', '元'), out unitNumber))
            return (null, Loc.T($"单元“{unit}”应为数字。", $"The unit \"{unit}\" must be a number."));
        room = room.TrimEnd('室');
        if (!buildings.TryGetValue(building, out var ids))
            buildings[building] = ids = await BuildingAccess.Workable(db).Where(b => b.Name == building).Select(b => b.Id).ToListAsync(ct);
        if (!houses.TryGetValue((building, unitNumber, room), out var houseId))
        {
            var found = await db.Houses.AsNoTracking().Where(h => ids.Contains(h.BuildingId) && h.UnitNumber == unitNumber && h.RoomNumber == room)
                .Select(h => h.Id).Take(2).ToListAsync(ct);
            houses[(building, unitNumber, room)] = houseId = found.Count == 1 ? found[0] : null;
            if (found.Count > 1) return (null, Loc.T("有多处同名楼栋的该房屋，请按社区分别导入。", "Several buildings of that name have this house; import per community."));
        }
        return houseId is null
            ? (null, Loc.T($"找不到房屋：{building}{unitNumber}单元{room}室（不存在或不在您的管辖范围内）。", $"Unknown house: {building} unit {unitNumber} room {room} (missing or outside your area)."))
            : (houseId, null);
    }
}
