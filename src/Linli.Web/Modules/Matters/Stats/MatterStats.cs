using Linli.Data;
using Linli.Modules.Organization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters.Stats;

// 诉求统计 GET /api/v1/matters/stats: the figures of one org unit's subtree (matters it OWNS, 首问责任) for a period.
// The period's counts come from the daily rollup (MatterStatsCounts: unit, day → counts, Σ handling time), so a city
// dashboard over 20M matters a year sums a few thousand rows; overdue-now and 四级联动 are counted live on partial indexes.
public static class MatterStats
{
    public sealed record Unit(long Id, string Name, OrgLevel Level);

    /// <summary>Counts with their rates in percent (one decimal; null when the denominator is 0). See <see cref="Definitions"/>.</summary>
    public sealed record Figures(int Received, int Accepted, int OnTimeAccepted, double? OnTimeAcceptanceRate,
        int ResolvedVerified, double? ResolutionRate, int FollowedUp, int Satisfied, double? SatisfactionRate,
        int Resolved, int OnTimeResolved, double? OnTimeResolutionRate, int Reworked, double? ReworkRate, int Redone, double? RedoRate,
        double? AverageHandlingHours, int OverdueNow);

    public sealed record ChildRow(Unit Unit, Figures Figures);
    public sealed record CategoryRow(int Id, string Name, int Received);
    public sealed record ChannelRow(MatterChannel Channel, int Received);
    public sealed record TrendRow(string Label, DateOnly From, DateOnly To, int Received);

    public sealed record View(Unit OrgUnit, DateOnly From, DateOnly To, Figures Totals, IReadOnlyList<ChildRow> ByChild,
        IReadOnlyList<CategoryRow> ByTopCategory, IReadOnlyList<CategoryRow> ByCategory, IReadOnlyList<ChannelRow> ByChannel,
        string TrendBy, IReadOnlyList<TrendRow> Trend, EscalationStats.Table Escalations);

    /// <summary>What each rate divides by: auditors ask. Shown on the dashboard as tooltips and footnotes.</summary>
    public static readonly IReadOnlyList<(string Name, string Zh, string En)> Definitions =
    [
        ("received", "受理量：期间内登记、首问责任单位在本单位及下级的诉求件数", "Received: matters registered in the period and owned (首问责任) by this unit or below"),
        ("onTimeAcceptanceRate", "按时受理率 = 受理时间 ≤ 受理时限的件数 ÷ 已受理件数", "On-time acceptance = accepted by the accept deadline ÷ accepted"),
        ("resolutionRate", "解决率 = 已办结且核查通过（已核查/已回访/已关闭）的件数 ÷ 受理量", "Resolution rate = resolved and verified (now Verified, Followed up or Closed) ÷ received"),
        ("satisfactionRate", "满意率 = 回访满意与基本满意件数 ÷ 已回访件数", "Satisfaction = satisfied or basically satisfied ÷ followed up"),
        ("onTimeResolutionRate", "按期办结率 = 办结时间 ≤ 办结时限的件数 ÷ 已办结件数", "On-time resolution = resolved by the resolve deadline ÷ resolved"),
        ("reworkRate", "返工率 = 核查不通过（返工次数 > 0）的件数 ÷ 已办结件数", "Rework rate = resolved matters that failed verification at least once ÷ resolved"),
        ("redoRate", "重办率 = 因不满意重办过（重办次数 > 0）的件数 ÷ 已回访件数", "Redo rate = followed-up matters redone after dissatisfaction ÷ followed up"),
        ("averageHandlingHours", "平均办理时长 = 已办结件数的（办结时间 − 登记时间）平均值，按自然小时", "Average handling time = mean of (resolved − registered) over resolved matters, in calendar hours"),
        ("overdueNow", "当前超期：现在已超过受理或办结时限、尚未处理的件数（不限期间）", "Overdue now: matters whose running deadline has passed, whenever registered"),
        ("escalations", "四级联动：期间内上报上一级的次数，按登记社区（街道以上按下级单位）与自然周（周一起）统计", "Escalations: steps raised one level up in the period, by owning community (above street level, by child unit) and ISO week"),
    ];

    public static void Map(RouteGroupBuilder matters) =>
        matters.MapGet("/stats", Handle).WithName("Matters_Stats")
            .WithSummary("Figures of an org unit's subtree for a period (default: the caller's unit, this month): rates, breakdowns, 四级联动 per community per week");

