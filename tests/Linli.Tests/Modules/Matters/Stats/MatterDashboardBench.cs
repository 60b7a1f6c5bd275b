using System.Diagnostics;
using Linli.Data;
using Linli.Modules.Matters.Stats;
using Linli.Platform.Generation;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.Matters.Stats;

// Not a test: the dashboard timing at city shape on PostgreSQL, run by hand with LINLI_BENCH_MATTERS=5000000 (and
// LINLI_TEST_POSTGRES). Fills a city-shaped tree (16 districts × 21 streets × 21 communities × 4 grids) and a year of
// matters with generate_series, rebuilds the rollups, then times MatterStats.LoadAsync (rollup and live) for the city,
// a district and a street, a month and a year. Results to the test output and /tmp/linli-dashboard-bench.txt.
// Last run (2026-12-05, 1M matters, 2-core box at load average ~30, p95 ms rollup / live): city month 2454 / 6796,
// city year 6661 / 10657, district month 104 / 207, district year 366 / 3059, street month 44 / 81, street year 62 / 96.
// The city's time is the live parts (80,000 overdue-now rows, 50,000 escalation steps a year), not the rollup.
public sealed class MatterDashboardBench
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bench_Dashboards_AtCityShape()
    {
        if (Environment.GetEnvironmentVariable("LINLI_BENCH_MATTERS") is not { } n || TestEnvironment.PostgresConnection is null)
        {
            Assert.Skip("set LINLI_BENCH_MATTERS and LINLI_TEST_POSTGRES to run the dashboard bench");
            return;
        }
        var matters = long.Parse(n, System.Globalization.CultureInfo.InvariantCulture);
        await using var app = LinliApp.Create(Provider.Postgres);
        var log = new List<string>();
        void Say(string line) { log.Add(line); TestContext.Current.TestOutputHelper?.WriteLine(line); File.WriteAllLines("/tmp/linli-dashboard-bench.txt", log); }

        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var sw = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(Ct);   // the fill's temp table lives on this connection
        foreach (var sql in FillSql(matters)) await db.Database.ExecuteSqlRawAsync(sql, Ct);
        Say($"fill {matters:N0} matters: {sw.Elapsed.TotalSeconds:0} s");
        sw.Restart();
        await Rollups.RebuildAllAsync(db, Ct);
        Say($"Rollups.RebuildAllAsync: {sw.Elapsed.TotalSeconds:0} s, {await db.MatterTallies.CountAsync(Ct):N0} tally rows, {await db.MatterBreakdowns.CountAsync(Ct):N0} breakdown rows");
        await db.Database.ExecuteSqlRawAsync("ANALYZE", Ct);

        var time = TimeProvider.System;
        var units = new[] { ("city", 1_000_000L), ("district", 1_000_001L), ("street", 1_100_001L) };
        var periods = new[] { ("month", new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30)), ("year", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)) };
        foreach (var (unitName, id) in units)
            foreach (var (periodName, from, to) in periods)
                foreach (var live in new[] { false, true })
                {
                    var period = MatterPeriod.Of(from, to, time.LocalTimeZone);
                    var runs = live ? 5 : 20;
                    var ms = new List<double>();
                    for (var i = 0; i < runs + 2; i++)
                    {
                        var t = Stopwatch.StartNew();
                        var view = await MatterStats.LoadAsync(db, time, id, period, Ct, live);
                        if (i >= 2) ms.Add(t.Elapsed.TotalMilliseconds);
                        if (i == 0 && !live) Say($"  {unitName} {periodName}: received {view!.Totals.Received:N0}, overdue now {view.Totals.OverdueNow:N0}, escalations {view.Escalations.Escalations:N0}");
                    }
                    ms.Sort();
                    Say($"{unitName,-8} {periodName,-5} {(live ? "live" : "rollup"),-6} p50 {ms[ms.Count / 2],7:0} ms  p95 {ms[(int)Math.Ceiling(ms.Count * 0.95) - 1],7:0} ms  (n={ms.Count})");
                }
    }

    // A city tree with ids from 1,000,000 (clear of the app's own units) and a year (2025) of matters on its grids.
    static IEnumerable<string> FillSql(long matters)
    {
        const string unit = "INSERT INTO \"OrgUnits\" (\"Id\", \"ParentId\", \"Level\", \"Code\", \"Name\", \"Active\", \"SortOrder\", \"OrgPath\") ";
        yield return unit + "VALUES (1000000, NULL, 1, 'B1000000', '测试市', true, 0, '/1000000/')";
        yield return unit + "SELECT 1000000 + d, 1000000, 2, 'B' || (1000000 + d), '区' || d, true, d, '/1000000/' || (1000000 + d) || '/' FROM generate_series(1, 16) d";
        yield return unit + "SELECT 1100000 + s, 1000000 + (s - 1) / 21 + 1, 3, 'B' || (1100000 + s), '街道' || s, true, s, '/1000000/' || (1000000 + (s - 1) / 21 + 1) || '/' || (1100000 + s) || '/' FROM generate_series(1, 336) s";
        yield return unit + "SELECT 1200000 + c, p.\"Id\", 4, 'B' || (1200000 + c), '社区' || c, true, c, p.\"OrgPath\" || (1200000 + c) || '/' FROM generate_series(1, 7056) c JOIN \"OrgUnits\" p ON p.\"Id\" = 1100000 + (c - 1) / 21 + 1";
        yield return unit + "SELECT 1300000 + g, p.\"Id\", 5, 'B' || (1300000 + g), '网格' || g, true, g, p.\"OrgPath\" || (1300000 + g) || '/' FROM generate_series(1, 28224) g JOIN \"OrgUnits\" p ON p.\"Id\" = 1200000 + (g - 1) / 4 + 1";
        yield return "CREATE TEMP TABLE bench_cat AS SELECT row_number() OVER (ORDER BY \"Id\") - 1 AS i, \"Id\", \"Name\" FROM \"MatterCategories\"";
        yield return $"""
            INSERT INTO "Matters" ("TicketNumber", "TrackingTokenHash", "Channel", "CategoryId", "CategoryName", "Description", "AnonymousToPublic", "Urgency",
              "State", "RegisteredByUnitId", "Supervised", "ReworkCount", "RedoCount", "EscalationCount", "CreatedAt", "CreatedById", "CreatedByName", "OrgPath",
              "AcceptDueAt", "AcceptedAt", "ResolveDueAt", "ResolvedAt", "VerifiedAt", "FollowedUpAt", "Satisfaction")
            SELECT 'B' || x.n, 'x', (ARRAY['Counter','Hotline','Mailbox','Web','GridWorker','Open311'])[1 + x.n % 6], c."Id", c."Name", '测试', false, 'Normal',
              x.state, g."Id", false, CASE WHEN x.n % 17 = 0 THEN 1 ELSE 0 END, CASE WHEN x.n % 23 = 0 THEN 1 ELSE 0 END, CASE WHEN x.n % 20 = 0 THEN 1 ELSE 0 END,
              x.at, 'bench', '测试', g."OrgPath",
              x.at + interval '1 day', CASE WHEN x.state <> 'Registered' THEN x.at + (x.n % 30) * interval '1 hour' END,
              x.at + interval '5 days', CASE WHEN x.state IN ('Verified','FollowedUp','Closed') THEN x.at + (x.n % 150) * interval '1 hour' END,
              CASE WHEN x.state IN ('Verified','FollowedUp','Closed') THEN x.at + (x.n % 150 + 2) * interval '1 hour' END,
              CASE WHEN x.state IN ('FollowedUp','Closed') THEN x.at + (x.n % 150 + 4) * interval '1 hour' END,
              CASE WHEN x.state IN ('FollowedUp','Closed') THEN (ARRAY['Satisfied','Basic','NotSatisfied'])[1 + x.n % 3] END
            FROM (SELECT n, timestamptz '2025-01-01 00:00:00+00' + (n * 31536000.0 / {matters}) * interval '1 second' AS at,
                    CASE WHEN n % 100 < 3 THEN 'Registered' WHEN n % 100 < 8 THEN 'InProgress' WHEN n % 100 < 10 THEN 'FollowedUp' ELSE 'Closed' END AS state
                  FROM generate_series(1::bigint, {matters}) n) x
            JOIN "OrgUnits" g ON g."Id" = 1300001 + (x.n * 7919) % 28224
            JOIN bench_cat c ON c.i = x.n % (SELECT count(*) FROM bench_cat)
            """;
        yield return """
            INSERT INTO "MatterEvents" ("MatterId", "Type", "ActorId", "ActorName", "At", "IsPublic", "OrgPath")
            SELECT m."Id", 'Escalated', 'bench', '测试', m."CreatedAt" + interval '2 hours', false, m."OrgPath" FROM "Matters" m WHERE m."EscalationCount" > 0
            """;
    }
}
