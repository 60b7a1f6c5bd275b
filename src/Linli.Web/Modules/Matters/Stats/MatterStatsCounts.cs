using Linli.Data;
using Linli.Platform.Generation;

namespace Linli.Modules.Matters.Stats;

// The counted parts of the dashboard — per-child tallies, categories, channels, the trend — either from the rollup
// (MatterTallies / MatterBreakdowns: a few rows per unit and day, at any scale) or live from the period's matters.
// Both give the same figures (MatterRollupTests); the live count stays for department staff, who see only the matters
// routed to their department, and for breakdowns below street level, which the rollup does not keep.
public sealed record MatterStatsCounts(IReadOnlyList<StatsSql.Tally> Tallies, StatsSql.Tally Totals,
    IReadOnlyList<(int Category, int Count)> Categories, IReadOnlyDictionary<MatterChannel, int> Channels, IReadOnlyList<int> Trend)
{
    public static bool RollupServes(AppDbContext db) => db.CurrentUser.DepartmentId is null;

    /// <summary>From the rollup. unitIds[0] is the unit, the rest its children (tally key i−1).</summary>
    public static async Task<MatterStatsCounts> FromRollupAsync(AppDbContext db, string unitPath, IReadOnlyList<long> unitIds, MatterPeriod period,
        IReadOnlyList<MatterPeriod.Bucket> buckets, IQueryable<Matter> cohort, CancellationToken ct)
    {
        var (from, to, unitId) = (period.From, period.To, unitIds[0]);
        var ids = unitIds.ToList();
        var sums = await db.MatterTallies.AsNoTracking().Where(t => ids.Contains(t.UnitId) && t.Day >= from && t.Day <= to)
            .GroupBy(t => t.UnitId).Select(g => new
            {
                g.Key, Received = g.Sum(t => t.Received), Accepted = g.Sum(t => t.Accepted), OnTimeAccepted = g.Sum(t => t.OnTimeAccepted),
                Resolved = g.Sum(t => t.Resolved), OnTimeResolved = g.Sum(t => t.OnTimeResolved), ResolvedVerified = g.Sum(t => t.ResolvedVerified),
                Reworked = g.Sum(t => t.Reworked), FollowedUp = g.Sum(t => t.FollowedUp), Satisfied = g.Sum(t => t.Satisfied),
                Redone = g.Sum(t => t.Redone), HandlingSeconds = g.Sum(t => t.HandlingSeconds),
            }).ToListAsync(ct);
        var tallies = sums.Select(s => new StatsSql.Tally
        {
            Key = ids.IndexOf(s.Key) - 1, Received = s.Received, HandlingHours = s.HandlingSeconds / 3600.0,
            // MatterMetrics.Counted order
            Counts = [s.Accepted, s.OnTimeAccepted, s.Resolved, s.OnTimeResolved, s.ResolvedVerified, s.Reworked, s.FollowedUp, s.Satisfied, s.Redone],
        }).ToList();
        var totals = tallies.FirstOrDefault(t => t.Key == -1) ?? new StatsSql.Tally { Key = -1, Counts = new int[MatterMetrics.Counted.Length] };

        var days = await db.MatterTallies.AsNoTracking().Where(t => t.UnitId == unitId && t.Day >= from && t.Day <= to && t.Received != 0)
            .Select(t => new { t.Day, t.Received }).ToListAsync(ct);
        var trend = buckets.Select(b => days.Where(d => d.Day >= b.From && d.Day <= b.To).Sum(d => d.Received)).ToList();

        if (MatterTallyRules.PathIds(unitPath).Length > MatterBreakdown.MaxDepth)
        {
            var (categories, channels) = await LiveBreakdownsAsync(cohort, ct);
            return new(tallies.Where(t => t.Key >= 0).ToList(), totals, categories, channels, trend);
        }
        var mix = await db.MatterBreakdowns.AsNoTracking().Where(b => b.UnitId == unitId && b.Day >= from && b.Day <= to)
            .GroupBy(b => new { b.Kind, b.Key }).Select(g => new { g.Key.Kind, g.Key.Key, Count = g.Sum(b => b.Received) }).ToListAsync(ct);
        return new(tallies.Where(t => t.Key >= 0).ToList(), totals,
            [.. mix.Where(m => m.Kind == BreakdownKind.Category && m.Count != 0).Select(m => (m.Key, m.Count))],
            mix.Where(m => m.Kind == BreakdownKind.Channel && m.Count != 0).ToDictionary(m => (MatterChannel)m.Key, m => m.Count), trend);
    }

    /// <summary>Live, from the matters registered in the period. children are the unit's children's paths (tally key i).</summary>
    public static async Task<MatterStatsCounts> LiveAsync(IQueryable<Matter> cohort, IReadOnlyList<string> children,
        IReadOnlyList<MatterPeriod.Bucket> buckets, TimeZoneInfo zone, CancellationToken ct)
    {
        var groups = await cohort.GroupBy(StatsSql.PathKey(children)).Select(StatsSql.TallyOf()).ToListAsync(ct);
        var totals = new StatsSql.Tally
        {
            Key = -1, Received = groups.Sum(t => t.Received), HandlingHours = groups.Sum(t => t.HandlingHours),
            Counts = [.. Enumerable.Range(0, MatterMetrics.Counted.Length).Select(i => groups.Sum(t => t.Counts[i]))],
        };
        var (categories, channels) = await LiveBreakdownsAsync(cohort, ct);
        var trendKey = StatsSql.TimeKey<Matter>(m => m.CreatedAt, [.. buckets.Select(b => MatterPeriod.Utc(b.From, zone))]);
        var trend = await cohort.GroupBy(trendKey).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new(groups.Where(t => t.Key >= 0).ToList(), totals, categories, channels, [.. buckets.Select((_, i) => trend.GetValueOrDefault(i))]);
    }

    static async Task<(IReadOnlyList<(int, int)>, IReadOnlyDictionary<MatterChannel, int>)> LiveBreakdownsAsync(IQueryable<Matter> cohort, CancellationToken ct)
    {
        var categories = await cohort.GroupBy(m => m.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var channels = await cohort.GroupBy(m => m.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return ([.. categories.Select(c => (c.Key, c.Count))], channels);
    }
}
