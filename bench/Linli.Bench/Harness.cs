using System.Diagnostics;
using Npgsql;

namespace Linli.Bench;

/// <summary>Runs the scenarios in order against the web process run.sh started, each beside its baseline.
/// A scenario that throws is reported as failed (status FAIL) and the others still run.</summary>
public static class Harness
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        var watch = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var ct = cts.Token;
        await using var c = new BenchContext(o, ApiSession.NewClient(o.BaseUrl), NpgsqlDataSource.Create(o.Db));
        var results = new List<ScenarioResult>();
        var status = new List<string>();
        Directory.CreateDirectory(o.OutDir);
        var statusFile = Path.Combine(o.OutDir, "scenarios.txt");
        File.Delete(statusFile);

        (string Key, string Name, Func<Task<List<ScenarioResult>>> Run)[] scenarios =
        [
            ("0", "generator", () => Generator.RunAsync(c, ct)), // first: before the scenarios add rows
            ("1", "import", () => ImportAsync(o, ct)),
            ("2", "create matter", () => CreateMatter.RunAsync(c, ct)),
            ("3", "scoped lists", () => ScopedLists.RunAsync(c, ct)),
            ("4", "dashboards", () => Dashboards.RunAsync(c, ct)),
            ("5", "mixed staff reads", () => MixedLoad.RunAsync(c, ct)),
            ("6", "monthly ledger", () => Ledger.RunAsync(c, ct)),
        ];
        foreach (var (key, name, run) in scenarios)
        {
            if (!o.Runs(key)) continue;
            c.ForgetSessions();
            var started = Stopwatch.StartNew();
            Console.WriteLine($"== {key} {name}");
            try
            {
                var rows = await run();
                var insane = rows.FirstOrDefault(r => !double.IsFinite(r.Ours) || r.Ours < 0 || !double.IsFinite(r.Baseline) || r.Baseline < 0);
                results.AddRange(rows);
                foreach (var r in rows) Console.WriteLine($"   {r.Metric}: {r.Ours:0.###} (baseline {r.Baseline:0.###}, ratio {r.Ratio:0.###}, target {r.Target:0.###}) {(r.Pass ? "" : "MISSES TARGET ")}{r.Notes}");
                status.Add(rows.Count == 0 ? $"FAIL {key} {name}: no figures"
                    : insane is not null ? $"FAIL {key} {name}: {insane.Metric} = {insane.Ours} / {insane.Baseline}"
                    : rows.Any(r => r.Metric == "errors" && r.Ours > 0) ? $"FAIL {key} {name}: request errors"
                    : $"PASS {key} {name} ({started.Elapsed.TotalSeconds:0.0} s)");
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                status.Add($"FAIL {key} {name}: {e.GetType().Name}: {e.Message}");
                results.Add(new(Title(key, name), "failed", double.NaN, 0, 0, 0, false, e.Message));
            }
            Console.WriteLine("   " + status[^1]);
            await File.AppendAllTextAsync(statusFile, status[^1] + "\n", CancellationToken.None); // survives a timeout that ends the run
        }

        var version = await c.ScalarAsync<string>("SHOW server_version", ct);
        var machine = Report.Describe(version.Split(' ')[0], o, o.TotalSecondsBefore + watch.Elapsed.TotalSeconds);
        await Report.WriteAsync(o.OutDir, machine, results, status);
        Console.WriteLine();
        Console.WriteLine(Report.Markdown(machine, results));
        return status.Any(s => s.StartsWith("FAIL")) ? 1 : 0;
    }

    static string Title(string key, string name) => $"{key} {name}";

    static Task<List<ScenarioResult>> ImportAsync(BenchOptions o, CancellationToken ct) =>
        ImportScenario.RunAsync(o.PgServer, o.Pick(1_000, 50_000, 200_000), ct);
}
