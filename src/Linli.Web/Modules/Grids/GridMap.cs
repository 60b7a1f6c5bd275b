using System.Text.Json;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Grids;

// 网格地图数据 the grids of a community with their boundaries and the measures the map can colour by.
public static class GridMap
{
    public sealed record Measure(string Key, string Label);

    // Measures are values keyed like Measure.Key.
    public sealed record Grid(long Id, string Code, string Name, IReadOnlyDictionary<string, int> Values, JsonElement? Geometry);

    public sealed record View(long OrgUnitId, string OrgUnitName, IReadOnlyList<Measure> Measures, IReadOnlyList<Grid> Grids);

    public static void Map(RouteGroupBuilder grids) =>
        grids.MapGet("/map", Handle)
            .WithName("Grids_Map")
            .WithSummary("The active grids under orgUnitId (a community) with their boundary geometry and measures (households, key populations, households overdue for a visit)");

    static async Task<Results<Ok<View>, NotFound>> Handle(long? orgUnitId, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await LoadAsync(db, time, orgUnitId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static IReadOnlyList<Measure> Measures() =>
    [
        new("households", Loc.T("户数", "Households")),
        new("keyPopulation", Loc.T("重点人群人数", "Key-population people")),
        new("overdueVisits", Loc.T("逾期未访户数", "Households overdue for a visit")),
    ];

    public static async Task<View?> LoadAsync(AppDbContext db, TimeProvider time, long? orgUnitId, CancellationToken ct)
    {
        var unit = await GridAccess.UnitOrOwnAsync(db, orgUnitId, ct);
        if (unit is null) return null;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var born60 = DerivedTags.BornBy(60, today);
        // 重点人群: a current tag the caller may see (the tag filters hide the rest), or derived: 60+, floating.
        var rows = await db.OrgUnits.AsNoTracking()
            .Where(g => g.Level == OrgLevel.Grid && g.Active && g.OrgPath.StartsWith(unit.OrgPath))
            .OrderBy(g => g.Code)
            .Select(g => new
            {
                g.Id, g.Code, g.Name,
                Households = db.Households.Count(h => h.OrgUnitId == g.Id),
                KeyPopulation = db.Residents.Count(r => r.OrgUnitId == g.Id && r.Status == ResidentStatus.Active
                    && (r.BirthDate <= born60 || r.ResidenceType == ResidenceType.Floating
                        || db.ResidentTags.Any(t => t.ResidentId == r.Id && (t.StartDate == null || t.StartDate <= today) && (t.EndDate == null || t.EndDate >= today)))),
                Geometry = db.GridBoundaries.Where(b => b.GridId == g.Id).Select(b => b.GeoJson).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var overdue = (await Visits.VisitSchedule.ForAsync(db, db.Households.Where(h => h.OrgPath.StartsWith(unit.OrgPath)), today, ct))
            .Where(d => d.Overdue).CountBy(d => d.OrgUnitId).ToDictionary();
        var grids = rows.Select(r => new Grid(r.Id, r.Code, r.Name,
            new Dictionary<string, int> { ["households"] = r.Households, ["keyPopulation"] = r.KeyPopulation, ["overdueVisits"] = overdue.GetValueOrDefault(r.Id) },
            r.Geometry is null ? null : JsonDocument.Parse(r.Geometry).RootElement.Clone())).ToList();
        return new View(unit.Id, unit.Name, Measures(), grids);
    }
}
