namespace Linli.Bench;

/// <summary>One benchmark scenario measured side by side with its baseline: Ratio = Ours / Baseline (higher is better for throughput).</summary>
public sealed record ScenarioResult(string Scenario, string Metric, double Ours, double Baseline, double Ratio, double Target, bool Pass, string Notes);
