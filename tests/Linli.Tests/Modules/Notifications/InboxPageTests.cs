using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Notifications;

public sealed class InboxPageTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task InboxPage_ShowsOwnMessages_LinksToTheMatter_AndMarksOneRead(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var me = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var other = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var id = await app.AddNotificationAsync(me, "派遣：T0001");
        await app.AddNotificationAsync(other, "别人的消息");
        var client = await app.ClientAsync(me);

        var (status, html, _) = await client.GetPageAsync("/inbox");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("派遣：T0001", html);
        Assert.Contains("href=\"/matters/1\"", html);
        Assert.DoesNotContain("别人的消息", html);
        Assert.Contains("data-testid=\"inbox-unread\">1<", html); // the nav badge

        var (postStatus, after, _) = await client.PostFormAsync("/inbox", $"inbox-read-{id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, postStatus);
        var row = await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().SingleAsync(n => n.Id == id, Ct));
        Assert.NotNull(row.ReadAt);
        Assert.DoesNotContain($"inbox-read-{id}", after);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task InboxPage_ReadAll_ClearsTheUnread(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var me = await app.CreateUserAsync(Roles.Official, tree.Street);
        await app.AddNotificationAsync(me, "一");
        await app.AddNotificationAsync(me, "二");
        var client = await app.ClientAsync(me);

        var (status, _, _) = await client.PostFormAsync("/inbox", "inbox-read-all", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == me.Id && n.ReadAt == null, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task InboxPage_AdminRole_IsDenied(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.Auditor, tree.City);

        var (status, _, _) = await admin.GetPageAsync("/inbox");

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }
}
