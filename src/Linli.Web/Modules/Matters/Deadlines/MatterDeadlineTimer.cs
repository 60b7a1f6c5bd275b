using Linli.Modules.Notifications;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Matters.Deadlines;

public static class MatterDeadlines
{
    public static IServiceCollection AddMatterDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Matters:WarnBeforeHours", MatterDeadlineSweep.DefaultWarnBeforeHours) < 0)
            throw new InvalidOperationException("Matters:WarnBeforeHours must not be negative.");
        services.AddHostedService<MatterDeadlineTimer>();
        return services;
    }
}

/// <summary>Runs the deadline sweep every Matters:TimerSeconds (default 60; 0 turns it off), first right after start.</summary>
sealed class MatterDeadlineTimer(IServiceProvider services, IConfiguration config, TimeProvider time, ILogger<MatterDeadlineTimer> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stop) =>
        Ticker.RunAsync(config.GetValue("Matters:TimerSeconds", 60), time, log, "Matter deadline timer", async ct =>
        {
            var outcome = await MatterDeadlineSweep.RunOnceAsync(services, null, ct);
            if (outcome.Warned + outcome.Overdue > 0)
                log.LogInformation("Deadline timer: {Warned} warned, {Overdue} overdue.", outcome.Warned, outcome.Overdue);
        }, stop);
}

// The timer's candidate queries: open states with their running deadline, by index rather than a table scan.
public sealed class MatterDeadlineIndexes : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> b)
    {
        b.HasIndex(m => new { m.State, m.AcceptDueAt });
        b.HasIndex(m => new { m.State, m.ResolveDueAt });
    }
}
