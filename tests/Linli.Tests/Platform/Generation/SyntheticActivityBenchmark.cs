using System.Diagnostics;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Generation;
using Linli.Platform.Hosting;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Linli.Tests.Platform.Generation;

// Not a test: run by hand (LINLI_BENCH_ACTIVITY=1 and LINLI_TEST_POSTGRES) to measure the activity generator on the demo
// city (~50k residents, no matters, visits removed) against a plain binary COPY of the very rows it wrote, side by side.
// 2026-12-05, 2 shared cores, PostgreSQL 17 (fsync off): 538,715 rows (50,575 matters, 465,192 steps, 22,948 visits) in
// 26.7 s = 20,195 rows/s (registry reads 1.8 s, making rows 3.3 s, writing 9.2 s, deferred indexes and keys 10.8 s);
// plain COPY 4.1 s = 131,124 rows/s → ratio 0.15; COPY into tables with the same indexes 15.5 s → ratio 0.58.
public sealed class SyntheticActivityBenchmark
{
    [Fact]
    public async Task Activity_RowsPerSecond_VersusPlainCopy()
    {
        if (Environment.GetEnvironmentVariable("LINLI_BENCH_ACTIVITY") != "1" || TestEnvironment.PostgresConnection is null)
            Assert.Skip("Benchmark: set LINLI_BENCH_ACTIVITY=1 and LINLI_TEST_POSTGRES.");
        var ct = TestContext.Current.CancellationToken;
        await using var app = LinliApp.Create(Provider.Postgres, new Dictionary<string, string?> { ["Demo:Residents"] = "50000", ["Demo:Matters"] = "0" });
        var log = new List<string>();
        void Say(string line) { log.Add(line); TestContext.Current.TestOutputHelper?.WriteLine(line); }

        // The seeded city is kept as a template database on this server, so a second run skips the seeding.
        const string Template = "linli_bench_activity_city";
        var name = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresConnection + "Database=postgres;"))
        {
            await admin.OpenAsync(ct);
            await using var exists = new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{Template}'", admin);
            if ((long)(await exists.ExecuteScalarAsync(ct))! > 0) await Exec(admin, $"""CREATE DATABASE "{name}" TEMPLATE "{Template}" """, ct);
        }
        using (var scope = app.SystemScope())
        {
            var started = Stopwatch.GetTimestamp();
            await ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).SeedAsync(ct);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Visits" """, ct);
            Say($"demo city ready in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: {await db.Residents.IgnoreQueryFilters().CountAsync(ct)} residents");
        }
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresConnection + "Database=postgres;"))
        {
            await admin.OpenAsync(ct);
            await Exec(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()", ct);
            NpgsqlConnection.ClearAllPools();
            await Exec(admin, $"""DROP DATABASE IF EXISTS "{Template}"; """, ct);
            await Exec(admin, $"""CREATE DATABASE "{Template}" TEMPLATE "{name}" """, ct);
        }

        ActivityCounts counts;
        TimeSpan generated;
        using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var root = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Code == DemoCity.CityCode).Select(u => u.OrgPath).SingleAsync(ct);
            var started = Stopwatch.GetTimestamp();
            SyntheticActivity.Timings = default;
            counts = await SyntheticActivity.GenerateAsync(db, root, 1, DateTime.Now.Year, ScalePlan.For("demo"), null, ct);
            generated = Stopwatch.GetElapsedTime(started);
        }
        var rows = counts.Visits + counts.Matters + counts.MatterEvents;
        Say($"  of which reading the registry {SyntheticActivity.Timings.Load.TotalSeconds:0.00} s, making rows {SyntheticActivity.Timings.Make.TotalSeconds:0.00} s, writing {SyntheticActivity.Timings.Write.TotalSeconds:0.00} s, building deferred indexes {SyntheticActivity.Timings.Indexes.TotalSeconds:0.00} s");
        Say($"generated {counts.Matters} matters, {counts.MatterEvents} events, {counts.Visits} visits = {rows} rows in {generated.TotalSeconds:0.00} s: {rows / generated.TotalSeconds:0} rows/s");

        // The baseline: the same rows, exported in COPY's binary format, copied into plain tables (no index, no constraint),
        // and for comparison into tables with the same indexes.
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync(ct);
        foreach (var (mode, like) in new[] { ("plain", "INCLUDING DEFAULTS"), ("indexed", "INCLUDING DEFAULTS INCLUDING INDEXES") })
        {
            var copied = TimeSpan.Zero;
            foreach (var table in new[] { "Matters", "MatterEvents", "Visits" })
            {
                await Exec(conn, $"""DROP TABLE IF EXISTS "bench_{table}"; CREATE TABLE "bench_{table}" (LIKE "{table}" {like})""", ct);
                var data = new MemoryStream();
                await using (var export = await conn.BeginRawBinaryCopyAsync($"""COPY "{table}" TO STDOUT (FORMAT BINARY)""", ct))
                    await export.CopyToAsync(data, ct);
                data.Position = 0;
                var started = Stopwatch.GetTimestamp();
                await using (var import = await conn.BeginRawBinaryCopyAsync($"""COPY "bench_{table}" FROM STDIN (FORMAT BINARY)""", ct))
                    await data.CopyToAsync(import, ct);
                copied += Stopwatch.GetElapsedTime(started);
            }
            Say($"COPY into {mode} tables: {rows} rows in {copied.TotalSeconds:0.00} s: {rows / copied.TotalSeconds:0} rows/s; generator/COPY ratio {copied / generated:0.00}");
        }
        await File.WriteAllLinesAsync(Path.Combine(Path.GetTempPath(), "linli-activity-bench.txt"), log, ct);
    }

    static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
