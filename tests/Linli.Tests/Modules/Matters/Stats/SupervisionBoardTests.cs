using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Matters.Stats;

public sealed class SupervisionBoardTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Board_GroupsOverdueWarnedAndSupervisedByHandlingUnit_OldestDueFirst(Provider provider)
    {
        var app = await apps.For(provider);
        var c = await StatsCase.ArrangeAsync(app);
        var official = await app.ClientAsync(Roles.Official, c.Tree.Street);

        var board = await official.GetJsonAsync("/api/v1/matters/supervision");
        var one = await official.GetJsonAsync($"/api/v1/matters/supervision?handlingUnitId={c.Tree.Community.Id}");

        var groups = board.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("unitId").GetInt64(), g.GetProperty("total").GetInt32(),
            g.GetProperty("overdue").GetInt32(), g.GetProperty("warned").GetInt32(), g.GetProperty("supervised").GetInt32())).ToList();
        Assert.Equal([(c.Tree.Street.Id, 3, 1, 1, 1), (c.Tree.Community.Id, 2, 2, 0, 0)], groups);   // O1 (due in February) first
        var order = board.GetProperty("matters").GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(new[] { "O1", "A2", "A4", "S1", "A5" }.Select(k => c.Ids[k]), order);
        var lights = board.GetProperty("matters").GetProperty("items").EnumerateArray().Select(m => m.GetProperty("light").GetString()).ToList();
        Assert.Equal(["Red", "Red", "Red", "Green", "Yellow"], lights);
        Assert.Equal([c.Ids["A2"], c.Ids["A4"]], one.GetProperty("matters").GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Board_IsForOfficials_CommunityWorkerGets403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var (api, _, _) = await worker.SendAsync(HttpMethod.Get, "/api/v1/matters/supervision");
        var (page, _, _) = await worker.GetPageAsync("/matters/supervision");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (api, page));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task BoardPage_ListsUnitsAndLinksEachMatter_NotOtherStreets(Provider provider)
    {
        var app = await apps.For(provider);
        var c = await StatsCase.ArrangeAsync(app);
        var official = await app.ClientAsync(Roles.Official, c.Tree.Street);

        var (status, html, _) = await official.GetPageAsync("/matters/supervision");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(c.Tree.Street.Name, html);
        Assert.Contains($"href=\"/matters/supervision?handlingUnitId={c.Tree.Community.Id}\"", html);
        var linked = System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"/matters/(\\d+)\">").Select(m => long.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(new[] { "O1", "A2", "A4", "S1", "A5" }.Select(k => c.Ids[k]), linked);
        Assert.DoesNotContain(c.Tree.Community3.Name, html);
    }
}
