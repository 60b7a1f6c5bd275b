namespace Linli.Bench;

// 5 混合负载: N concurrent staff clients for a fixed time, each doing the next request as soon as the last answered —
// resident searches and details, matter lists and details, visit lists, dashboards and population statistics.
// Reported: throughput, p50/p95/p99, errors (must be 0) and the web process's peak RSS (VmHWM, ≤ 1 GiB).
public static class MixedLoad
{
    const string Name = "5 mixed staff reads";
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];

    public static async Task<List<ScenarioResult>> RunAsync(BenchContext c, CancellationToken ct)
    {
        var clients = c.Options.Pick(2, 8, 16);
        var seconds = c.Options.Pick(5, 30, 60);
        var count = c.Options.Smoke ? 40 : int.MaxValue;
        var worker = await c.SessionAsync("community", ct);
        var street = await c.SessionAsync("street", ct);
        var district = await c.SessionAsync("district", ct);
        var city = await c.SessionAsync("city", ct);
        var communityPath = (await c.UnitAsync("community", ct)).Path;
        var streetPath = (await c.UnitAsync("street", ct)).Path;
        var residents = await c.IdsAsync("SELECT \"Id\" FROM \"Residents\" WHERE \"OrgPath\" LIKE $1 ORDER BY \"Id\" LIMIT 500", ct, communityPath + "%");
        var matters = await c.IdsAsync("SELECT \"Id\" FROM \"Matters\" WHERE \"OrgPath\" LIKE $1 ORDER BY \"Id\" DESC LIMIT 500", ct, streetPath + "%");
        if (residents.Count == 0) throw new BenchException("no residents to read in the community");

        var kinds = new[] { "resident search", "resident search", "resident", "matter list", "matter list", "matter", "district stats", "visits", "city stats", "population" }
            .Distinct().ToDictionary(k => k, _ => new Measured());
        string KindOf(int i) => (i % 10) switch { 0 or 1 => "resident search", 2 => "resident", 3 or 4 => "matter list", 5 => "matter", 6 => "district stats", 7 => "visits", 8 => "city stats", _ => "population" };

        async Task Op(int client, int i, CancellationToken t)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await Request(i, t);
            kinds[KindOf(i)].Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Task Request(int i, CancellationToken t)
        {
            var r = Random.Shared;
            return (i % 10) switch
            {
                0 or 1 => worker.GetAsync($"api/v1/residents?name={Uri.EscapeDataString(Surnames[r.Next(Surnames.Length)])}&page={r.Next(1, 4)}&pageSize=20", t),
                2 => worker.GetAsync($"api/v1/residents/{residents[r.Next(residents.Count)]}", t),
                3 or 4 => street.GetAsync($"api/v1/matters?page={r.Next(1, 6)}&pageSize=20", t),
                5 => street.GetAsync(matters.Count == 0 ? "api/v1/matters?page=1&pageSize=20" : $"api/v1/matters/{matters[r.Next(matters.Count)]}", t),
                6 => district.GetAsync("api/v1/matters/stats", t),
                7 => worker.GetAsync($"api/v1/visits?page={r.Next(1, 4)}&pageSize=20", t),
                8 => city.GetAsync("api/v1/matters/stats", t),
                _ => street.GetAsync("api/v1/stats/population", t),
            };
        }

        await Load.WarmAsync(10, Request, ct);
        var m = await Load.RunAsync(clients, count, TimeSpan.FromSeconds(seconds), Op, ct);
        var rss = c.PeakRssMb();
        var how = $"{clients} clients × {m.Seconds:0} s{(c.Options.Quick ? " (--quick: 30 s instead of 60 s)" : "")}, {m.Count} requests";
        return
        [
            Rows.Info(Name, "throughput req/s", m.PerSecond, how + "; mix: 30% resident search/detail, 30% matter list/detail, 20% stats, 10% visits, 10% population"),
            Rows.Info(Name, "p50 ms", m.P(50), how),
            Rows.Info(Name, "p95 ms", m.P(95), "p95 by request: " + string.Join(", ", kinds.Where(k => k.Value.Count > 0).Select(k => $"{k.Key} {k.Value.P(95):0} ms"))),
            Rows.Info(Name, "p99 ms", m.P(99), how),
            new(Name, "errors", m.Errors, 0, 0, 0, m.Errors == 0, m.Errors == 0 ? "must be 0" : "must be 0" + m.ErrorText),
            Rows.AtMost(Name, "web peak RSS MiB", rss, 1024, "VmHWM of the web process over the whole run so far"),
        ];
    }
}
