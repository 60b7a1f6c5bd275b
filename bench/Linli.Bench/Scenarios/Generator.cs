using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Linli.Bench;

// 0 生成器: rows the `generate` verb writes per second against binary COPY of the same rows into plain tables
// (target ≥ 0.5: "at least half as fast as COPY of the same rows"). The generator's own measurement when it prints one;
// otherwise rows in the database ÷ run.sh's wall time of the verb against a sampled COPY, extrapolated over all rows.
public static partial class Generator
{
    const string Name = "0 generator";
    const int SampleRows = 100_000;

    public static async Task<List<ScenarioResult>> RunAsync(BenchContext c, CancellationToken ct)
    {
        // HOOK(gen): `generate --baseline` (run.sh passes it) measures COPY of the registry tables' rows itself and prints
        // "baseline: COPY of the registry tables' <rows> rows in <s> s (<copy> rows/s); generator <ours> rows/s: ratio …".
        // That figure is the one reported; without it, this scenario measures on its own (below).
        var log = c.Options.GenerationLog is { } path && File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : "";
        if (OwnBaseline().Matches(log).LastOrDefault() is { } b)
            return [Rows.AtLeast(Name, "rows/s vs COPY", Number(b.Groups[4].Value), Number(b.Groups[3].Value), 0.5,
                $"the generator's own figure (generate --baseline): registry rows/s vs binary COPY of its {b.Groups[1].Value} rows in {b.Groups[2].Value} s into plain tables")];

        var (rows, seconds, source) = Figure().Matches(log).LastOrDefault() is { } g
            ? ((long)Number(g.Groups[1].Value), Number(g.Groups[2].Value), "the generator's own figure")
            : (await CountRowsAsync(c, ct), c.Options.GenerationSeconds, "rows in the database ÷ wall time of the verb (incl. start-up)");
        if (seconds <= 0) throw new BenchException("no generation time (run.sh --gen-seconds)");
        var (copyRate, sampled) = await CopyRateAsync(c, ct);
        return [Rows.AtLeast(Name, "rows/s vs COPY", rows / seconds, copyRate, 0.5,
            $"{rows:N0} rows in {seconds:0.0} s ({source}); baseline: binary COPY into plain tables, {sampled:N0} rows sampled across the tables")];
    }

    static double Number(string text) => double.Parse(text.Replace(",", ""), CultureInfo.InvariantCulture);

    static async Task<List<(string Table, long Rows)>> TablesAsync(BenchContext c, CancellationToken ct)
    {
        var names = new List<string>();
        await using (var cmd = c.Db.CreateCommand("SELECT relname FROM pg_stat_user_tables WHERE relname NOT LIKE 'bench%' AND relname <> '__EFMigrationsHistory' ORDER BY relname"))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        var tables = new List<(string, long)>();
        foreach (var t in names)
            if (await c.ScalarAsync<long>($"SELECT count(*) FROM \"{t}\"", ct) is > 0 and var n) tables.Add((t, n));
        return tables;
    }

    static async Task<long> CountRowsAsync(BenchContext c, CancellationToken ct) => (await TablesAsync(c, ct)).Sum(t => t.Rows);

    /// <summary>COPY rate over all rows: Σ rows ÷ Σ (rows of a table ÷ that table's sampled COPY rate).</summary>
    static async Task<(double Rate, long Sampled)> CopyRateAsync(BenchContext c, CancellationToken ct)
    {
        double seconds = 0;
        long total = 0, sampled = 0;
        await using var conn = await c.Db.OpenConnectionAsync(ct);
        foreach (var (table, rows) in await TablesAsync(c, ct))
        {
            var sample = (int)Math.Min(rows, SampleRows);
            var data = new MemoryStream();
            await using (var output = await conn.BeginRawBinaryCopyAsync($"COPY (SELECT * FROM \"{table}\" LIMIT {sample}) TO STDOUT (FORMAT BINARY)", ct))
                await output.CopyToAsync(data, ct);
            await Exec($"DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (LIKE \"{table}\" INCLUDING DEFAULTS)");
            data.Position = 0;
            var watch = Stopwatch.StartNew();
            await using (var input = await conn.BeginRawBinaryCopyAsync("COPY bench_copy FROM STDIN (FORMAT BINARY)", ct))
                await data.CopyToAsync(input, ct);
            seconds += watch.Elapsed.TotalSeconds * rows / sample;
            total += rows;
            sampled += sample;
        }
        await Exec("DROP TABLE IF EXISTS bench_copy");
        return (seconds > 0 ? total / seconds : 0, sampled);

        async Task Exec(string sql)
        {
            await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    [GeneratedRegex(@"(?:generated|total): ([\d,]+) rows in ([\d.]+) ?s")]
    private static partial Regex Figure();

    [GeneratedRegex(@"baseline: COPY of the registry tables' ([\d,]+) rows in ([\d.]+) s \(([\d,]+) rows/s\); generator ([\d,]+) rows/s")]
    private static partial Regex OwnBaseline();
}
