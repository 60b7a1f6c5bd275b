using System.Net;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.Residents;

public sealed class MergeResidentsTests(Apps apps)
{
    // Survivor: registered without an ID number (as from abroad), one tag. Other: the same person with an ID number,
    // phone, ethnicity, head of a household, two tags (one the survivor has too).
    sealed record Pair(Home Home, long Survivor, long Other, long HouseholdId, string IdNumber, string Phone);

    static async Task<Pair> ArrangeAsync(LinliApp app, string name)
    {
        var home = await app.CreateHomeAsync();
        var birth = new DateOnly(1978, 8, 8);
        var survivor = (await home.Worker.CreateResidentAsync(new { name, birthDate = "1978-08-08", gender = "Male", residenceType = "Overseas", houseId = home.HouseId })).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{survivor}/tags", new { code = "unemployed", source = "走访" });
        var (id, phone) = (TestIds.New(birth), TestIds.Phone());
        var other = (await home.AddResidentAsync(name, id, phone)).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{other}/tags", new { code = "unemployed", source = "人社局" });
        await home.Worker.PostOkAsync($"/api/v1/residents/{other}/tags", new { code = "dibao", source = "民政局" });
        var household = (await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered", headResidentId = other })).Id();
        return new Pair(home, survivor, other, household, id, phone);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Merge_LifeEventsAndVisitsOfTheMergedRecord_GoToTheSurvivor(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var parent = await home.AddResidentAsync("林父", TestIds.New(new DateOnly(1990, 1, 1)));
        var household = (await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered", headResidentId = parent.Id() })).Id();
        var baby = (await home.Worker.PostOkAsync($"/api/v1/households/{household}/births", new { name = "林小宝", gender = "Female", birthDate = "2026-01-05" })).Id();
        var withNumber = (await home.AddResidentAsync("林小宝", TestIds.New(new DateOnly(2026, 1, 5), male: false))).Id();
        var visit = await home.Worker.PostOkAsync("/api/v1/visits", new { householdId = household, residentId = baby, visitedAt = DateTime.Now.AddHours(-1),
            type = "Routine", peopleMet = "林父", situation = "新生儿情况良好" });

        var (status, _, text) = await home.Worker.SendAsync(HttpMethod.Post, $"/api/v1/residents/{withNumber}/merge", new { otherId = baby, reason = "出生登记后又按身份证登记" });

        Assert.True(status == HttpStatusCode.OK, text);
        var events = await home.Worker.GetJsonAsync($"/api/v1/residents/{withNumber}/events");
        Assert.Contains(events.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString() == "Birth");
        Assert.Equal(withNumber, await app.WithDbAsync(db => db.Visits.Where(v => v.Id == visit.Id()).Select(v => v.ResidentId!.Value).SingleAsync()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Merge_SamePerson_FillsFieldsUnionsTagsMovesHistoryNumberAndHead(Provider provider)
    {
        var app = await apps.For(provider);
        var p = await ArrangeAsync(app, "合并者");
        var protector = app.Services.GetRequiredService<FieldProtector>();
        var otherHistory = await app.WithDbAsync(db => db.ResidentChanges.Where(c => c.ResidentId == p.Other).Select(c => c.Id).ToListAsync());

        var (status, body, _) = await p.Home.Worker.SendAsync(HttpMethod.Post, $"/api/v1/residents/{p.Survivor}/merge", new { otherId = p.Other, reason = "同一人重复登记" });

        Assert.Equal(HttpStatusCode.OK, status);
        var r = body.GetProperty("resident");
        Assert.Equal(Masking.IdNumber(p.IdNumber), r.GetProperty("idNumber").GetString());
        Assert.Equal(Masking.Phone(p.Phone), r.GetProperty("phone").GetString());
        Assert.Equal("汉族", r.GetProperty("ethnicity").GetString());
        Assert.Equal(p.HouseholdId, r.GetProperty("householdId").GetInt64());
        Assert.Equal("Self", r.GetProperty("relationship").GetString());
        Assert.Equal(["dibao", "unemployed"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("code").GetString()!)
            .Where(c => c is "dibao" or "unemployed").Order());
        var merge = Assert.Single(body.GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "merge");
        Assert.Equal("同一人重复登记", merge.GetProperty("newValue").GetString());

        var (survivor, other, head, movedHistory) = await app.WithDbAsync(async db => (
            await db.Residents.SingleAsync(x => x.Id == p.Survivor), await db.Residents.SingleAsync(x => x.Id == p.Other),
            await db.Households.Where(h => h.Id == p.HouseholdId).Select(h => h.HeadResidentId).SingleAsync(),
            await db.ResidentChanges.CountAsync(c => otherHistory.Contains(c.Id) && c.ResidentId == p.Survivor)));
        Assert.Equal(protector.IdNumberIndex(p.IdNumber), survivor.IdNumberIndex);
        Assert.Equal(p.IdNumber, protector.Decrypt(survivor.IdNumberCipher!));
        Assert.Null(other.IdNumberIndex);
        Assert.Equal(ResidentStatus.Merged, other.Status);
        Assert.Equal(p.Survivor, other.MergedIntoId);
        Assert.Null(other.HouseId);
        Assert.Null(other.HouseholdId);
        Assert.Equal(p.Survivor, head);
        Assert.Equal(otherHistory.Count, movedHistory);
        var otherCard = await p.Home.Worker.GetJsonAsync($"/api/v1/residents/{p.Other}");
        Assert.Equal(p.Survivor, otherCard.GetProperty("resident").GetProperty("mergedIntoId").GetInt64());
        Assert.Contains(otherCard.GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "mergedInto");
        Assert.DoesNotContain(otherCard.GetProperty("tags").EnumerateArray(), t => t.GetProperty("code").GetString() is "dibao" or "unemployed");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Merge_Refusals_TwoNumbers422_Self422_Outsider404_Official403_NoReason400(Provider provider)
    {
        var app = await apps.For(provider);
        var p = await ArrangeAsync(app, "拒并者");
        var third = (await p.Home.AddResidentAsync("拒并者", TestIds.New(new DateOnly(1978, 8, 8)))).Id();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, p.Home.Tree.Community3);
        var official = await app.ClientAsync(Roles.Official, p.Home.Tree.Street);
        var url = $"/api/v1/residents/{p.Survivor}/merge";

        var twoNumbers = await p.Home.Worker.SendAsync(HttpMethod.Post, $"/api/v1/residents/{p.Other}/merge", new { otherId = third, reason = "试试" });
        var self = await p.Home.Worker.SendAsync(HttpMethod.Post, url, new { otherId = p.Survivor, reason = "试试" });
        var foreign = await outsider.SendAsync(HttpMethod.Post, url, new { otherId = p.Other, reason = "试试" });
        var readOnly = await official.SendAsync(HttpMethod.Post, url, new { otherId = p.Other, reason = "试试" });
        var noReason = await p.Home.Worker.SendAsync(HttpMethod.Post, url, new { otherId = p.Other, reason = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, twoNumbers.Status);
        Assert.Equal("resident.merge-id-numbers", twoNumbers.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.Status);
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Single(noReason.Body.Errors("reason"));
        var statuses = await app.WithDbAsync(db => db.Residents.Where(x => x.Id == p.Survivor || x.Id == p.Other || x.Id == third).Select(x => x.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(ResidentStatus.Active, s));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MergePage_PostedWithReason_MergesAndRedirectsToSurvivor(Provider provider)
    {
        var app = await apps.For(provider);
        var p = await ArrangeAsync(app, "页面合并者");
        var url = $"/residents/{p.Survivor}/merge?otherId={p.Other}";

        var chooser = await p.Home.Worker.GetPageAsync($"/residents/{p.Survivor}/merge");
        var empty = await p.Home.Worker.PostFormAsync(url, "merge", new Dictionary<string, string> { ["Input.Reason"] = "" });
        var merged = await p.Home.Worker.PostFormAsync(url, "merge", new Dictionary<string, string> { ["Input.Reason"] = "页面核实同一人" });

        Assert.Equal(HttpStatusCode.OK, chooser.Status);
        Assert.Contains("id=\"merge-other\"", chooser.Html);
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("请填写合并理由", empty.Html);
        Assert.Equal(HttpStatusCode.Redirect, merged.Status);
        Assert.EndsWith($"/residents/{p.Survivor}", merged.Response.Headers.Location?.ToString());
        var other = await app.WithDbAsync(db => db.Residents.SingleAsync(x => x.Id == p.Other));
        Assert.Equal((ResidentStatus.Merged, p.Survivor), (other.Status, other.MergedIntoId));
        var list = await p.Home.Worker.GetPageAsync("/residents/duplicates");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.DoesNotContain($"/residents/{p.Survivor}/merge?otherId={p.Other}", list.Html);
    }
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_Status_Returns400_OnlyALifeEventOrAMergeSetsIt(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var resident = (await home.AddResidentAsync("手改者", TestIds.New(new DateOnly(1979, 9, 9)))).Id();

        foreach (var value in new[] { "Merged", "MovedOut", "Deceased" })
        {
            var (status, body, _) = await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{resident}", new { status = value });
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Single(body.Errors("status"));
        }
        var created = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/residents",
            new { name = "新登记", idNumber = TestIds.New(new DateOnly(1980, 1, 1)), houseId = home.HouseId, status = "Deceased" });
        Assert.Equal(HttpStatusCode.BadRequest, created.Status);
        Assert.Equal("Active", (await home.Worker.GetJsonAsync($"/api/v1/residents/{resident}")).GetProperty("resident").GetProperty("status").GetString());
    }
}
