using Microsoft.EntityFrameworkCore;
using System.Net;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Visits;

public sealed class VisitPagesTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task RecordPage_PostsAVisit_AndTheDueListNoLongerShowsTheHousehold(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var (_, duePage, _) = await v.Worker.GetPageAsync("/visits/due");
        Assert.Contains($"data-household=\"{v.HouseholdId}\"", duePage);

        var (status, html, response) = await v.Worker.PostFormAsync($"/visits/new?householdId={v.HouseholdId}", "visit", new Dictionary<string, string>
        {
            ["Input.PeopleMet"] = "王老伯本人",
            ["Input.Situation"] = "老人精神很好",
            ["Input.RequestsHeard"] = "想参加社区书法班",
            ["Input.Latitude"] = "29.868123",
            ["Input.Longitude"] = "121.540456",
        });

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, html);
        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync(x => x.HouseholdId == v.HouseholdId, Ct));
        Assert.Equal("老人精神很好", visit.Situation);
        Assert.Equal(v.GridWorker.Id, visit.WorkerId);
        Assert.Equal((29.868123, 121.540456), (visit.Latitude, visit.Longitude));
        var (_, after, _) = await v.Worker.GetPageAsync("/visits/due");
        Assert.DoesNotContain($"data-household=\"{v.HouseholdId}\"", after);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task RecordPage_MissingSituation_ShowsTheMessageAndKeepsWhatWasTyped(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();

        var (_, html, _) = await v.Worker.PostFormAsync($"/visits/new?householdId={v.HouseholdId}", "visit", new Dictionary<string, string>
        {
            ["Input.PeopleMet"] = "邻居张阿姨",
            ["Input.Situation"] = "",
        });

        Assert.Contains("请填写走访情况", html);
        Assert.Contains("邻居张阿姨", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Visits.CountAsync(x => x.HouseholdId == v.HouseholdId, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Pages_RenderForTheCommunity(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var visit = await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId, situation: "已提醒燃气安全"));

        foreach (var url in new[] { "/visits", "/visits/coverage", "/ledgers", $"/visits/{visit.Id()}", "/admin/visit-rules" })
        {
            var (status, html, _) = await v.Home.Worker.GetPageAsync(url);
            Assert.True(status == HttpStatusCode.OK, $"{url}: {(int)status}");
            Assert.DoesNotContain("出错了", html);
        }
        var (_, detail, _) = await v.Home.Worker.GetPageAsync($"/visits/{visit.Id()}");
        Assert.Contains("已提醒燃气安全", detail);
        var outsider = await app.ClientAsync(Linli.Platform.Auth.Roles.CommunityWorker, v.Home.Tree.Community2);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetPageAsync($"/visits/{visit.Id()}")).Status);
    }
}
