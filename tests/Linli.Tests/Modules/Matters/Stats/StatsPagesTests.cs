using System.Net;
using System.Text.RegularExpressions;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Matters.Stats;

public sealed partial class StatsPagesTests(Apps apps)
{
    const string Period = $"from={StatsCase.From}&to={StatsCase.To}";

    [GeneratedRegex("<a href=\"(/matters\\?[^\"]+)\"[^>]*>(\\d+)</a>")]
    private static partial Regex NumberLink();

    // A district official's picker stops at streets (a city has thousands of communities); a community being shown stays in it.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Dashboard_UnitPicker_AboveStreet_ListsStreets_AndTheUnitShown(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var district = await app.ClientAsync(Roles.Official, tree.District);
        var street = await app.ClientAsync(Roles.Official, tree.Street);

        var (_, own, _) = await district.GetPageAsync("/matters/dashboard");
        var (_, community, _) = await district.GetPageAsync($"/matters/dashboard?orgUnitId={tree.Community.Id}");
        var (_, streets, _) = await street.GetPageAsync("/matters/dashboard");

        Assert.Contains($"<option value=\"{tree.Street2.Id}\"", own);
        Assert.DoesNotContain($"<option value=\"{tree.Community.Id}\"", own);
        Assert.Matches($"<option value=\"{tree.Community.Id}\" selected", community);
        Assert.DoesNotContain($"<option value=\"{tree.Community2.Id}\"", community);
        Assert.Contains($"<option value=\"{tree.Community2.Id}\"", streets);   // a street official still picks its communities
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Dashboard_EveryLinkedNumber_EqualsTheTotalOfItsList(Provider provider)
    {
        var app = await apps.For(provider);
        var c = await StatsCase.ArrangeAsync(app);
        var official = await app.ClientAsync(Roles.Official, c.Tree.Street);

        var (status, html, _) = await official.GetPageAsync($"/matters/dashboard?orgUnitId={c.Tree.Street.Id}&{Period}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(c.Tree.Street.Name, html);
        Assert.Contains("id=\"matter-dashboard-data\"", html);
        Assert.Contains("<script src=\"/js/matter-dashboard.js\"></script>", html);
        Assert.Contains("2025-W11", html);
        Assert.Contains($"data-unit=\"{c.Tree.Community2.Id}\"", html);
        Assert.Contains("解决率 = ", html);                                   // the denominators are written on the page
        Assert.Contains("data-figure=\"resolvedVerified\"", html);
        var links = NumberLink().Matches(html).Select(m => (Url: WebUtility.HtmlDecode(m.Groups[1].Value), Count: int.Parse(m.Groups[2].Value))).ToList();
        Assert.True(links.Count > 60, $"only {links.Count} linked numbers");
        Assert.Contains(links, l => l.Count == 7 && l.Url == $"/matters?orgUnitId={c.Tree.Street.Id}&{Period}");   // received
        foreach (var (url, count) in links.DistinctBy(l => l.Url))
        {
            var list = await official.GetJsonAsync("/api/v1" + url);
            Assert.True(count == list.GetProperty("total").GetInt32(), $"{url} shows {count}");
        }
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Dashboard_DefaultsToOwnUnit_OutsiderUnitIs404_BadPeriodShowsError_ResidentIs403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var (own, ownHtml, _) = await worker.GetPageAsync("/matters/dashboard");
        var (outsider, _, _) = await worker.GetPageAsync($"/matters/dashboard?orgUnitId={tree.Community2.Id}");
        var (bad, badHtml, _) = await worker.GetPageAsync("/matters/dashboard?from=2025-05-01&to=2025-04-01");
        var (resident, _, _) = await (await app.ClientAsync(Roles.Resident, tree.Community)).GetPageAsync("/matters/dashboard");

        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Contains($"data-testid=\"unit\">{tree.Community.Name}", ownHtml);
        Assert.Equal(HttpStatusCode.NotFound, outsider);
        Assert.Equal(HttpStatusCode.OK, bad);
        Assert.Contains("结束日期不能早于开始日期", badHtml);
        Assert.Equal(HttpStatusCode.Forbidden, resident);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ListPage_Filters_ShowTheMattersBehindAFigure_WithLightAndHandlingUnit(Provider provider)
    {
        var app = await apps.For(provider);
        var c = await StatsCase.ArrangeAsync(app);
        var official = await app.ClientAsync(Roles.Official, c.Tree.Street);

        var (_, satisfied, _) = await official.GetPageAsync($"/matters?orgUnitId={c.Tree.Street.Id}&{Period}&metric=satisfied");
        var (_, overdue, _) = await official.GetPageAsync($"/matters?orgUnitId={c.Tree.Community.Id}&overdue=true");
        var (_, category, _) = await official.GetPageAsync($"/matters?{Period}&categoryId=1&channel=Counter");   // 市容环境 and its children
        var (_, bad, _) = await official.GetPageAsync("/matters?metric=happiness");

        static List<string> Rows(string html) => [.. Regex.Matches(html, "data-matter=\"(\\d+)\"").Select(m => m.Groups[1].Value)];
        Assert.Equal(new[] { "A3", "A1" }.Select(k => c.Ids[k].ToString()), Rows(satisfied));
        Assert.Contains("<option value=\"Satisfied\" selected", satisfied);
        Assert.Equal(new[] { "A4", "A2", "O1" }.Select(k => c.Ids[k].ToString()), Rows(overdue));
        Assert.Equal(3, Regex.Matches(overdue, "data-light=\"Red\"").Count);
        Assert.Contains(c.Tree.Street.Name, overdue);                 // O1 is handled by the street now
        Assert.Equal(new[] { "A4", "B1", "A1" }.Select(k => c.Ids[k].ToString()), Rows(category));
        Assert.Contains("alert-danger", bad);
        Assert.Empty(Rows(bad));
    }
}
