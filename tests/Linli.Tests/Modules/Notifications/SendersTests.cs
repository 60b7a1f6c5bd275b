using Linli.Data;
using Linli.Modules.Notifications;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Notifications;

public sealed class SendersTests(Apps apps)
{
    [Fact]
    public async Task Default_SendersAreTheLoggingOnes()
    {
        var app = await apps.For(Provider.Sqlite);

        Assert.IsType<LoggingSmsSender>(app.Services.GetRequiredService<ISmsSender>());
        Assert.IsType<LoggingWeChatSender>(app.Services.GetRequiredService<IWeChatSender>());
    }

    [Fact]
    public async Task UnknownSender_StopsTheStart_WithAClearMessage()
    {
        await using var app = LinliApp.Create(Provider.Sqlite, new Dictionary<string, string?> { ["Notifications:Sms:Sender"] = "Aliyun" });

        var e = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Notifications:Sms:Sender = 'Aliyun' is not a known SMS sender", e.ToString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Delivery_IsClaimedOnce_EvenByParallelClaims(Provider provider)
    {
        var app = await apps.For(provider);
        var id = await AddDeliveryAsync(app);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            return await NotificationOutbox.ClaimAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id, DateTime.UtcNow, Ct);
        })));

        Assert.Equal(1, claims.Count(c => c));
        var row = await app.WithDbAsync(db => db.NotificationDeliveries.SingleAsync(d => d.Id == id, Ct));
        Assert.Equal((DeliveryStatus.Sending, 1), (row.Status, row.Attempts));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Outbox_SendsAPendingDelivery_ThroughTheLoggingSender_Once(Provider provider)
    {
        var app = await apps.For(provider);
        var id = await AddDeliveryAsync(app);

        await NotificationOutbox.ProcessOnceAsync(app.Services, Ct);
        var sent = await app.WithDbAsync(db => db.NotificationDeliveries.SingleAsync(d => d.Id == id, Ct));
        await NotificationOutbox.ProcessOnceAsync(app.Services, Ct);
        var again = await app.WithDbAsync(db => db.NotificationDeliveries.SingleAsync(d => d.Id == id, Ct));

        Assert.Equal((DeliveryStatus.Sent, 1), (sent.Status, sent.Attempts));
        Assert.NotNull(sent.SentAt);
        Assert.Equal((DeliveryStatus.Sent, 1, sent.SentAt), (again.Status, again.Attempts, again.SentAt));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Claim_LeftByACrashedInstance_IsTakenOverOnlyAfterTheTimeout(Provider provider)
    {
        var app = await apps.For(provider);
        var fresh = await AddDeliveryAsync(app, DeliveryStatus.Sending, claimedAt: DateTime.UtcNow.AddMinutes(-1));
        var stale = await AddDeliveryAsync(app, DeliveryStatus.Sending, claimedAt: DateTime.UtcNow - NotificationOutbox.ClaimTimeout - TimeSpan.FromMinutes(1));

        var (freshClaimed, staleClaimed) = await app.WithDbAsync(async db =>
            (await NotificationOutbox.ClaimAsync(db, fresh, DateTime.UtcNow, Ct), await NotificationOutbox.ClaimAsync(db, stale, DateTime.UtcNow, Ct)));

        Assert.False(freshClaimed);
        Assert.True(staleClaimed);
    }

    static async Task<long> AddDeliveryAsync(LinliApp app, DeliveryStatus status = DeliveryStatus.Pending, DateTime? claimedAt = null)
    {
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var cipher = app.Services.GetRequiredService<FieldProtector>().Encrypt("13912345678");
        return await app.WithDbAsync(async db =>
        {
            var d = new NotificationDelivery
            {
                Channel = DeliveryChannel.Sms, UserId = user.Id, Recipient = cipher, Text = "【邻里】测试", Status = status, ClaimedAt = claimedAt,
                CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow.AddSeconds(-1),
            };
            db.NotificationDeliveries.Add(d);
            await db.SaveChangesAsync(Ct);
            return d.Id;
        });
    }
}
