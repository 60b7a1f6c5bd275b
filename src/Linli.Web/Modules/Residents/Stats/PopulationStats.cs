using System.Linq.Expressions;
using Linli.Modules.Organization;
using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 人口统计 population statistics of one org unit's subtree: counted by grouped queries in the database.
public static class PopulationStats
{
    public const int BandYears = 5;
    public const int TopBand = 20;   // 100+

    public sealed record Unit(long Id, string Name, OrgLevel Level);
    public sealed record Band(string Label, int Male, int Female);
    public sealed record TagCount(string Code, string Name, int Count);
    public sealed record Share(string Code, string Name, int Count);
    public sealed record View(Unit OrgUnit, IReadOnlyList<Unit> Children, DateOnly AsOf, int Population, int Households,
        IReadOnlyList<Band> AgePyramid, IReadOnlyList<TagCount> KeyPopulations,
        IReadOnlyList<Share> ResidenceTypes, IReadOnlyList<Share> RegistrationMatches);

    public static void Map(RouteGroupBuilder stats) =>
        stats.MapGet("/population", Handle)
            .WithName("Stats_Population")
            .WithSummary("Population, households, age pyramid, key populations and residence mix of an org unit (default: the caller's)");

    static async Task<Results<Ok<View>, NotFound>> Handle(long? orgUnitId, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await LoadAsync(db, time, orgUnitId, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    public static async Task<View?> LoadAsync(AppDbContext db, TimeProvider time, long? orgUnitId, CancellationToken ct)
    {
        var id = orgUnitId ?? db.CurrentUser.OrgUnitId;
        if (id is null) return null;
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return null;
        var path = unit.OrgPath;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);

        var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unit.Id)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code).Select(u => new Unit(u.Id, u.Name, u.Level)).ToListAsync(ct);
        var residents = db.Residents.AsNoTracking().Where(r => r.Status == ResidentStatus.Active && r.OrgPath.StartsWith(path));
        // One grouped pass (an index-only scan on PostgreSQL) gives every figure counted from the residents themselves.
        var cells = await residents.GroupBy(CellKey(today))
            .Select(g => new { g.Key.Band, g.Key.ResidenceType, g.Key.RegistrationMatch, Count = g.Count() }).ToListAsync(ct);
        var households = await db.Households.AsNoTracking().CountAsync(h => h.OrgPath.StartsWith(path), ct);

        var pyramid = Enumerable.Range(0, TopBand + 1).Select(b => new Band(
            b == TopBand ? $"{b * BandYears}+" : $"{b * BandYears}-{b * BandYears + BandYears - 1}",
            cells.Where(x => x.Band == b * 2).Sum(x => x.Count),
            cells.Where(x => x.Band == b * 2 + 1).Sum(x => x.Count))).ToList();
        // 60 and 80 are band cut-offs (the same DerivedTags.BornBy), so the elderly are whole bands.
        var derived = new Dictionary<string, int>
        {
            [TagCodes.Elderly60] = cells.Where(x => x.Band / 2 >= 60 / BandYears).Sum(x => x.Count),
            [TagCodes.Elderly80] = cells.Where(x => x.Band / 2 >= 80 / BandYears).Sum(x => x.Count),
            [TagCodes.Floating] = cells.Where(x => x.ResidenceType == ResidenceType.Floating).Sum(x => x.Count),
        };
        var types = cells.GroupBy(x => x.ResidenceType).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var matches = cells.GroupBy(x => x.RegistrationMatch).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        return new View(new Unit(unit.Id, unit.Name, unit.Level), children, today, cells.Sum(x => x.Count), households, pyramid,
            await KeyPopulationsAsync(db, residents, path, today, derived, ct), Shares(types), Shares(matches));
    }

    static async Task<IReadOnlyList<TagCount>> KeyPopulationsAsync(AppDbContext db, IQueryable<Resident> residents, string path, DateOnly today,
        Dictionary<string, int> derived, CancellationToken ct)
    {
        // The tag filters hide sensitive tags from callers without the permission, so they are neither counted nor listed.
        var defs = await ResidentTags.VisibleDefinitionsAsync(db, ct);
        var typed = await db.ResidentTags.AsNoTracking()
            .Where(t => t.OrgPath.StartsWith(path)
                && (t.StartDate == null || t.StartDate <= today) && (t.EndDate == null || t.EndDate >= today)
                && residents.Any(r => r.Id == t.ResidentId))
            .GroupBy(t => t.TagCode).Select(g => new { g.Key, Count = g.Select(t => t.ResidentId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        foreach (var (code, count) in derived) typed[code] = count;
        return defs.Where(d => d.Active || typed.ContainsKey(d.Code))
            .Select(d => new TagCount(d.Code, d.Name, typed.GetValueOrDefault(d.Code))).ToList();
    }

    static IReadOnlyList<Share> Shares<TEnum>(Dictionary<TEnum, int> counts) where TEnum : struct, Enum =>
        Labels.All<TEnum>().Select(e => new Share(e.ToString(), Labels.Of(e), counts.GetValueOrDefault(e))).ToList();

    /// <summary>The grouping key of one resident: the age band and gender, the residence type, the registration match.</summary>
    sealed class Cell
    {
        public int Band { get; init; }
        public ResidenceType ResidenceType { get; init; }
        public RegistrationMatch RegistrationMatch { get; init; }
    }

    /// <summary>
    /// Band: band × 2 (+1 for women) as one CASE expression: a person is in band k when born on or before the day that
    /// makes them 5k today (the same cut-off as the derived age tags), so the age is worked out by the database.
    /// </summary>
    static Expression<Func<Resident, Cell>> CellKey(DateOnly today)
    {
        var r = Expression.Parameter(typeof(Resident), "r");
        var birth = Expression.Property(r, nameof(Resident.BirthDate));
        Expression band = Expression.Constant(0);
        for (var k = 1; k <= TopBand; k++)
            band = Expression.Condition(Expression.LessThanOrEqual(birth, Expression.Constant(DerivedTags.BornBy(k * BandYears, today))),
                Expression.Constant(k), band);
        var female = Expression.Condition(Expression.Equal(Expression.Property(r, nameof(Resident.Gender)), Expression.Constant(Gender.Female)),
            Expression.Constant(1), Expression.Constant(0));
        return Expression.Lambda<Func<Resident, Cell>>(Expression.MemberInit(Expression.New(typeof(Cell)),
            Expression.Bind(typeof(Cell).GetProperty(nameof(Cell.Band))!, Expression.Add(Expression.Multiply(band, Expression.Constant(2)), female)),
            Expression.Bind(typeof(Cell).GetProperty(nameof(Cell.ResidenceType))!, Expression.Property(r, nameof(Resident.ResidenceType))),
            Expression.Bind(typeof(Cell).GetProperty(nameof(Cell.RegistrationMatch))!, Expression.Property(r, nameof(Resident.RegistrationMatch)))), r);
    }
}
