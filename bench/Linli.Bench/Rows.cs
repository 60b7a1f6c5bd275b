namespace Linli.Bench;

/// <summary>The three kinds of result row. Ratio is ours ÷ baseline for side-by-side rows and ours ÷ target for rows with
/// an absolute limit (≤ 1 passes); informational rows have no target (0) and always pass.</summary>
public static class Rows
{
    /// <summary>Throughput against its baseline: passes when ours ÷ baseline ≥ target.</summary>
    public static ScenarioResult AtLeast(string scenario, string metric, double ours, double baseline, double target, string notes)
    {
        var ratio = baseline > 0 ? ours / baseline : 0;
        return new(scenario, metric, ours, baseline, ratio, target, ratio >= target, notes);
    }

    /// <summary>A latency against its baseline: passes when ours ÷ baseline ≤ target and ours ≤ limit.</summary>
    public static ScenarioResult WithinTimes(string scenario, string metric, double ours, double baseline, double target, double limit, string notes)
    {
        var ratio = baseline > 0 ? ours / baseline : 0;
        return new(scenario, metric, ours, baseline, ratio, target, ratio <= target && ours <= limit, $"≤ {target:0.#}× and ≤ {limit:0} ms; {notes}");
    }

    /// <summary>An absolute limit: passes when ours ≤ target.</summary>
    public static ScenarioResult AtMost(string scenario, string metric, double ours, double target, string notes) =>
        new(scenario, metric, ours, 0, target > 0 ? ours / target : 0, target, ours <= target, notes);

    /// <summary>A figure beside a baseline, not judged: the ratio is shown, the row always passes.</summary>
    public static ScenarioResult Beside(string scenario, string metric, double ours, double baseline, string notes) =>
        new(scenario, metric, ours, baseline, baseline > 0 ? ours / baseline : 0, 0, true, notes);

    public static ScenarioResult Info(string scenario, string metric, double ours, string notes) =>
        new(scenario, metric, ours, 0, 0, 0, true, notes);
}
