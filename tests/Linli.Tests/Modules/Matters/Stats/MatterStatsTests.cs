using System.Net;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Matters.Stats;

public sealed class MatterStatsTests(Apps apps)
{
    const string Period = $"from={StatsCase.From}&to={StatsCase.To}";

    static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();
    static double Dbl(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? double.NaN : e.GetProperty(name).GetDouble();

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Stats_OfStreet_CountsEveryFigureExactly(Provider provider)
    {
        var app = await apps.For(provider);
        var c = await StatsCase.ArrangeAsync(app);
        var official = await app.ClientAsync(Roles.Official, c.Tree.Street);

        var stats = await official.GetJsonAsync($"/api/v1/matters/stats?{Period}");   // the caller's unit by default

        Assert.Equal(c.Tree.Street.Id, stats.GetProperty("orgUnit").GetProperty("id").GetInt64());
        var t = stats.GetProperty("totals");
        Assert.Equal((7, 5, 4, 80.0), (Int(t, "received"), Int(t, "accepted"), Int(t, "onTimeAccepted"), Dbl(t, "onTimeAcceptanceRate")));
        Assert.Equal((3, 42.9), (Int(t, "resolvedVerified"), Dbl(t, "resolutionRate")));
        Assert.Equal((3, 2, 66.7), (Int(t, "followedUp"), Int(t, "satisfied"), Dbl(t, "satisfactionRate")));
        Assert.Equal((4, 3, 75.0), (Int(t, "resolved"), Int(t, "onTimeResolved"), Dbl(t, "onTimeResolutionRate")));
        Assert.Equal((1, 25.0, 1, 33.3), (Int(t, "reworked"), Dbl(t, "reworkRate"), Int(t, "redone"), Dbl(t, "redoRate")));
        Assert.Equal(43.5, Dbl(t, "averageHandlingHours"));   // (48 + 96 + 10 + 20) / 4
        Assert.Equal(3, Int(t, "overdueNow"));                 // A2, A4 and O1 (registered in February)

        var children = stats.GetProperty("byChild").EnumerateArray().ToDictionary(x => x.GetProperty("unit").GetProperty("id").GetInt64(), x => x.GetProperty("figures"));
        var a = children[c.Tree.Community.Id];
        Assert.Equal((5, 3, 2, 3, 2), (Int(a, "received"), Int(a, "accepted"), Int(a, "onTimeAccepted"), Int(a, "resolved"), Int(a, "resolvedVerified")));
        Assert.Equal((51.3, 3), (Dbl(a, "averageHandlingHours"), Int(a, "overdueNow")));
        var b = children[c.Tree.Community2.Id];
        Assert.Equal((1, 1, 1, 0, double.NaN), (Int(b, "received"), Int(b, "resolvedVerified"), Int(b, "onTimeResolved"), Int(b, "followedUp"), Dbl(b, "satisfactionRate")));   // no follow-up: no rate

        var channels = stats.GetProperty("byChannel").EnumerateArray().ToDictionary(x => x.GetProperty("channel").GetString()!, x => Int(x, "received"));
        Assert.Equal(new Dictionary<string, int> { ["Counter"] = 3, ["Hotline"] = 1, ["Mailbox"] = 1, ["Web"] = 1, ["GridWorker"] = 1, ["Open311"] = 0 }, channels);
        var top = stats.GetProperty("byTopCategory").EnumerateArray().ToDictionary(x => x.GetProperty("name").GetString()!, x => Int(x, "received"));
        Assert.Equal(new Dictionary<string, int> { ["市容环境"] = 4, ["物业管理"] = 1, ["设施维修"] = 1, ["治安"] = 1 }, top);
        var leaves = stats.GetProperty("byCategory").EnumerateArray().ToDictionary(x => x.GetProperty("name").GetString()!, x => Int(x, "received"));
        Assert.Equal(new Dictionary<string, int> { ["垃圾清运不及时"] = 2, ["占道经营"] = 2, ["物业服务质量"] = 1, ["路灯损坏"] = 1, ["治安"] = 1 }, leaves);

        Assert.Equal("week", stats.GetProperty("trendBy").GetString());
        var trend = stats.GetProperty("trend").EnumerateArray().Select(x => (x.GetProperty("label").GetString(), Int(x, "received"))).ToList();
        Assert.Equal([("2025-W09", 0), ("2025-W10", 3), ("2025-W11", 3), ("2025-W12", 1), ("2025-W13", 0), ("2025-W14", 0)], trend);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Stats_Escalations_PerCommunityPerWeek(Provider provider)
    {
        var app = await apps.For(provider);
        var c = await StatsCase.ArrangeAsync(app);
        var official = await app.ClientAsync(Roles.Official, c.Tree.Street);

        var e = (await official.GetJsonAsync($"/api/v1/matters/stats?orgUnitId={c.Tree.Street.Id}&{Period}")).GetProperty("escalations");

        Assert.Equal((5, 4), (Int(e, "escalations"), Int(e, "escalatedMatters")));   // X1 is another street's
        Assert.Equal(6, e.GetProperty("weeks").GetArrayLength());
        var rows = e.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("unit").GetProperty("id").GetInt64());
        string Cells(long unit) => string.Join(" ", rows[unit].GetProperty("weeks").EnumerateArray().Select(x => $"{Int(x, "escalations")}/{Int(x, "matters")}"));
        Assert.Equal("0/0 1/1 2/1 0/0 0/0 0/0", Cells(c.Tree.Community.Id));   // O1 in W10; A5 (the grid's) twice in W11
        Assert.Equal("0/0 1/1 0/0 0/0 0/0 0/0", Cells(c.Tree.Community2.Id));
        Assert.Equal("0/0 0/0 0/0 1/1 0/0 0/0", Cells(c.Tree.Street.Id));      // the street's own counter
        Assert.Equal((3, 2), (Int(rows[c.Tree.Community.Id], "escalations"), Int(rows[c.Tree.Community.Id], "matters")));
        Assert.True(rows[c.Tree.Street.Id].GetProperty("exactOwner").GetBoolean());
        Assert.Equal(3, rows.Count);
    }

    // Above street level the rows are the unit's children (a district's streets), each the sum of its subtree.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Stats_Escalations_AboveStreet_PerChildUnit(Provider provider)
    {
        var app = await apps.For(provider);
        var c = await StatsCase.ArrangeAsync(app);
        var official = await app.ClientAsync(Roles.Official, c.Tree.District);

        var e = (await official.GetJsonAsync($"/api/v1/matters/stats?orgUnitId={c.Tree.District.Id}&{Period}")).GetProperty("escalations");

        Assert.Equal((6, 5), (Int(e, "escalations"), Int(e, "escalatedMatters")));   // the street's 5 steps of 4 matters, and X1
        var rows = e.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("unit").GetProperty("id").GetInt64());
        Assert.Equal([c.Tree.Street.Id, c.Tree.Street2.Id], rows.Keys.Order());
        Assert.Equal((5, 4, false), (Int(rows[c.Tree.Street.Id], "escalations"), Int(rows[c.Tree.Street.Id], "matters"), rows[c.Tree.Street.Id].GetProperty("exactOwner").GetBoolean()));
        Assert.Equal((1, 1), (Int(rows[c.Tree.Street2.Id], "escalations"), Int(rows[c.Tree.Street2.Id], "matters")));
        var street = rows[c.Tree.Street.Id].GetProperty("weeks").EnumerateArray().Select(x => $"{Int(x, "escalations")}/{Int(x, "matters")}");
        Assert.Equal("0/0 2/2 2/1 1/1 0/0 0/0", string.Join(" ", street));
        Assert.Equal(4, Int(await official.GetJsonAsync($"/api/v1/matters?orgUnitId={c.Tree.Street.Id}&{Period}&metric=Escalated"), "total"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Stats_EachFigure_EqualsTheTotalOfItsDrillDownList(Provider provider)
    {
        var app = await apps.For(provider);
        var c = await StatsCase.ArrangeAsync(app);
        var official = await app.ClientAsync(Roles.Official, c.Tree.Street);
        var stats = await official.GetJsonAsync($"/api/v1/matters/stats?{Period}");
        async Task<int> Total(string query) => Int(await official.GetJsonAsync($"/api/v1/matters?{query}"), "total");
        var street = $"orgUnitId={c.Tree.Street.Id}&{Period}";

        foreach (var (unitId, figures) in stats.GetProperty("byChild").EnumerateArray()
            .Select(x => (x.GetProperty("unit").GetProperty("id").GetInt64(), x.GetProperty("figures"))).Append((c.Tree.Street.Id, stats.GetProperty("totals"))))
        {
            var q = $"orgUnitId={unitId}&{Period}";
            Assert.Equal(Int(figures, "received"), await Total(q));
            foreach (var metric in new[] { "accepted", "onTimeAccepted", "resolved", "onTimeResolved", "resolvedVerified", "reworked", "followedUp", "satisfied", "redone" })
                Assert.True(Int(figures, metric) == await Total($"{q}&metric={metric}"), $"{metric} of unit {unitId}");
            Assert.Equal(Int(figures, "overdueNow"), await Total($"orgUnitId={unitId}&overdue=true"));
        }
        foreach (var cat in stats.GetProperty("byTopCategory").EnumerateArray().Concat(stats.GetProperty("byCategory").EnumerateArray()))
            Assert.Equal(Int(cat, "received"), await Total($"{street}&categoryId={cat.GetProperty("id").GetInt32()}"));
        foreach (var ch in stats.GetProperty("byChannel").EnumerateArray())
            Assert.Equal(Int(ch, "received"), await Total($"{street}&channel={ch.GetProperty("channel").GetString()}"));
        foreach (var w in stats.GetProperty("trend").EnumerateArray())
            Assert.Equal(Int(w, "received"), await Total($"orgUnitId={c.Tree.Street.Id}&from={w.GetProperty("from").GetString()}&to={w.GetProperty("to").GetString()}"));

        var e = stats.GetProperty("escalations");
        Assert.Equal(Int(e, "escalatedMatters"), await Total($"{street}&metric=escalated"));
        var weeks = e.GetProperty("weeks").EnumerateArray().ToList();
        foreach (var row in e.GetProperty("rows").EnumerateArray())
        {
            var key = row.GetProperty("exactOwner").GetBoolean() ? "ownerUnitId" : "orgUnitId";
            var cells = row.GetProperty("weeks").EnumerateArray().ToList();
            Assert.Equal(Int(row, "matters"), await Total($"{key}={row.GetProperty("unit").GetProperty("id").GetInt64()}&{Period}&metric=Escalated"));
            for (var i = 0; i < weeks.Count; i++)
                Assert.Equal(Int(cells[i], "matters"), await Total($"{key}={row.GetProperty("unit").GetProperty("id").GetInt64()}"
                    + $"&from={weeks[i].GetProperty("from").GetString()}&to={weeks[i].GetProperty("to").GetString()}&metric=Escalated"));
        }
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Stats_CommunitySeesItsOwn_OutsiderUnitIs404_ResidentIs403(Provider provider)
    {
        var app = await apps.For(provider);
        var c = await StatsCase.ArrangeAsync(app);
        var worker = await app.ClientAsync(Roles.CommunityWorker, c.Tree.Community2);

        var own = await worker.GetJsonAsync($"/api/v1/matters/stats?{Period}");
        var (aboveStatus, _, _) = await worker.SendAsync(HttpMethod.Get, $"/api/v1/matters/stats?orgUnitId={c.Tree.Street.Id}&{Period}");
        var (siblingStatus, _, _) = await worker.SendAsync(HttpMethod.Get, $"/api/v1/matters/stats?orgUnitId={c.Tree.Community.Id}&{Period}");
        var (listStatus, _, _) = await worker.SendAsync(HttpMethod.Get, $"/api/v1/matters?orgUnitId={c.Tree.Community.Id}");
        var (residentStatus, _, _) = await (await app.ClientAsync(Roles.Resident, c.Tree.Community)).SendAsync(HttpMethod.Get, $"/api/v1/matters/stats?{Period}");

        Assert.Equal((1, 1), (Int(own.GetProperty("totals"), "received"), Int(own.GetProperty("escalations"), "escalations")));
        Assert.Equal(0, own.GetProperty("byChild").GetArrayLength());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (aboveStatus, siblingStatus, listStatus));
        Assert.Equal(HttpStatusCode.Forbidden, residentStatus);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Stats_BadPeriod_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var official = await app.ClientAsync(Roles.Official, tree.Street);

        var (reversed, reversedBody, _) = await official.SendAsync(HttpMethod.Get, "/api/v1/matters/stats?from=2025-03-31&to=2025-03-01");
        var (tooLong, tooLongBody, _) = await official.SendAsync(HttpMethod.Get, "/api/v1/matters/stats?from=2023-01-01&to=2025-01-01");
        var (notDate, notDateBody, _) = await official.SendAsync(HttpMethod.Get, "/api/v1/matters/stats?from=March");
        var (badMetric, badMetricBody, _) = await official.SendAsync(HttpMethod.Get, "/api/v1/matters?metric=happiness&light=Blue");
        var twoYears = await official.GetJsonAsync("/api/v1/matters/stats?from=2023-01-01&to=2024-12-31");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (reversed, tooLong, notDate, badMetric));
        Assert.NotEmpty(reversedBody.Errors("to"));
        Assert.NotEmpty(tooLongBody.Errors("to"));
        Assert.NotEmpty(notDateBody.Errors("from"));
        Assert.NotEmpty(badMetricBody.Errors("metric"));
        Assert.NotEmpty(badMetricBody.Errors("light"));
        Assert.Equal("month", twoYears.GetProperty("trendBy").GetString());
        Assert.Equal(24, twoYears.GetProperty("trend").GetArrayLength());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_LightFilter_MatchesEachItemsLight_AndTheLightsCoverEveryMatter(Provider provider)
    {
        var app = await apps.For(provider);
        var c = await StatsCase.ArrangeAsync(app);
        var official = await app.ClientAsync(Roles.Official, c.Tree.Street);

        var all = Int(await official.GetJsonAsync($"/api/v1/matters?orgUnitId={c.Tree.Street.Id}"), "total");
        var byLight = new Dictionary<string, string[]>();
        foreach (var light in new[] { "Red", "Yellow", "Green", "None" })
        {
            var list = await official.GetJsonAsync($"/api/v1/matters?orgUnitId={c.Tree.Street.Id}&light={light}");
            var items = list.GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, i => Assert.Equal(light, i.GetProperty("light").GetString()));
            byLight[light] = [.. items.Select(i => c.Ids.Single(kv => kv.Value == i.GetProperty("id").GetInt64()).Key).Order()];
        }

        Assert.Equal(8, all);
        Assert.Equal(["A2", "A4", "O1"], byLight["Red"]);
        Assert.Equal(["A5"], byLight["Yellow"]);
        Assert.Equal(["S1"], byLight["Green"]);
        Assert.Equal(["A1", "A3", "B1"], byLight["None"]);
        var s1 = (await official.GetJsonAsync($"/api/v1/matters?ownerUnitId={c.Tree.Street.Id}")).GetProperty("items")[0];
        Assert.Equal((c.Tree.Street.Name, true), (s1.GetProperty("handlingUnitName").GetString(), s1.GetProperty("supervised").GetBoolean()));
        Assert.NotEqual(JsonValueKind.Null, s1.GetProperty("dueAt").ValueKind);
    }
}
