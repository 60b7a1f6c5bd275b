using System.Net;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Residents;

public sealed class PopulationStatsTests(Apps apps)
{
    /// <summary>Four residents of known ages, types and tags in the home's house, one household, one person in the sibling community.</summary>
    public static async Task<(Home Home, long Male32, long Female60, long Female83, long Male59)> ArrangeAsync(LinliApp app)
    {
        var home = await app.CreateHomeAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        async Task<long> Add(string name, DateOnly birth, bool male, string type, string match) =>
            (await home.Worker.CreateResidentAsync(new { name, idNumber = TestIds.New(birth, male), houseId = home.HouseId, residenceType = type, registrationMatch = match })).Id();
        var a = await Add("统计甲", today.AddYears(-32).AddDays(-100), true, "Registered", "Consistent");
        var b = await Add("统计乙", today.AddYears(-60), false, "Floating", "PresentNotRegistered");
        var c = await Add("统计丙", today.AddYears(-83).AddDays(-10), false, "Registered", "Consistent");
        var d = await Add("统计丁", today.AddYears(-60).AddDays(1), true, "Overseas", "PresentNotRegistered");
        await home.Worker.PostOkAsync($"/api/v1/residents/{a}/tags", new { code = "unemployed", source = "走访" });
        await home.Worker.PostOkAsync($"/api/v1/residents/{b}/tags", new { code = "dibao", startDate = "2024-01-01", source = "民政局" });
        await home.Worker.PostOkAsync($"/api/v1/residents/{c}/tags", new { code = "unemployed", startDate = "2020-01-01", endDate = "2021-01-01" });
        await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered", headResidentId = a });

        var sibling = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);
        await sibling.CreateResidentAsync(new { name = "邻社区", idNumber = TestIds.New(today.AddYears(-33).AddDays(-50)), orgUnitId = home.Tree.Community2.Id });
        return (home, a, b, c, d);
    }

    static int Band(JsonElement stats, string label, string gender) =>
        stats.GetProperty("agePyramid").EnumerateArray().Single(x => x.GetProperty("label").GetString() == label).GetProperty(gender).GetInt32();

    static Dictionary<string, int> Counts(JsonElement stats, string property, string key = "code") =>
        stats.GetProperty(property).EnumerateArray().ToDictionary(x => x.GetProperty(key).GetString()!, x => x.GetProperty("count").GetInt32());

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Population_OfCommunity_MatchesArrangedResidents(Provider provider)
    {
        var (home, _, _, _, _) = await ArrangeAsync(await apps.For(provider));

        var stats = await home.Worker.GetJsonAsync($"/api/v1/stats/population?orgUnitId={home.Tree.Community.Id}");

        Assert.Equal(home.Tree.Community.Id, stats.GetProperty("orgUnit").GetProperty("id").GetInt64());
        Assert.Equal(4, stats.GetProperty("population").GetInt32());
        Assert.Equal(1, stats.GetProperty("households").GetInt32());
        Assert.Equal(1, Band(stats, "30-34", "male"));
        Assert.Equal(1, Band(stats, "55-59", "male"));
        Assert.Equal(1, Band(stats, "60-64", "female"));
        Assert.Equal(1, Band(stats, "80-84", "female"));
        Assert.Equal(21, stats.GetProperty("agePyramid").GetArrayLength());
        Assert.Equal(4, stats.GetProperty("agePyramid").EnumerateArray().Sum(x => x.GetProperty("male").GetInt32() + x.GetProperty("female").GetInt32()));
        var tags = Counts(stats, "keyPopulations");
        Assert.Equal(2, tags["elderly-60"]);
        Assert.Equal(1, tags["elderly-80"]);
        Assert.Equal(1, tags["floating"]);
        Assert.Equal(1, tags["unemployed"]);   // the ended period does not count
        Assert.Equal(1, tags["dibao"]);
        Assert.Equal(0, tags["tekun"]);
        Assert.Equal(new Dictionary<string, int> { ["Registered"] = 2, ["Floating"] = 1, ["Overseas"] = 1 }, Counts(stats, "residenceTypes"));
        Assert.Equal(new Dictionary<string, int> { ["Consistent"] = 2, ["PresentNotRegistered"] = 2, ["RegisteredNotPresent"] = 0 }, Counts(stats, "registrationMatches"));
        Assert.Contains(stats.GetProperty("children").EnumerateArray(), c => c.GetProperty("id").GetInt64() == home.Tree.Grid.Id);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Population_WithoutUnit_IsTheCallersUnit_AndStreetCountsBothCommunities(Provider provider)
    {
        var app = await apps.For(provider);
        var (home, _, _, _, _) = await ArrangeAsync(app);
        var official = await app.ClientAsync(Roles.Official, home.Tree.Street);

        var own = await home.Worker.GetJsonAsync("/api/v1/stats/population");
        var street = await official.GetJsonAsync("/api/v1/stats/population");
        var sibling = await official.GetJsonAsync($"/api/v1/stats/population?orgUnitId={home.Tree.Community2.Id}");

        Assert.Equal(home.Tree.Community.Id, own.GetProperty("orgUnit").GetProperty("id").GetInt64());
        Assert.Equal(4, own.GetProperty("population").GetInt32());
        Assert.Equal(home.Tree.Street.Id, street.GetProperty("orgUnit").GetProperty("id").GetInt64());
        Assert.Equal(5, street.GetProperty("population").GetInt32());
        Assert.Equal(1, sibling.GetProperty("population").GetInt32());
        Assert.Equal(1, Band(sibling, "30-34", "male"));
        Assert.Equal(0, Counts(sibling, "keyPopulations")["elderly-60"]);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Population_GridWorker_DoesNotSeeSensitiveTags(Provider provider)
    {
        var app = await apps.For(provider);
        var (home, _, _, _, _) = await ArrangeAsync(app);
        var grid = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);

        var stats = await grid.GetJsonAsync("/api/v1/stats/population");

        var tags = Counts(stats, "keyPopulations");
        Assert.Equal(4, stats.GetProperty("population").GetInt32());
        Assert.Equal(1, tags["unemployed"]);
        Assert.Equal(2, tags["elderly-60"]);
        Assert.DoesNotContain("dibao", tags.Keys);
        Assert.DoesNotContain("disabled", tags.Keys);
        Assert.DoesNotContain("dibao", stats.GetRawText());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Population_BandAndElderlyCutOffs_ExcludeMovedOut_HideSensitiveTags(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        async Task<long> Add(string name, DateOnly birth, bool male, string type = "Registered") =>
            (await home.Worker.CreateResidentAsync(new { name, idNumber = TestIds.New(birth, male), houseId = home.HouseId, residenceType = type, registrationMatch = "Consistent" })).Id();
        await Add("边界甲", today.AddYears(-80), false);                      // 80 today
        await Add("边界乙", today.AddYears(-80).AddDays(1), true);            // 80 tomorrow
        var floating = await Add("边界丙", today.AddYears(-60), true, "Floating");
        await Add("边界丁", today.AddYears(-5), false);                       // 5 today: the 5-9 band
        await Add("边界戊", today.AddYears(-5).AddDays(1), false);            // still 4
        await Add("边界己", today.AddYears(-100), true);                      // 100+
        var gone = await Add("边界庚", today.AddYears(-85), false, "Floating");
        await home.Worker.PostOkAsync($"/api/v1/residents/{gone}/tags", new { code = "unemployed", source = "走访" });
        await home.Worker.PostOkAsync($"/api/v1/residents/{floating}/tags", new { code = "dibao", source = "民政局" });
        await home.Worker.PostOkAsync($"/api/v1/residents/{gone}/move-out", new { date = today.AddDays(-1).ToString("yyyy-MM-dd"), destination = "上海市" });
        var grid = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);

        var stats = await home.Worker.GetJsonAsync($"/api/v1/stats/population?orgUnitId={home.Tree.Community.Id}");
        var hidden = await grid.GetJsonAsync("/api/v1/stats/population");

        foreach (var s in new[] { stats, hidden })
        {
            Assert.Equal(6, s.GetProperty("population").GetInt32());
            Assert.Equal(1, Band(s, "80-84", "female"));
            Assert.Equal(1, Band(s, "75-79", "male"));
            Assert.Equal(1, Band(s, "60-64", "male"));
            Assert.Equal(1, Band(s, "5-9", "female"));
            Assert.Equal(1, Band(s, "0-4", "female"));
            Assert.Equal(1, Band(s, "100+", "male"));
            Assert.Equal(0, Band(s, "85-89", "female"));
            var tags = Counts(s, "keyPopulations");
            Assert.Equal(4, tags["elderly-60"]);
            Assert.Equal(2, tags["elderly-80"]);
            Assert.Equal(1, tags["floating"]);
            Assert.Equal(0, tags["unemployed"]);
            Assert.Equal(new Dictionary<string, int> { ["Registered"] = 5, ["Floating"] = 1, ["Overseas"] = 0 }, Counts(s, "residenceTypes"));
            Assert.Equal(new Dictionary<string, int> { ["Consistent"] = 6, ["PresentNotRegistered"] = 0, ["RegisteredNotPresent"] = 0 }, Counts(s, "registrationMatches"));
        }
        Assert.Equal(1, Counts(stats, "keyPopulations")["dibao"]);
        Assert.DoesNotContain("dibao", Counts(hidden, "keyPopulations").Keys);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Population_OutsiderOrUnknownUnit_404_WrongRole_403(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);
        var admin = await app.ClientAsync(Roles.SystemAdmin, home.Tree.City);

        var foreign = await outsider.SendAsync(HttpMethod.Get, $"/api/v1/stats/population?orgUnitId={home.Tree.Community.Id}");
        var parent = await home.Worker.SendAsync(HttpMethod.Get, $"/api/v1/stats/population?orgUnitId={home.Tree.Street.Id}");
        var unknown = await home.Worker.SendAsync(HttpMethod.Get, "/api/v1/stats/population?orgUnitId=999999999");
        var refused = await admin.SendAsync(HttpMethod.Get, "/api/v1/stats/population");

        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal(HttpStatusCode.NotFound, parent.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task StatsPage_ShowsTablesChartDataAndChildLinks(Provider provider)
    {
        var app = await apps.For(provider);
        var (home, _, _, _, _) = await ArrangeAsync(app);
        var grid = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);

        var page = await home.Worker.GetPageAsync("/stats");
        var forGrid = await grid.GetPageAsync("/stats");
        var foreign = await home.Worker.GetPageAsync($"/stats?orgUnitId={home.Tree.Community2.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-testid=\"population\">4<", page.Html);
        Assert.Contains("<script type=\"application/json\" id=\"stats-data\"", page.Html);
        Assert.Contains("/lib/echarts/echarts.min.js", page.Html);
        Assert.Contains("js/stats-charts.js", page.Html);
        Assert.Contains($"href=\"/stats?orgUnitId={home.Tree.Grid.Id}\"", page.Html);
        Assert.Contains("低保对象", page.Html);
        Assert.Contains("80-84", page.Html);
        Assert.Equal(HttpStatusCode.OK, forGrid.Status);
        Assert.DoesNotContain("低保对象", forGrid.Html);
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
    }
}
