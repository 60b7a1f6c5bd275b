using Linli.Data;
using Linli.Platform.Audit;
using Linli.Platform.OrgScope;
using Microsoft.Extensions.Options;

namespace Linli.Modules.AuditLog;

// 审计日志保留期 retention: bound from the "Audit" configuration section.
public sealed class AuditOptions
{
    public int RetentionDays { get; set; } = AuditRetention.DefaultDays;
}

// 日志清理 purge of rows older than the retention period.
public static class AuditRetention
{
    public const int DefaultDays = 365;
    public const int MinimumDays = 180; // 网络安全法: network logs are kept at least six months

    public static int EffectiveDays(int configured, ILogger log)
    {
        if (configured >= MinimumDays) return configured;
        log.LogWarning("Audit:RetentionDays = {Configured} is below the minimum; keeping audit rows {Minimum} days.", configured, MinimumDays);
        return MinimumDays;
    }

    /// <summary>
    /// Deletes the oldest rows, those before the first row at or after the cutoff, and records an "Audit.Purge" row
    /// naming the first row kept, all in one transaction. Cutting a prefix keeps the rest verifiable: the oldest
    /// remaining row anchors the chain, and the purge row vouches for it. The newest row is always kept, so ids go on.
    /// </summary>
    public static async Task<int> PurgeAsync(AppDbContext db, DateTimeOffset now, int days, CancellationToken ct)
    {
        days = Math.Max(days, MinimumDays);
        var cutoff = now.UtcDateTime.AddDays(-days);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lastId = await db.AuditLog.MaxAsync(a => (long?)a.Id, ct);
        if (lastId is null) return 0;
        var keptFromId = await db.AuditLog.Where(a => a.TimeUtc >= cutoff).MinAsync(a => (long?)a.Id, ct) ?? lastId.Value;
        var deleted = await db.AuditLog.Where(a => a.Id < keptFromId).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            db.AddAuditEvent(AuditVerifier.PurgeAction, "AuditLog", null, AuditOutcome.Success,
                after: new { deleted, retentionDays = days, cutoffUtc = cutoff, keptFromId });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return deleted;
    }
}

/// <summary>Purges once shortly after start, then once a day.</summary>
sealed class AuditRetentionService(IServiceProvider services, IOptions<AuditOptions> options, TimeProvider time,
    ILogger<AuditRetentionService> log) : BackgroundService
{
    static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(1);
    static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var days = AuditRetention.EffectiveDays(options.Value.RetentionDays, log);
        try
        {
            await Task.Delay(FirstRun, time, stop);
            using var timer = new PeriodicTimer(Interval, time);
            do await RunOnceAsync(days, stop);
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    async Task RunOnceAsync(int days, CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().EnterSystemScope("system:audit-retention");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var deleted = await AuditRetention.PurgeAsync(db, time.GetUtcNow(), days, ct);
            if (deleted > 0) log.LogInformation("Audit retention: purged {Count} rows older than {Days} days.", deleted, days);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Audit retention purge failed; retrying in a day.");
        }
    }
}
