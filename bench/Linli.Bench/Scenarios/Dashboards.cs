namespace Linli.Bench;

// 4 统计看板: the matter statistics of the caller's unit (this month, the dashboard's default) for a city, a district and a
// street official — the API (GET /api/v1/matters/stats) and the page (/matters/dashboard, signed in by cookie).
// Target: p95 ≤ 300 ms each.
public static class Dashboards
{
    const string Name = "4 dashboards";

    public static async Task<List<ScenarioResult>> RunAsync(BenchContext c, CancellationToken ct)
    {
        var n = c.Options.Pick(2, 30, 100);
        var rows = new List<ScenarioResult>();
        foreach (var role in new[] { "city", "district", "street" })
        {
            var api = await c.SessionAsync(role, ct);
            var page = await PageSession.LoginAsync(c.Options.BaseUrl, c.Options.User(role), c.Options.Password, ct);
            rows.Add(await MeasureAsync($"{role} stats API p95 ms", n, (_, t) => api.GetAsync("api/v1/matters/stats", t), $"GET /api/v1/matters/stats as {api.UserName}", ct));
            rows.Add(await MeasureAsync($"{role} dashboard page p95 ms", n, (_, t) => page.GetAsync("matters/dashboard", t), $"GET /matters/dashboard as {api.UserName}", ct));
        }
        return rows;
    }

    static async Task<ScenarioResult> MeasureAsync(string metric, int n, Func<int, CancellationToken, Task> op, string what, CancellationToken ct)
    {
        await Load.WarmAsync(2, op, ct);
        var m = await Load.RunAsync(1, n, TimeSpan.FromMinutes(5), (_, i, t) => op(i, t), ct);
        if (m.Errors > 0) throw new BenchException($"{metric}: {m.Errors} errors{m.ErrorText}");
        return Rows.AtMost(Name, metric, m.P(95), 300, $"{m.Count} × {what}, 1 client; p50 {m.P(50):0.0} ms");
    }
}
