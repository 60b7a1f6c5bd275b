using System.Globalization;
using System.Text;
using Linli.Data;

namespace Linli.Platform.Generation;

// 汇总重建 the dashboards' rollups (MatterTallies, MatterBreakdowns) computed again from the raw matters, set-based on
// both providers: a scope table (a matter's OrgPath → the units on it, with a sign) joined with Matters, one
// INSERT … SELECT … GROUP BY per table. Also moves a subtree's figures from its old ancestors to its new ones.
public static class Rollups
{
    /// <summary>One row of the scope: matters at exactly Path count (times the sign) for UnitId.</summary>
    public sealed record ScopeRow(string Path, long UnitId, int TallySign, int BreakdownSign);

    public static async Task RebuildAllAsync(AppDbContext db, CancellationToken ct)
    {
        var paths = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Select(u => u.OrgPath).ToListAsync(ct);
        var scope = paths.SelectMany(p => MatterTallyRules.PathIds(p)
            .Select((id, i) => new ScopeRow(p, id, 1, i + 1 <= MatterBreakdown.MaxDepth ? 1 : 0))).ToList();
        await InTransactionAsync(db, async () =>
        {
            await db.MatterTallies.ExecuteDeleteAsync(ct);
            await db.MatterBreakdowns.ExecuteDeleteAsync(ct);
            await ApplyAsync(db, scope, ct);
        }, ct);
    }

    /// <summary>
    /// After MoveOrgUnit rewrote the paths (old → new) of a subtree: its matters leave the old ancestors' rows and join
    /// the new ones'; units inside it whose depth crossed <see cref="MatterBreakdown.MaxDepth"/> gain or lose breakdowns.
    /// </summary>
    public static async Task MoveSubtreeAsync(AppDbContext db, string oldPath, string newPath, CancellationToken ct)
    {
        var oldIds = MatterTallyRules.PathIds(oldPath);
        var newIds = MatterTallyRules.PathIds(newPath);
        var shift = newIds.Length - oldIds.Length;
        var paths = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.OrgPath.StartsWith(newPath)).Select(u => u.OrgPath).ToListAsync(ct);
        static int Within(int depth) => depth <= MatterBreakdown.MaxDepth ? 1 : 0;
        var rows = new List<ScopeRow>();
        foreach (var p in paths)
        {
            var ids = MatterTallyRules.PathIds(p);
            for (var i = 0; i < oldIds.Length - 1; i++) rows.Add(new ScopeRow(p, oldIds[i], -1, -Within(i + 1)));
            for (var i = 0; i < newIds.Length - 1; i++) rows.Add(new ScopeRow(p, newIds[i], +1, +Within(i + 1)));
            for (var i = newIds.Length - 1; i < ids.Length; i++)
                rows.Add(new ScopeRow(p, ids[i], 0, Within(i + 1) - Within(i + 1 - shift)));
        }
        var scope = rows.GroupBy(r => (r.Path, r.UnitId))
            .Select(g => new ScopeRow(g.Key.Path, g.Key.UnitId, g.Sum(r => r.TallySign), g.Sum(r => r.BreakdownSign)))
            .Where(r => r.TallySign != 0 || r.BreakdownSign != 0).ToList();
        if (scope.Count > 0) await InTransactionAsync(db, () => ApplyAsync(db, scope, ct), ct);
    }

    static async Task ApplyAsync(AppDbContext db, IReadOnlyList<ScopeRow> scope, CancellationToken ct)
    {
        var pg = db.IsPostgres;
        var range = await db.Matters.IgnoreQueryFilters().GroupBy(_ => 1)
            .Select(g => new { From = g.Min(m => m.CreatedAt), To = g.Max(m => m.CreatedAt) }).FirstOrDefaultAsync(ct);
        if (range is null) return;
        await db.Database.ExecuteSqlRawAsync(pg
            ? "CREATE TEMP TABLE rollup_scope (\"Path\" text COLLATE \"C\" NOT NULL, \"UnitId\" bigint NOT NULL, \"TallySign\" int NOT NULL, \"BreakdownSign\" int NOT NULL) ON COMMIT DROP"
            : "CREATE TEMP TABLE rollup_scope (\"Path\" TEXT NOT NULL, \"UnitId\" INTEGER NOT NULL, \"TallySign\" INTEGER NOT NULL, \"BreakdownSign\" INTEGER NOT NULL)", ct);
        try
        {
            foreach (var chunk in scope.Chunk(500))
            {
                var sql = new StringBuilder("INSERT INTO rollup_scope VALUES ");
                var args = new List<object>();
                foreach (var r in chunk)
                {
                    sql.Append(args.Count == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{args.Count}}}, {{{args.Count + 1}}}, {{{args.Count + 2}}}, {{{args.Count + 3}}})");
                    args.AddRange([r.Path, r.UnitId, r.TallySign, r.BreakdownSign]);
                }
                await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
            }
            await db.Database.ExecuteSqlRawAsync(pg ? "CREATE INDEX ON rollup_scope (\"Path\"); ANALYZE rollup_scope" : "CREATE INDEX temp.rollup_scope_path ON rollup_scope (\"Path\")", ct);
            var day = RollupDays.Sql(pg, "m.\"CreatedAt\"", RollupDays.Zone(db), range.From, range.To);
            var counts = MatterTallyRules.SqlCounts(pg);
            await db.Database.ExecuteSqlRawAsync(Upsert("MatterTallies", ["UnitId", "Day"], MatterTallyRules.Columns,
                $"s.\"UnitId\", {day}", counts.Select(c => $"SUM(s.\"TallySign\" * ({c}))"), "s.\"TallySign\" <> 0"), ct);
            foreach (var (kind, key) in new[] { (BreakdownKind.Category, "m.\"CategoryId\""), (BreakdownKind.Channel, MatterTallyRules.SqlChannelOrdinal()) })
                await db.Database.ExecuteSqlRawAsync(Upsert("MatterBreakdowns", ["UnitId", "Day", "Kind", "Key"], ["Received"],
                    $"s.\"UnitId\", {day}, {(int)kind}, {key}", ["SUM(s.\"BreakdownSign\")"], "s.\"BreakdownSign\" <> 0"), ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS rollup_scope", ct);
        }
    }

    static string Upsert(string table, string[] keys, string[] columns, string keySelect, IEnumerable<string> sums, string where)
    {
        string Q(string c) => $"\"{c}\"";
        var groupBy = string.Join(", ", keys.Select((_, i) => (i + 1).ToString(CultureInfo.InvariantCulture)));
        return $"INSERT INTO {Q(table)} ({string.Join(", ", keys.Concat(columns).Select(Q))}) "
            + $"SELECT {keySelect}, {string.Join(", ", sums)} FROM \"Matters\" m JOIN rollup_scope s ON s.\"Path\" = m.\"OrgPath\" "
            + $"WHERE {where} GROUP BY {groupBy} "
            + $"ON CONFLICT ({string.Join(", ", keys.Select(Q))}) DO UPDATE SET "
            + string.Join(", ", columns.Select(c => $"{Q(c)} = {Q(table)}.{Q(c)} + excluded.{Q(c)}"));
    }

    static async Task InTransactionAsync(AppDbContext db, Func<Task> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await using (own)
            {
                await work();
                if (own is not null) await own.CommitAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
