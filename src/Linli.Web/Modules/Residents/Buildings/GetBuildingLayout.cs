using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 楼栋平面 floors × units grid of a building: each house with its occupancy and key-population markers.
public static class GetBuildingLayout
{
    public sealed record Marker(string Code, string Name, string Short, int Count);
    public sealed record Cell(long HouseId, int UnitNumber, int Floor, string RoomNumber, bool Vacant, int Residents, IReadOnlyList<Marker> Markers);
    public sealed record View(long Id, string Name, IReadOnlyList<int> Floors, IReadOnlyList<int> Units, IReadOnlyList<Cell> Cells);

    public static void Map(RouteGroupBuilder buildings) =>
        buildings.MapGet("/{id:long}/layout", Handle)
            .WithName("Buildings_Layout")
            .WithSummary("Floors × units grid of a building's houses with occupancy and key-population markers");

    static async Task<Results<Ok<View>, NotFound>> Handle(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await LoadAsync(db, time, id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    public static async Task<View?> LoadAsync(AppDbContext db, TimeProvider time, long id, CancellationToken ct)
    {
        // A grid worker sees the community's building with only the houses of their grid (houses keep their scope filter).
        var b = await BuildingAccess.Workable(db).AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Name, x.Floors, x.UnitCount }).SingleOrDefaultAsync(ct);
        if (b is null) return null;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var born60 = DerivedTags.BornBy(60, today);
        var born80 = DerivedTags.BornBy(80, today);

        var houses = await db.Houses.AsNoTracking().Where(h => h.BuildingId == id)
            .OrderBy(h => h.UnitNumber).ThenBy(h => h.Floor).ThenBy(h => h.RoomNumber).ToListAsync(ct);
        var residents = db.Residents.AsNoTracking().Where(r => r.Status == ResidentStatus.Active && r.HouseId != null
            && db.Houses.Any(h => h.Id == r.HouseId && h.BuildingId == id));
        var people = await residents.GroupBy(r => r.HouseId!.Value).Select(g => new
        {
            HouseId = g.Key, Count = g.Count(),
            Elderly60 = g.Count(r => r.BirthDate <= born60),
            Elderly80 = g.Count(r => r.BirthDate <= born80),
            Floating = g.Count(r => r.ResidenceType == ResidenceType.Floating),
        }).ToDictionaryAsync(x => x.HouseId, ct);
        // Sensitive tags are removed by the tag query filter for callers without the permission.
        var tags = await (from t in db.ResidentTags.AsNoTracking()
                          join r in residents on t.ResidentId equals r.Id
                          where (t.StartDate == null || t.StartDate <= today) && (t.EndDate == null || t.EndDate >= today)
                          group t by new { HouseId = r.HouseId!.Value, t.TagCode } into g
                          select new { g.Key.HouseId, g.Key.TagCode, Count = g.Select(t => t.ResidentId).Distinct().Count() }).ToListAsync(ct);
        var defs = (await ResidentTags.VisibleDefinitionsAsync(db, ct)).ToDictionary(d => d.Code);

        IReadOnlyList<Marker> Markers(long houseId)
        {
            var counts = tags.Where(t => t.HouseId == houseId).ToDictionary(t => t.TagCode, t => t.Count);
            if (people.TryGetValue(houseId, out var p))
            {
                counts[TagCodes.Elderly60] = p.Elderly60;
                counts[TagCodes.Elderly80] = p.Elderly80;
                counts[TagCodes.Floating] = p.Floating;
            }
            return defs.Values.Where(d => counts.GetValueOrDefault(d.Code) > 0)
                .Select(d => new Marker(d.Code, d.Name, Short(d), counts[d.Code])).ToList();
        }

        var cells = houses.Select(h => new Cell(h.Id, h.UnitNumber, h.Floor, h.RoomNumber, h.Vacant,
            people.TryGetValue(h.Id, out var p) ? p.Count : 0, Markers(h.Id))).ToList();
        var floors = cells.Select(c => c.Floor).Concat(Enumerable.Range(1, Math.Max(b.Floors, 0))).Distinct().OrderDescending().ToList();
        var units = cells.Select(c => c.UnitNumber).Concat(Enumerable.Range(1, Math.Max(b.UnitCount, 0))).Distinct().Order().ToList();
        return new View(b.Id, b.Name, floors, units, cells);
    }

    // A short badge text: the Chinese name without its bracketed explanation, at most four characters.
    static string Short(TagDefinition d)
    {
        var name = d.NameZh.Split('（', '(')[0].Trim('“', '”', '"');
        return name.Length <= 4 ? name : name[..4];
    }
}
