namespace Linli.Bench;

// 4 统计看板: the matter statistics of the caller's unit for a city, a district and a street official — the API
// (GET /api/v1/matters/stats) and the page (/matters/dashboard, signed in by cookie) — for this month (the dashboard's
// default) and for the last twelve months (a year of matters: where rollups earn their keep). Target: p95 ≤ 300 ms each.
public static class Dashboards
{
    const string Name = "4 dashboards";

    public static async Task<List<ScenarioResult>> RunAsync(BenchContext c, CancellationToken ct)
    {
        var n = c.Options.Pick(2, 20, 100);
        var limit = TimeSpan.FromSeconds(c.Options.Pick(15, 15, 60)); // each measurement: bounded by count and time
        var today = DateOnly.FromDateTime(DateTime.Now);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var year = $"from={monthStart.AddMonths(-11):yyyy-MM-dd}&to={monthStart.AddMonths(1).AddDays(-1):yyyy-MM-dd}";
        var rows = new List<ScenarioResult>();
        foreach (var role in new[] { "city", "district", "street" })
        {
            var api = await c.SessionAsync(role, ct);
            var page = await PageSession.LoginAsync(c.Options.BaseUrl, c.Options.User(role), c.Options.Password, ct);
            rows.Add(await MeasureAsync(limit, $"{role} stats API, month, p95 ms", n, (_, t) => api.GetAsync("api/v1/matters/stats", t), $"GET /api/v1/matters/stats as {api.UserName}", ct));
            rows.Add(await MeasureAsync(limit, $"{role} stats API, 12 months, p95 ms", n, (_, t) => api.GetAsync("api/v1/matters/stats?" + year, t), $"GET /api/v1/matters/stats?{year} as {api.UserName}", ct));
            rows.Add(await MeasureAsync(limit, $"{role} dashboard page, month, p95 ms", n, (_, t) => page.GetAsync("matters/dashboard", t), $"GET /matters/dashboard as {api.UserName}", ct));
            rows.Add(await MeasureAsync(limit, $"{role} dashboard page, 12 months, p95 ms", n, (_, t) => page.GetAsync("matters/dashboard?" + year, t), $"GET /matters/dashboard?{year} as {api.UserName}", ct));
        }
        return rows;
    }

    static async Task<ScenarioResult> MeasureAsync(TimeSpan limit, string metric, int n, Func<int, CancellationToken, Task> op, string what, CancellationToken ct)
    {
        await Load.WarmAsync(2, op, ct);
        var m = await Load.RunAsync(1, n, limit, (_, i, t) => op(i, t), ct);
        if (m.Errors > 0) throw new BenchException($"{metric}: {m.Errors} errors{m.ErrorText}");
        return Rows.AtMost(Name, metric, m.P(95), 300, $"{m.Count} × {what}, 1 client; p50 {m.P(50):0.0} ms");
    }
}
