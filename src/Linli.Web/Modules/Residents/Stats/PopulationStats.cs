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
        var population = await residents.CountAsync(ct);
        var households = await db.Households.AsNoTracking().CountAsync(h => h.OrgPath.StartsWith(path), ct);

        var bands = await residents.GroupBy(BandKey(today)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var pyramid = Enumerable.Range(0, TopBand + 1).Select(b => new Band(
            b == TopBand ? $"{b * BandYears}+" : $"{b * BandYears}-{b * BandYears + BandYears - 1}",
            bands.Where(x => x.Key == b * 2).Sum(x => x.Count),
            bands.Where(x => x.Key == b * 2 + 1).Sum(x => x.Count))).ToList();

        var types = await residents.GroupBy(r => r.ResidenceType).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var matches = await residents.GroupBy(r => r.RegistrationMatch).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new View(new Unit(unit.Id, unit.Name, unit.Level), children, today, population, households, pyramid,
            await KeyPopulationsAsync(db, residents, path, today, ct), Shares(types), Shares(matches));
    }

    static async Task<IReadOnlyList<TagCount>> KeyPopulationsAsync(AppDbContext db, IQueryable<Resident> residents, string path, DateOnly today, CancellationToken ct)
    {
        // The tag filters hide sensitive tags from callers without the permission, so they are neither counted nor listed.
        var defs = await ResidentTags.VisibleDefinitionsAsync(db, ct);
        var typed = await db.ResidentTags.AsNoTracking()
            .Where(t => t.OrgPath.StartsWith(path)
                && (t.StartDate == null || t.StartDate <= today) && (t.EndDate == null || t.EndDate >= today)
                && residents.Any(r => r.Id == t.ResidentId))
            .GroupBy(t => t.TagCode).Select(g => new { g.Key, Count = g.Select(t => t.ResidentId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var born60 = DerivedTags.BornBy(60, today);
        var born80 = DerivedTags.BornBy(80, today);
        typed[TagCodes.Elderly60] = await residents.CountAsync(r => r.BirthDate <= born60, ct);
        typed[TagCodes.Elderly80] = await residents.CountAsync(r => r.BirthDate <= born80, ct);
        typed[TagCodes.Floating] = await residents.CountAsync(r => r.ResidenceType == ResidenceType.Floating, ct);
        return defs.Where(d => d.Active || typed.ContainsKey(d.Code))
            .Select(d => new TagCount(d.Code, d.Name, typed.GetValueOrDefault(d.Code))).ToList();
    }

    static IReadOnlyList<Share> Shares<TEnum>(Dictionary<TEnum, int> counts) where TEnum : struct, Enum =>
        Labels.All<TEnum>().Select(e => new Share(e.ToString(), Labels.Of(e), counts.GetValueOrDefault(e))).ToList();

    /// <summary>
    /// band × 2 (+1 for women) as one CASE expression: a person is in band k when born on or before the day that makes
    /// them 5k today (the same cut-off as the derived age tags), so the age is worked out by the database, not in memory.
    /// </summary>
    static Expression<Func<Resident, int>> BandKey(DateOnly today)
    {
        var r = Expression.Parameter(typeof(Resident), "r");
        var birth = Expression.Property(r, nameof(Resident.BirthDate));
        Expression band = Expression.Constant(0);
        for (var k = 1; k <= TopBand; k++)
            band = Expression.Condition(Expression.LessThanOrEqual(birth, Expression.Constant(DerivedTags.BornBy(k * BandYears, today))),
                Expression.Constant(k), band);
        var female = Expression.Condition(Expression.Equal(Expression.Property(r, nameof(Resident.Gender)), Expression.Constant(Gender.Female)),
            Expression.Constant(1), Expression.Constant(0));
        return Expression.Lambda<Func<Resident, int>>(Expression.Add(Expression.Multiply(band, Expression.Constant(2)), female), r);
    }
}
