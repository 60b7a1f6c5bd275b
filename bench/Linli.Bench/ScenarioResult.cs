namespace Linli.Bench;

// placeholder: replaced by imp's file on merge
public sealed record ScenarioResult(string Scenario, string Metric, double Ours, double Baseline, double Ratio, double Target, bool Pass, string Notes);
