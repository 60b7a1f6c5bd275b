using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Notifications;

public sealed class InboxApiTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_ShowsOnlyOwnMessages_WithUnreadCount(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var me = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var colleague = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        await app.AddNotificationAsync(me, "第一条");
        await app.AddNotificationAsync(me, "第二条", readAt: DateTime.UtcNow);
        await app.AddNotificationAsync(colleague, "别人的");

        var inbox = await (await app.ClientAsync(me)).GetJsonAsync("/api/v1/notifications");

        Assert.Equal(2, inbox.GetProperty("total").GetInt32());
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());
        var titles = inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(["第二条", "第一条"], titles); // newest first
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_UnreadOnly_LeavesOutReadMessages(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var me = await app.CreateUserAsync(Roles.Official, tree.Street);
        await app.AddNotificationAsync(me, "未读的");
        await app.AddNotificationAsync(me, "读过的", readAt: DateTime.UtcNow);

        var inbox = await (await app.ClientAsync(me)).GetJsonAsync("/api/v1/notifications?unreadOnly=true&page=1&pageSize=10");

        Assert.Equal(1, inbox.GetProperty("total").GetInt32());
        Assert.Equal("未读的", inbox.GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MarkRead_OwnMessage_SetsReadAt_AndTheCountDrops(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var me = await app.CreateUserAsync(Roles.GridWorker, tree.Grid);
        var id = await app.AddNotificationAsync(me, "请处理");
        await app.AddNotificationAsync(me, "另一条");
        var client = await app.ClientAsync(me);

        var marked = await client.PostOkAsync($"/api/v1/notifications/{id}/read", new { });

        Assert.Equal(1, marked.GetProperty("marked").GetInt32());
        Assert.Equal(1, marked.GetProperty("unread").GetInt32());
        var row = await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().SingleAsync(n => n.Id == id, Ct));
        Assert.NotNull(row.ReadAt);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MarkRead_SomeoneElsesMessage_Returns404_AndLeavesItUnread(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var owner = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var id = await app.AddNotificationAsync(owner, "不是你的");
        var boss = await app.ClientAsync(Roles.Official, tree.City); // a wider scope changes nothing: messages are per user

        var (status, _, _) = await boss.SendAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/read");

        Assert.Equal(HttpStatusCode.NotFound, status);
        var row = await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().SingleAsync(n => n.Id == id, Ct));
        Assert.Null(row.ReadAt);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ReadAll_MarksOnlyOwnMessages(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var me = await app.CreateUserAsync(Roles.DepartmentStaff, tree.Street);
        var other = await app.CreateUserAsync(Roles.DepartmentStaff, tree.Street);
        await app.AddNotificationAsync(me, "一");
        await app.AddNotificationAsync(me, "二");
        var othersId = await app.AddNotificationAsync(other, "三");

        var marked = await (await app.ClientAsync(me)).PostOkAsync("/api/v1/notifications/read-all", new { });

        Assert.Equal(2, marked.GetProperty("marked").GetInt32());
        Assert.Equal(0, marked.GetProperty("unread").GetInt32());
        var others = await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().SingleAsync(n => n.Id == othersId, Ct));
        Assert.Null(others.ReadAt);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Inbox_AdminRole_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(HttpMethod.Get, "/api/v1/notifications")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(HttpMethod.Post, "/api/v1/notifications/read-all")).Status);
    }
}
