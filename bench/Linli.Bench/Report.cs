using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Linli.Bench;

/// <summary>The machine the figures came from, written beside them.</summary>
public sealed record Machine(string Cpu, int Cores, double RamGiB, string PostgreSql, string Scale, string Mode, string Date, double TotalSeconds);

/// <summary>bench/results/latest.json, the markdown table (latest.md, for bench/README.md) and the per-scenario status.</summary>
public static class Report
{
    public static Machine Describe(string postgres, BenchOptions o, double totalSeconds)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?" : "?";
        var mem = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:")) : null;
        var ram = mem is null ? 0 : long.Parse(mem.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        return new(cpu, Environment.ProcessorCount, Math.Round(ram, 1), postgres, o.Scale, o.Mode, DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), Math.Round(totalSeconds, 1));
    }

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task WriteAsync(string dir, Machine machine, IReadOnlyList<ScenarioResult> results, IReadOnlyList<string> status)
    {
        Directory.CreateDirectory(dir);
        var rounded = results.Select(r => r with { Ours = Round(r.Ours), Baseline = Round(r.Baseline), Ratio = Round(r.Ratio) }).ToList();
        await File.WriteAllTextAsync(Path.Combine(dir, "latest.json"), JsonSerializer.Serialize(new { machine, results = rounded }, Json));
        await File.WriteAllTextAsync(Path.Combine(dir, "latest.md"), Markdown(machine, results));
        await File.WriteAllLinesAsync(Path.Combine(dir, "scenarios.txt"), status);
    }

    static double Round(double v) => double.IsFinite(v) ? Math.Round(v, v is > -10 and < 10 ? 3 : 1) : v;

    public static string Markdown(Machine m, IReadOnlyList<ScenarioResult> results)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Machine: {m.Cpu}, {m.Cores} cores, {m.RamGiB:0.#} GiB RAM; PostgreSQL {m.PostgreSql} (fsync and synchronous_commit on). "
            + $"Scale `{m.Scale}` (`{m.Mode}` run), {m.Date}, {m.TotalSeconds / 60:0.0} min in all.");
        s.AppendLine();
        s.AppendLine("| scenario | metric | ours | baseline | ratio | target | pass | notes |");
        s.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | :---: | --- |");
        foreach (var r in results)
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Metric} | {F(r.Ours)} | {(r.Baseline == 0 ? "–" : F(r.Baseline))} | {(r.Ratio == 0 ? "–" : F(r.Ratio))} | {(r.Target == 0 ? "–" : F(r.Target))} | {(r.Target == 0 && r.Pass && r.Metric != "errors" ? "" : r.Pass ? "✅" : "❌")} | {r.Notes.Replace("|", "\\|")} |");
        return s.ToString();
    }

    static string F(double v) => !double.IsFinite(v) ? "n/a" : Math.Abs(v) >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);
}
