using Linli.Data;
using Linli.Modules.Organization;

namespace Linli.Modules.Matters.Stats;

// 四级联动 统计: 上报 steps in the period per owning community per ISO week. A matter belongs to the community on its
// owner's path (a grid's matter to its community); a matter owned above community level (a street's counter) gets a
// row of its own unit, drilled down by the exact owner. Above street level the rows are the unit's children instead of
// its communities (a district's streets, a city's districts): a city has thousands of communities, and each child's
// own dashboard lists its communities.
public static class EscalationStats
{
    /// <summary>One cell: steps counted, and the distinct matters behind them (what the drill-down list shows).</summary>
    public sealed record Cell(int Escalations, int Matters);
    public sealed record Row(MatterStats.Unit Unit, bool ExactOwner, IReadOnlyList<Cell> Weeks, int Escalations, int Matters);
    public sealed record Table(IReadOnlyList<MatterPeriod.Bucket> Weeks, IReadOnlyList<Row> Rows, int Escalations, int EscalatedMatters);

    public static async Task<Table> LoadAsync(AppDbContext db, string path, OrgLevel level, MatterPeriod period, TimeZoneInfo zone, CancellationToken ct)
    {
        var rowLevel = RowLevel(level);
        var weeks = period.Weeks();
        // Steps carry their matter's path, and path lies in the caller's scope (the unit was read through it), so for a unit
        // official the matter filter's lookup per step (26× the cost of the index-only count) adds nothing. Department staff
        // keep it: they see only the matters routed to their department.
        var steps = db.CurrentUser.DepartmentId is null ? db.MatterEvents.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]) : db.MatterEvents;
        var events = steps.AsNoTracking().Where(e => e.Type == MatterEventType.Escalated
            && e.OrgPath.StartsWith(path) && e.At >= period.FromUtc && e.At < period.ToUtc);
        var weekKey = StatsSql.TimeKey<MatterEvent>(e => e.At, [.. weeks.Select(w => MatterPeriod.Utc(w.From, zone))]);
        var groups = await events.Select(StatsSql.WithWeek(weekKey)).GroupBy(e => new { e.OrgPath, e.Week })
            .Select(g => new { g.Key.OrgPath, g.Key.Week, Count = g.Count(), Matters = g.Select(e => e.MatterId).Distinct().Count() })
            .ToListAsync(ct);
        // A matter has one path, so distinct matters per path add up to distinct matters per row, and in all, over the period.
        var perPath = await events.GroupBy(e => e.OrgPath).Select(g => new { g.Key, Matters = g.Select(e => e.MatterId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Matters, ct);
        var matters = perPath.Values.Sum();

        // Units named by the paths found (communities on them, or the owner itself), in one query.
        var ids = groups.SelectMany(g => PathIds(g.OrgPath)).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id) && u.OrgPath.StartsWith(path))
            .Select(u => new { u.Id, u.Name, u.Level, u.SortOrder, u.Code }).ToDictionaryAsync(u => u.Id, ct);
        var rows = groups.GroupBy(g =>
            {
                var onPath = PathIds(g.OrgPath).Where(units.ContainsKey).Select(i => units[i]).ToList();
                var row = onPath.FirstOrDefault(u => u.Level == rowLevel);
                return (row ?? onPath.Last()).Id;
            })
            .Select(g =>
            {
                var u = units[g.Key];
                var cells = weeks.Select((_, i) => new Cell(g.Where(x => x.Week == i).Sum(x => x.Count), g.Where(x => x.Week == i).Sum(x => x.Matters))).ToList();
                return (Sort: (u.SortOrder, u.Code), Row: new Row(new MatterStats.Unit(u.Id, u.Name, u.Level), u.Level < rowLevel, cells, cells.Sum(c => c.Escalations),
                    g.Select(x => x.OrgPath).Distinct().Sum(p => perPath.GetValueOrDefault(p))));
            })
            .OrderBy(x => x.Sort).Select(x => x.Row).ToList();
        return new Table(weeks, rows, rows.Sum(r => r.Escalations), matters);
    }

    /// <summary>The level of the table's rows for a unit of this level: communities up to a street, children above.</summary>
    public static OrgLevel RowLevel(OrgLevel level) => level >= OrgLevel.Street ? OrgLevel.Community : level + 1;

    static IEnumerable<long> PathIds(string orgPath) =>
        orgPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => long.TryParse(s, out var id) ? id : 0).Where(id => id > 0);
}
