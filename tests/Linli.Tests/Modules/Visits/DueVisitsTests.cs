using Microsoft.EntityFrameworkCore;
using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Visits;

public sealed class DueVisitsTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Due_NeverVisitedHouseholdIsDueToday_AndDropsOffOnceVisited(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();

        var before = await v.Worker.GetJsonAsync("/api/v1/visits/due");
        var item = before.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("householdId").GetInt64() == v.HouseholdId);
        Assert.Equal(365, item.GetProperty("intervalDays").GetInt32());
        Assert.Equal(JsonValueKindNull, item.GetProperty("lastVisit").ValueKind);
        Assert.Equal(0, before.GetProperty("quota").GetProperty("visited").GetInt32());
        Assert.Equal(30, before.GetProperty("quota").GetProperty("target").GetInt32());

        await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId));

        var after = await v.Worker.GetJsonAsync("/api/v1/visits/due");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("householdId").GetInt64() == v.HouseholdId);
        Assert.Equal(1, after.GetProperty("quota").GetProperty("visited").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Due_LivingAloneElderlyVisitedEightDaysAgo_IsOverdueAndListedFirst(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var (yearly, _) = await v.Home.AddHouseholdAsync();
        await v.Home.Worker.PostOkAsync($"/api/v1/residents/{v.HeadId}/tags", new { code = "elderly-alone", source = "走访" });
        await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId, DateTime.Now.AddDays(-8)));
        await v.Worker.RecordAsync(VisitArrange.Visit(yearly, DateTime.Now.AddDays(-8)));

        var due = await v.Worker.GetJsonAsync("/api/v1/visits/due");

        var first = due.GetProperty("items")[0];
        Assert.Equal(v.HouseholdId, first.GetProperty("householdId").GetInt64());
        Assert.Equal(7, first.GetProperty("intervalDays").GetInt32());
        Assert.True(first.GetProperty("overdue").GetBoolean());
        Assert.Contains("独居老人", first.GetProperty("reason").GetString());
        Assert.DoesNotContain(due.GetProperty("items").EnumerateArray(), i => i.GetProperty("householdId").GetInt64() == yearly && !i.GetProperty("forQuota").GetBoolean());
        Assert.Equal(1, due.GetProperty("overdue").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Due_SensitiveTagSetsTheFrequency_WithoutNamingTheTagToAGridWorker(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        await v.Home.Worker.PostOkAsync($"/api/v1/residents/{v.HeadId}/tags", new { code = "correction", source = "司法所" });
        var visit = await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId));
        await app.WithDbAsync(db => db.Visits.Where(x => x.Id == visit.Id()).ExecuteUpdateAsync(s => s.SetProperty(x => x.VisitedAt, DateTime.Now.AddDays(-40)), Ct));

        var forGridWorker = await v.Worker.GetJsonAsync("/api/v1/visits/due");
        var forCommunity = await v.Home.Worker.GetJsonAsync($"/api/v1/visits/due?workerId={v.GridWorker.Id}");

        var item = forGridWorker.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("householdId").GetInt64() == v.HouseholdId);
        Assert.Equal(30, item.GetProperty("intervalDays").GetInt32());
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain("矫正", item.GetProperty("reason").GetString());
        var seen = forCommunity.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("householdId").GetInt64() == v.HouseholdId);
        Assert.Contains("社区矫正", seen.GetProperty("reason").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Due_ADerivedTagRule_CountsPeopleOver80(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var (old, _) = await v.Home.AddHouseholdAsync(name: "赵奶奶", birth: DateOnly.FromDateTime(DateTime.Today).AddYears(-85));
        await v.Worker.RecordAsync(VisitArrange.Visit(old, DateTime.Now.AddDays(-20)));

        var due = await v.Worker.GetJsonAsync("/api/v1/visits/due?days=30");

        var item = due.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("householdId").GetInt64() == old);
        Assert.Equal(30, item.GetProperty("intervalDays").GetInt32());
        Assert.False(item.GetProperty("overdue").GetBoolean());
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now.AddDays(10)).ToString("yyyy-MM-dd"), item.GetProperty("dueOn").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Due_BelowTheMonthlyQuota_SuggestsTheLeastRecentlyVisitedUntilTheQuotaIsMet(Provider provider)
    {
        await apps.For(provider); // skips PostgreSQL when it is not configured
        await using var app = LinliApp.Create(provider, new Dictionary<string, string?> { ["Visits:MonthlyQuota"] = "2" });
        var v = await app.CreateVisitHomeAsync();
        var (older, _) = await v.Home.AddHouseholdAsync();
        var (recent, _) = await v.Home.AddHouseholdAsync();
        foreach (var (household, daysAgo) in new[] { (v.HouseholdId, 200), (older, 300), (recent, 100) })
        {
            var visit = await v.Worker.RecordAsync(VisitArrange.Visit(household));
            await app.WithDbAsync(db => db.Visits.Where(x => x.Id == visit.Id()).ExecuteUpdateAsync(s => s.SetProperty(x => x.VisitedAt, DateTime.Now.AddDays(-daysAgo)), Ct));
        }

        var before = await v.Worker.GetJsonAsync("/api/v1/visits/due");
        Assert.Equal([older, v.HouseholdId], before.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("householdId").GetInt64()));
        Assert.All(before.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("forQuota").GetBoolean()));
        Assert.Contains("本月走访任务", before.GetProperty("items")[0].GetProperty("reason").GetString());

        await v.Worker.RecordAsync(VisitArrange.Visit(recent));
        var after = await v.Worker.GetJsonAsync("/api/v1/visits/due");
        Assert.Equal([older], after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("householdId").GetInt64()));
        await v.Worker.RecordAsync(VisitArrange.Visit(older));
        Assert.Equal(0, (await v.Worker.GetJsonAsync("/api/v1/visits/due")).GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Due_AnotherWorkersList_IsForTheirUnitOnly(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, v.Home.Tree.Community2);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/visits/due?workerId={v.GridWorker.Id}", Ct)).StatusCode);
        var street = await app.ClientAsync(Roles.Official, v.Home.Tree.Street);
        var seen = await street.GetJsonAsync($"/api/v1/visits/due?workerId={v.GridWorker.Id}");
        Assert.Equal(1, seen.GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Coverage_CountsOverdueAndVisitedPerUnit(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var (second, secondHead) = await v.Home.AddHouseholdAsync();
        await v.Home.Worker.PostOkAsync($"/api/v1/residents/{secondHead}/tags", new { code = "elderly-alone" });
        await v.Worker.RecordAsync(VisitArrange.Visit(second, DateTime.Now.AddDays(-9)));
        await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId));
        var street = await app.ClientAsync(Roles.Official, v.Home.Tree.Street);

        var coverage = await street.GetJsonAsync($"/api/v1/visits/coverage?orgUnitId={v.Home.Tree.Street.Id}");

        Assert.Equal(2, coverage.GetProperty("households").GetInt32());
        Assert.Equal(1, coverage.GetProperty("overdue").GetInt32());
        var community = coverage.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("orgUnitId").GetInt64() == v.Home.Tree.Community.Id);
        Assert.Equal(2, community.GetProperty("households").GetInt32());
        Assert.Equal(1, community.GetProperty("upToDate").GetInt32());
        var visitedThisMonth = DateTime.Now.AddDays(-9).Month == DateTime.Now.Month ? 2 : 1;
        Assert.Equal(visitedThisMonth, community.GetProperty("visitedThisMonth").GetInt32());
        var worker = coverage.GetProperty("workers").EnumerateArray().Single();
        Assert.True(worker.GetProperty("belowQuota").GetBoolean());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task GridMap_ColoursByOverdueVisits(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var (alone, aloneHead) = await v.Home.AddHouseholdAsync();
        await v.Home.Worker.PostOkAsync($"/api/v1/residents/{aloneHead}/tags", new { code = "elderly-alone" });
        await v.Worker.RecordAsync(VisitArrange.Visit(alone, DateTime.Now.AddDays(-9)));

        var map = await v.Home.Worker.GetJsonAsync($"/api/v1/grids/map?orgUnitId={v.Home.Tree.Community.Id}");

        Assert.Contains(map.GetProperty("measures").EnumerateArray(), m => m.GetProperty("key").GetString() == "overdueVisits");
        var grid = map.GetProperty("grids").EnumerateArray().Single(g => g.GetProperty("id").GetInt64() == v.Home.Tree.Grid.Id);
        Assert.Equal(1, grid.GetProperty("values").GetProperty("overdueVisits").GetInt32()); // the never-visited one is due today, not overdue
        Assert.Equal(2, grid.GetProperty("values").GetProperty("households").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Rules_SystemAdminChangesAnInterval_WorkersMayNot(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, v.Home.Tree.City);

        var saved = await admin.PostOkAsync("/api/v1/visit-rules", new { tagCode = "idle-youth", intervalDays = 60 });
        var bad = await admin.SendAsync(HttpMethod.Post, "/api/v1/visit-rules", new { tagCode = "idle-youth", intervalDays = 0 });
        var worker = await v.Worker.SendAsync(HttpMethod.Post, "/api/v1/visit-rules", new { tagCode = "idle-youth", intervalDays = 5 });
        var keepYearly = await admin.SendAsync(HttpMethod.Delete, "/api/v1/visit-rules/1");

        Assert.Equal(60, saved.GetProperty("intervalDays").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(HttpStatusCode.Forbidden, worker.Status);
        Assert.Equal(HttpStatusCode.Conflict, keepYearly.Status);
        var rules = await v.Worker.GetJsonAsync("/api/v1/visit-rules");
        Assert.Contains(rules.GetProperty("items").EnumerateArray(), r => r.GetProperty("tagCode").GetString() == "idle-youth" && r.GetProperty("intervalDays").GetInt32() == 60);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Delete, $"/api/v1/visit-rules/{saved.Id()}")).Status);
    }

    const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
