namespace Linli.Modules.Visits;

// Settings under "Visits" in configuration.
public sealed class VisitOptions
{
    /// <summary>每月走访户数 households each worker visits a month at least (the seeds say 30).</summary>
    public int MonthlyQuota { get; set; } = 30;
}
