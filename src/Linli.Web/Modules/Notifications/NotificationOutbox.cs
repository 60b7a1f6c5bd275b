using Linli.Data;
using Linli.Platform.Privacy;

namespace Linli.Modules.Notifications;

// 发送队列处理 sends the pending SMS/WeChat deliveries. Each row is claimed by one conditional UPDATE (pending →
// sending); only the instance whose update touched the row sends it. A claim left by a crashed instance is taken
// over after ClaimTimeout. Failures retry with a growing pause, then the row is marked failed.
public static class NotificationOutbox
{
    public const int MaxAttempts = 5;
    public const int BatchSize = 50;
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Sends what is due now; answers how many were sent.</summary>
    public static async Task<int> ProcessOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var time = sp.GetRequiredService<TimeProvider>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NotificationOutbox));
        var now = time.GetUtcNow().UtcDateTime;
        var ids = await Due(db.NotificationDeliveries, now).OrderBy(d => d.Id).Select(d => d.Id).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            if (!await ClaimAsync(db, id, now, ct)) continue; // another instance has it
            var d = await db.NotificationDeliveries.AsNoTracking().SingleAsync(x => x.Id == id, ct);
            try
            {
                await SendAsync(sp, d, ct);
                var at = time.GetUtcNow().UtcDateTime;
                await db.NotificationDeliveries.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, DeliveryStatus.Sent).SetProperty(x => x.SentAt, at).SetProperty(x => x.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Delivery {Id} ({Channel}) failed, attempt {Attempt}.", id, d.Channel, d.Attempts);
                var status = d.Attempts >= MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending;
                var next = now.AddMinutes(Math.Pow(2, d.Attempts));
                var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                await db.NotificationDeliveries.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, status).SetProperty(x => x.NextAttemptAt, next).SetProperty(x => x.LastError, error), CancellationToken.None);
            }
        }
        return sent;
    }

    /// <summary>True when this call moved the row to "sending": the caller alone may send it.</summary>
    public static async Task<bool> ClaimAsync(AppDbContext db, long id, DateTime now, CancellationToken ct) =>
        await Due(db.NotificationDeliveries.Where(d => d.Id == id), now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.ClaimedAt, now)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct) == 1;

    static IQueryable<NotificationDelivery> Due(IQueryable<NotificationDelivery> q, DateTime now)
    {
        var stale = now - ClaimTimeout;
        return q.Where(d => (d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            || (d.Status == DeliveryStatus.Sending && d.ClaimedAt < stale));
    }

    static Task SendAsync(IServiceProvider sp, NotificationDelivery d, CancellationToken ct) => d.Channel switch
    {
        DeliveryChannel.Sms => sp.GetRequiredService<ISmsSender>().SendAsync(sp.GetRequiredService<FieldProtector>().Decrypt(d.Recipient), d.Text, ct),
        DeliveryChannel.WeChat => sp.GetRequiredService<IWeChatSender>().SendAsync(d.Recipient, d.Text, ct),
        _ => throw new InvalidOperationException($"Unknown channel {d.Channel}."),
    };
}

/// <summary>Works the outbox every Notifications:OutboxSeconds (default 30; 0 turns it off).</summary>
sealed class NotificationOutboxService(IServiceProvider services, IConfiguration config, TimeProvider time,
    ILogger<NotificationOutboxService> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stop) =>
        Ticker.RunAsync(config.GetValue("Notifications:OutboxSeconds", 30), time, log, "Notification outbox",
            ct => NotificationOutbox.ProcessOnceAsync(services, ct), stop);
}
