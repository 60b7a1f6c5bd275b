using System.Text;
using Linli.Data;
using Linli.Modules.Matters;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Linli.Platform.Generation;

// Keeps the rollup in step with the matters: AppDbContext.SaveChangesAsync — the one place every matter write goes
// through (registration, each workflow step, rating, tracking) — takes the matters' before and after figures from the
// change tracker, and adds the difference to the (unit, day) rows of every unit on the path in the same transaction,
// as INSERT … ON CONFLICT DO UPDATE increments (both providers), so concurrent saves never lose a count.
public sealed class MatterTallyWriter
{
    readonly Dictionary<(long Unit, DateOnly Day), long[]> tallies = [];
    readonly Dictionary<(long Unit, DateOnly Day, BreakdownKind Kind, int Key), long> breakdowns = [];

    /// <summary>The differences the pending matter changes make; null when there are none.</summary>
    public static MatterTallyWriter? Capture(AppDbContext db, ChangeTracker tracker)
    {
        MatterTallyWriter? writer = null;
        TimeZoneInfo? zone = null;
        foreach (var entry in tracker.Entries<Matter>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var before = entry.State == EntityState.Added ? null : MatterTallyRules.Facts.Of(entry.OriginalValues);
            var after = entry.State == EntityState.Deleted ? null : MatterTallyRules.Facts.Of(entry.CurrentValues);
            if (before == after) continue;
            zone ??= RollupDays.Zone(db);
            writer ??= new MatterTallyWriter();
            if (before is not null) writer.Add(before, -1, zone);
            if (after is not null) writer.Add(after, +1, zone);
        }
        return writer is null || writer.IsEmpty() ? null : writer;
    }

    void Add(MatterTallyRules.Facts m, int sign, TimeZoneInfo zone)
    {
        var day = RollupDays.Of(m.CreatedAt, zone);
        var counts = MatterTallyRules.Counts(m);
        var ids = MatterTallyRules.PathIds(m.OrgPath);
        for (var depth = 1; depth <= ids.Length; depth++)
        {
            var unit = ids[depth - 1];
            if (!tallies.TryGetValue((unit, day), out var sum)) tallies[(unit, day)] = sum = new long[counts.Length];
            for (var i = 0; i < counts.Length; i++) sum[i] += sign * counts[i];
            if (depth > MatterBreakdown.MaxDepth) continue;
            Bump((unit, day, BreakdownKind.Category, m.CategoryId), sign);
            Bump((unit, day, BreakdownKind.Channel, (int)m.Channel), sign);
        }
    }

    void Bump((long, DateOnly, BreakdownKind, int) key, int sign) => breakdowns[key] = breakdowns.GetValueOrDefault(key) + sign;

    bool IsEmpty()
    {
        foreach (var (key, sum) in tallies.ToList()) if (sum.All(v => v == 0)) tallies.Remove(key);
        foreach (var (key, sum) in breakdowns.ToList()) if (sum == 0) breakdowns.Remove(key);
        return tallies.Count == 0 && breakdowns.Count == 0;
    }

    /// <summary>Adds the differences; call inside the transaction of the save that made them. Rows go in key order, so two
    /// saves touching the same rows lock them in the same order.</summary>
    public async Task ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        // Both tables' rows in one command where they fit: one round trip while the day's hot rows are locked.
        var sql = new StringBuilder();
        var args = new List<object>();
        foreach (var chunk in tallies.OrderBy(t => t.Key).Chunk(200))
            await AppendAsync(db, sql, args, "MatterTallies", ["UnitId", "Day"], MatterTallyRules.Columns,
                chunk.Select(t => (new object[] { t.Key.Unit, t.Key.Day }, t.Value)), ct);
        foreach (var chunk in breakdowns.OrderBy(b => b.Key).Chunk(200))
            await AppendAsync(db, sql, args, "MatterBreakdowns", ["UnitId", "Day", "Kind", "Key"], [nameof(MatterBreakdown.Received)],
                chunk.Select(b => (new object[] { b.Key.Unit, b.Key.Day, (int)b.Key.Kind, b.Key.Key }, new[] { b.Value })), ct);
        if (sql.Length > 0) await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
    }

    // Adds one upsert statement to the command being built; sends the command first when it already holds 400 rows' worth.
    static async Task AppendAsync(AppDbContext db, StringBuilder sql, List<object> args, string table, string[] keys, string[] columns,
        IEnumerable<(object[] Key, long[] Values)> rows, CancellationToken ct)
    {
        if (args.Count > 20_000)
        {
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
            sql.Clear();
            args.Clear();
        }
        sql.Append($"INSERT INTO \"{table}\" ({string.Join(", ", keys.Concat(columns).Select(c => $"\"{c}\""))}) VALUES ");
        var first = true;
        foreach (var (key, counts) in rows)
        {
            var values = key.Concat(counts.Select((v, i) => Value(columns[i], v))).ToList();
            sql.Append(first ? "(" : ", (").AppendJoin(", ", values.Select((_, i) => $"{{{args.Count + i}}}")).Append(')');
            args.AddRange(values);
            first = false;
        }
        sql.Append($" ON CONFLICT ({string.Join(", ", keys.Select(c => $"\"{c}\""))}) DO UPDATE SET ")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\" = \"{table}\".\"{c}\" + excluded.\"{c}\"")).Append(";\n");
    }

    // Counts are int columns; the handling time is bigint.
    static object Value(string column, long v) => column == nameof(MatterTally.HandlingSeconds) ? v : (object)checked((int)v);
}
