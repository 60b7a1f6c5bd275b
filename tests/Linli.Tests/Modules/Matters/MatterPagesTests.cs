using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters;

public sealed class MatterPagesTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task IntakePage_PostsAMatter_ShowsTicketAndToken_AndTheListAndDetailShowIt(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var (status, html, _) = await worker.PostFormAsync("/matters/new", "matter", new Dictionary<string, string>
        {
            ["Input.Channel"] = "Hotline", ["Input.CategoryName"] = "物业管理", ["Input.Description"] = "电梯停运三天无人维修",
            ["Input.ReporterName"] = "陈先生", ["Input.ReporterContact"] = "13900001111",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"token\"", html);
        var matter = await app.WithDbAsync(db => db.Matters.SingleAsync(m => m.OrgPath == tree.Community.OrgPath, Ct));
        Assert.Contains(matter.TicketNumber, html);
        Assert.Equal("物业管理", matter.CategoryName);
        var (_, list, _) = await worker.GetPageAsync("/matters");
        Assert.Contains($"data-matter=\"{matter.Id}\"", list);
        var (detailStatus, detail, _) = await worker.GetPageAsync($"/matters/{matter.Id}");
        Assert.Equal(HttpStatusCode.OK, detailStatus);
        Assert.Contains("电梯停运三天无人维修", detail);
        Assert.Contains("139****1111", detail);
        Assert.DoesNotContain("13900001111", detail);
        var outsider = await app.ClientAsync(Roles.CommunityWorker, tree.Community2);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetPageAsync($"/matters/{matter.Id}")).Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DetailPage_PostsAPublicReply_ShownInTheTimeline(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var id = (await worker.RegisterAsync()).GetProperty("matter").Id();

        var (status, html, _) = await worker.PostFormAsync($"/matters/{id}", "matter-note", new Dictionary<string, string>
        {
            ["Note.Text"] = "路灯已报修，三日内修复", ["Note.Public"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("路灯已报修，三日内修复", html);
        var step = await app.WithDbAsync(db => db.MatterEvents.SingleAsync(e => e.MatterId == id && e.Type == Linli.Modules.Matters.MatterEventType.Reply, Ct));
        Assert.True(step.IsPublic);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task IntakePage_MissingDescription_ShowsTheMessageAndKeepsWhatWasTyped(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var (_, html, _) = await worker.PostFormAsync("/matters/new", "matter", new Dictionary<string, string>
        {
            ["Input.CategoryName"] = "邻里纠纷", ["Input.Description"] = "",
        });

        Assert.Contains("请填写诉求内容", html);
        Assert.Contains("邻里纠纷", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.OrgPath == tree.Community.OrgPath, Ct)));
    }
}