    static async Task<Results<Ok<View>, NotFound, ValidationProblem>> Handle(long? orgUnitId, string? from, string? to,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var period = MatterPeriod.Parse(from, to, time, errors);
        if (period is null) return TypedResults.ValidationProblem(errors);
        return await LoadAsync(db, time, orgUnitId, period, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();
    }

    /// <summary>live counts the matters themselves instead of the rollup (what the rollup tests compare with).</summary>
    public static async Task<View?> LoadAsync(AppDbContext db, TimeProvider time, long? orgUnitId, MatterPeriod period, CancellationToken ct, bool live = false)
    {
        var id = orgUnitId ?? db.CurrentUser.OrgUnitId;
        var unit = id is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Name, u.Level, u.OrgPath }).SingleOrDefaultAsync(ct);
        if (unit is null) return null;
        var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.SortOrder).ThenBy(u => u.Code)
            .Select(u => new { Unit = new Unit(u.Id, u.Name, u.Level), u.OrgPath }).ToListAsync(ct);
        var path = unit.OrgPath;
        var owned = db.Matters.AsNoTracking().Where(m => m.OrgPath.StartsWith(path));
        var cohort = owned.Where(m => m.CreatedAt >= period.FromUtc && m.CreatedAt < period.ToUtc);
        var childKey = StatsSql.PathKey([.. children.Select(c => c.OrgPath)]);

        // Weekly up to a quarter, monthly beyond.
        var weekly = period.To.DayNumber - period.From.DayNumber < 92;
        var buckets = weekly ? period.Weeks() : period.Months();
        var zone = time.LocalTimeZone;
        var counts = !live && MatterStatsCounts.RollupServes(db)
            ? await MatterStatsCounts.FromRollupAsync(db, path, [unit.Id, .. children.Select(c => c.Unit.Id)], period, buckets, cohort, ct)
            : await MatterStatsCounts.LiveAsync(cohort, [.. children.Select(c => c.OrgPath)], buckets, zone, ct);

        // Overdue is "now", whenever registered: counted live, on the partial index of open matters.
        var overdue = await owned.WhereOverdue(time.GetUtcNow().UtcDateTime).GroupBy(childKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var byChild = children.Select((c, i) => new ChildRow(c.Unit,
            FiguresOf(counts.Tallies.Where(t => t.Key == i), overdue.GetValueOrDefault(i)))).ToList();
        var totals = FiguresOf([counts.Totals], overdue.Values.Sum());

        var tree = await CategoryTree.LoadAsync(db, ct);
        var byCategory = counts.Categories.Select(c => new CategoryRow(c.Category, tree.Find(c.Category)?.Name ?? "?", c.Count))
            .OrderByDescending(c => c.Received).ThenBy(c => c.Id).ToList();
        var byTop = counts.Categories.GroupBy(c => tree.Top(c.Category) ?? new CategoryTree.Node(c.Category, "?", null))
            .Select(g => new CategoryRow(g.Key.Id, g.Key.Name, g.Sum(c => c.Count))).OrderByDescending(c => c.Received).ThenBy(c => c.Id).ToList();
        var byChannel = Enum.GetValues<MatterChannel>().Select(c => new ChannelRow(c, counts.Channels.GetValueOrDefault(c))).ToList();

        var escalations = await EscalationStats.LoadAsync(db, path, unit.Level, period, zone, ct);
        return new View(new Unit(unit.Id, unit.Name, unit.Level), period.From, period.To, totals, byChild, byTop, byCategory, byChannel,
            weekly ? "week" : "month", [.. buckets.Select((b, i) => new TrendRow(b.Label, b.From, b.To, counts.Trend[i]))], escalations);
    }

    static Figures FiguresOf(IEnumerable<StatsSql.Tally> tallies, int overdueNow)
    {
        var list = tallies.ToList();
        int C(MatterMetric metric) => list.Sum(t => t.Counts[Array.IndexOf(MatterMetrics.Counted, metric)]);
        var received = list.Sum(t => t.Received);
        int accepted = C(MatterMetric.Accepted), onTimeAccepted = C(MatterMetric.OnTimeAccepted), resolved = C(MatterMetric.Resolved),
            onTimeResolved = C(MatterMetric.OnTimeResolved), verified = C(MatterMetric.ResolvedVerified), reworked = C(MatterMetric.Reworked),
            followedUp = C(MatterMetric.FollowedUp), satisfied = C(MatterMetric.Satisfied), redone = C(MatterMetric.Redone);
        double? avgHours = resolved == 0 ? null : Math.Round(list.Sum(t => t.HandlingHours) / resolved, 1);
        return new Figures(received, accepted, onTimeAccepted, Rate(onTimeAccepted, accepted), verified, Rate(verified, received),
            followedUp, satisfied, Rate(satisfied, followedUp), resolved, onTimeResolved, Rate(onTimeResolved, resolved),
            reworked, Rate(reworked, resolved), redone, Rate(redone, followedUp), avgHours, overdueNow);
    }

    public static double? Rate(int count, int of) => of == 0 ? null : Math.Round(100.0 * count / of, 1);
}
