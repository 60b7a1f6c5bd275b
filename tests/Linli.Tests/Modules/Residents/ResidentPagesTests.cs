using System.Net;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Residents;

public sealed class ResidentPagesTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task SearchPage_ShowsMaskedNumbersAndIsNotCached(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1961, 1, 1));
        await home.AddResidentAsync("页面甲", id, TestIds.Phone());

        var (status, html, response) = await home.Worker.GetPageAsync("/residents?name=页面甲");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("页面甲", html);
        Assert.Contains(Masking.IdNumber(id), html);
        Assert.DoesNotContain(id, html);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CardPage_RevealWithReason_ShowsNumberOnceAndAudits(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1962, 2, 2));
        var resident = (await home.AddResidentAsync("页面乙", id)).Id();
        var url = $"/residents/{resident}";

        var card = await home.Worker.GetPageAsync(url);
        var refused = await home.Worker.PostFormAsync(url, "reveal-idNumber", new Dictionary<string, string> { ["RevealId.Reason"] = "" });
        var shown = await home.Worker.PostFormAsync(url, "reveal-idNumber", new Dictionary<string, string> { ["RevealId.Reason"] = "上门核实身份" });

        Assert.DoesNotContain(id, card.Html);
        Assert.Contains(Masking.IdNumber(id), card.Html);
        Assert.DoesNotContain(id, refused.Html);
        Assert.Contains(Loc("请说明查看理由"), refused.Html);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Contains(id, shown.Html);
        Assert.Equal("no-store", shown.Response.Headers.CacheControl?.ToString());
        var reasons = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "Resident.Reveal" && a.ObjectId == resident.ToString()).Select(a => a.After).ToListAsync());
        Assert.Contains("上门核实身份", Assert.Single(reasons));
    }

    // The card and its tags panel share the request's DbContext; overlapping queries failed on PostgreSQL only.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CardPage_RenderedRepeatedly_NeverFails(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = (await home.AddResidentAsync("页面丁", TestIds.New(new DateOnly(1964, 4, 4)))).Id();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++) statuses.Add((await home.Worker.GetPageAsync($"/residents/{resident}")).Status);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CardPage_OutsiderGets404_DepartmentStaffIsTurnedAway(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = (await home.AddResidentAsync("页面丙", TestIds.New(new DateOnly(1963, 3, 3)))).Id();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);
        var staff = await app.ClientAsync(Roles.DepartmentStaff, home.Tree.District);

        var foreign = await outsider.GetPageAsync($"/residents/{resident}");
        var denied = await staff.GetPageAsync("/residents");

        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.DoesNotContain("页面丙", foreign.Html);
        Assert.NotEqual(HttpStatusCode.OK, denied.Status);
        Assert.DoesNotContain("resident-search", denied.Html);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task NewResidentPage_BadIdShowsMessage_ValidOneRedirectsToCard(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var url = $"/residents/new?houseId={home.HouseId}";
        var id = TestIds.New(new DateOnly(1964, 4, 4));
        var fields = new Dictionary<string, string> { ["Input.Name"] = "页面丁", ["Input.IdNumber"] = id[..17] + (id[17] == '1' ? '2' : '1'), ["Input.Ethnicity"] = "汉族" };

        var bad = await home.Worker.PostFormAsync(url, "resident", fields);
        fields["Input.IdNumber"] = id;
        var good = await home.Worker.PostFormAsync(url, "resident", fields);

        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains(Loc("校验位错误"), bad.Html);
        Assert.Contains("页面丁", bad.Html);     // what was typed is kept
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
        var created = await app.WithDbAsync(db => db.Residents.Where(r => r.Name == "页面丁" && r.HouseId == home.HouseId).Select(r => r.Id).SingleAsync());
        Assert.EndsWith($"/residents/{created}", good.Response.Headers.Location?.ToString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task EditPage_BlankIdNumberKeepsIt_ChangedNameGoesToHistory(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1965, 5, 5));
        var resident = (await home.AddResidentAsync("页面戊", id)).Id();

        var (status, _, _) = await home.Worker.PostFormAsync($"/residents/{resident}/edit", "resident",
            new Dictionary<string, string> { ["Input.Name"] = "页面戊改", ["Input.IdNumber"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, status);
        var card = await home.Worker.GetJsonAsync($"/api/v1/residents/{resident}");
        Assert.Equal("页面戊改", card.GetProperty("resident").GetProperty("name").GetString());
        Assert.Equal(Masking.IdNumber(id), card.GetProperty("resident").GetProperty("idNumber").GetString());
        Assert.Equal(["name"], card.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("field").GetString()).Where(f => f != "record"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task HouseholdHouseAndBuildingPages_ShowTheirContents(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var head = await home.AddResidentAsync("页面己", TestIds.New(new DateOnly(1940, 6, 6)));
        var household = await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered", headResidentId = head.Id() });

        var householdPage = await home.Worker.GetPageAsync($"/households/{household.Id()}");
        var housePage = await home.Worker.GetPageAsync($"/houses/{home.HouseId}");
        var buildingPage = await home.Worker.GetPageAsync($"/buildings/{home.BuildingId}");
        var buildingsPage = await home.Worker.GetPageAsync($"/buildings?communityId={home.Tree.Community.Id}");

        Assert.All(new[] { householdPage.Status, housePage.Status, buildingPage.Status, buildingsPage.Status }, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains("页面己", householdPage.Html);
        Assert.Contains("3幢1单元502室", housePage.Html);
        Assert.Contains("页面己", housePage.Html);
        Assert.Contains("502", buildingPage.Html);
        Assert.Contains("3幢", buildingsPage.Html);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CardPage_AddTagForm_AddsTagAndRedirects(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var resident = (await home.AddResidentAsync("页面庚", TestIds.New(new DateOnly(1966, 7, 7)))).Id();

        var (status, _, _) = await home.Worker.PostFormAsync($"/residents/{resident}", "add-tag",
            new Dictionary<string, string> { ["NewTag.Code"] = "correction", ["NewTag.Source"] = "司法所", ["NewTag.StartDate"] = "2025-01-01" });
        var card = await home.Worker.GetPageAsync($"/residents/{resident}");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("社区矫正对象", card.Html);
        Assert.Contains("司法所", card.Html);
    }

    static string Loc(string zh) => zh;
}
