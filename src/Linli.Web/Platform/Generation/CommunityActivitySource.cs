using Linli.Data;
using Linli.Modules.Matters;
using Linli.Modules.Residents;
using Linli.Modules.Visits;

namespace Linli.Platform.Generation;

// What one community's activity is made from, read from the registry: its residents (how many matters), homes (where
// matters come from), households with the visit interval their members' tags call for (how often they are visited).
sealed record CommunityActivitySource(int Residents, List<DemoMatters.Home> Homes, List<CommunityActivitySource.Household> Households)
{
    public sealed record Household(long Id, long HouseId, long GridId, string OrgPath, string? HeadName, int IntervalDays);

    public static async Task<CommunityActivitySource> LoadAsync(AppDbContext db, DemoMatterWorld world, DemoMatterWorld.Unit community,
        VisitIntervals intervals, CancellationToken ct)
    {
        var path = community.Path;
        var homes = (await DemoMatters.HomesAsync(db, world, path, ct)).GetValueOrDefault(community.Id, []);
        var residents = await db.Residents.IgnoreQueryFilters().AsNoTracking().Where(r => r.OrgPath.StartsWith(path) && r.Status == ResidentStatus.Active)
            .Select(r => new VisitIntervals.Member(r.Id, r.HouseholdId, r.BirthDate, r.ResidenceType)).ToListAsync(ct);
        var households = await db.Households.IgnoreQueryFilters().AsNoTracking().Where(h => h.OrgPath.StartsWith(path)).OrderBy(h => h.Id)
            .Select(h => new { h.Id, h.HouseId, h.OrgUnitId, h.OrgPath, Head = h.Head == null ? null : h.Head.Name }).ToListAsync(ct);
        var tags = intervals.TypedCodes.Count == 0 ? [] : await db.ResidentTags.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.OrgPath.StartsWith(path) && intervals.TypedCodes.Contains(t.TagCode)
                        && (t.StartDate == null || t.StartDate <= intervals.Today) && (t.EndDate == null || t.EndDate >= intervals.Today))
            .Select(t => new { t.ResidentId, t.TagCode }).ToListAsync(ct);
        var byHousehold = intervals.Of(residents, tags.Select(t => (t.ResidentId, t.TagCode)));
        return new(residents.Count, homes,
            households.Select(h => new Household(h.Id, h.HouseId, h.OrgUnitId, h.OrgPath, h.Head, byHousehold.GetValueOrDefault(h.Id, intervals.Yearly))).ToList());
    }
}

/// <summary>走访频次 the visit rules as VisitSchedule applies them: the shortest interval any member's tag calls for.</summary>
sealed class VisitIntervals(List<VisitRule> rules, DateOnly today)
{
    public sealed record Member(long Id, long? HouseholdId, DateOnly BirthDate, ResidenceType ResidenceType);

    public DateOnly Today => today;
    public int Yearly { get; } = rules.FirstOrDefault(r => r.TagCode is null)?.IntervalDays ?? 365;
    public List<string> TypedCodes { get; } = rules.Where(r => r.TagCode is not null && r.Tag is { Derived: false }).Select(r => r.TagCode!).ToList();

    public static async Task<VisitIntervals> LoadAsync(AppDbContext db, DateOnly today, CancellationToken ct) =>
        new(await db.VisitRules.AsNoTracking().Where(r => r.Active).Include(r => r.Tag).ToListAsync(ct), today);

    public Dictionary<long, int> Of(List<Member> members, IEnumerable<(long ResidentId, string TagCode)> typed)
    {
        var result = new Dictionary<long, int>();
        var household = members.Where(m => m.HouseholdId is not null).ToDictionary(m => m.Id, m => m.HouseholdId!.Value);
        void Apply(long householdId, string code)
        {
            if (rules.FirstOrDefault(r => r.TagCode == code) is not { } rule) return;
            if (rule.IntervalDays < result.GetValueOrDefault(householdId, Yearly)) result[householdId] = rule.IntervalDays;
        }
        foreach (var (residentId, code) in typed)
            if (household.TryGetValue(residentId, out var h)) Apply(h, code);
        foreach (var rule in rules.Where(r => r.Tag is { Derived: true }))
            foreach (var m in members.Where(m => m.HouseholdId is not null && Carries(m, rule.TagCode!)))
                Apply(m.HouseholdId!.Value, rule.TagCode!);
        return result;
    }

    bool Carries(Member m, string code) => code switch
    {
        TagCodes.Elderly60 => m.BirthDate <= DerivedTags.BornBy(60, today),
        TagCodes.Elderly80 => m.BirthDate <= DerivedTags.BornBy(80, today),
        TagCodes.Floating => m.ResidenceType == ResidenceType.Floating,
        _ => false,
    };
}
