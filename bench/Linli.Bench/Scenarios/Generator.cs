using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Linli.Bench;

// 0 生成器: rows the `generate` verb wrote per second of its wall time (measured by run.sh around the verb) against
// binary COPY of a sample of the same rows into plain tables without indexes, extrapolated over all the rows.
// Target ≥ 0.5 (the issue: "at least half as fast as COPY of the same rows").
public static partial class Generator
{
    const string Name = "0 generator";
    const int SampleRows = 100_000;

    public static async Task<List<ScenarioResult>> RunAsync(BenchContext c, CancellationToken ct)
    {
        // HOOK(gen): when `generate` prints its own figure as a line "total: <rows> rows in <seconds> s", that line
        // is used (it excludes start-up and migrations); otherwise the rows counted in the database ÷ run.sh's wall time.
        var (rows, seconds, source) = FromLog(c.Options.GenerationLog) is { } g ? (g.Rows, g.Seconds, "the generator's own figure")
            : (await CountRowsAsync(c, ct), c.Options.GenerationSeconds, "rows in the database ÷ wall time of the verb (incl. start-up)");
        if (seconds <= 0) throw new BenchException("no generation time (run.sh --gen-seconds)");
        var (copyRate, sampled) = await CopyRateAsync(c, ct);
        return [Rows.AtLeast(Name, "rows/s vs COPY", rows / seconds, copyRate, 0.5,
            $"{rows:N0} rows in {seconds:0.0} s ({source}); baseline: binary COPY into plain tables, {sampled:N0} rows sampled across the tables")];
    }

    static (long Rows, double Seconds)? FromLog(string? path)
    {
        if (path is null || !File.Exists(path)) return null;
        var m = Figure().Matches(File.ReadAllText(path)).LastOrDefault();
        return m is null ? null : (long.Parse(m.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

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
}
