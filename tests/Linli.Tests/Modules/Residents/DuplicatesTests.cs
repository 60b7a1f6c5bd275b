using System.Net;
using System.Text;
using System.Text.Json;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Residents;

public sealed class DuplicatesTests(Apps apps)
{
    // The record lives in 乙社区 (community 2); a worker of 甲社区 (the home's community, same street) tries to
    // register the same ID number in the home's house. 丙社区 lies under another street.
    sealed record Scene(LinliApp App, Home Home, HttpClient Holder, HttpClient Street, HttpClient Third, string IdNumber, long ResidentId);

    static async Task<Scene> ArrangeAsync(LinliApp app, string holderName)
    {
        var home = await app.CreateHomeAsync();
        var holder = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);
        var id = TestIds.New(new DateOnly(1985, 3, 3));
        var resident = await holder.CreateResidentAsync(new { name = holderName, idNumber = id, phone = TestIds.Phone(), orgUnitId = home.Tree.Community2.Id, notes = "持有方备注" });
        await holder.PostOkAsync($"/api/v1/residents/{resident.Id()}/tags", new { code = "unemployed", source = "走访" });
        return new Scene(app, home, holder, await app.ClientAsync(Roles.Official, home.Tree.Street),
            await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community3), id, resident.Id());
    }

    static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> ClaimAsync(Scene s, string name = "认领者") =>
        await s.Home.Worker.SendAsync(HttpMethod.Post, "/api/v1/residents", new { name, idNumber = s.IdNumber, houseId = s.Home.HouseId });

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Register_NumberHeldInAnotherCommunity_OpensCaseSeenByBothSidesAndStreetOnly(Provider provider)
    {
        var s = await ArrangeAsync(await apps.For(provider), "持有者甲");

        var (status, problem, text) = await ClaimAsync(s);
        var again = await ClaimAsync(s, "认领者二");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("resident.duplicate-id-number", problem.GetProperty("code").GetString());
        var caseId = problem.GetProperty("caseId").GetInt64();
        Assert.Equal(caseId, again.Body.GetProperty("caseId").GetInt64());
        Assert.DoesNotContain("持有者甲", text);
        var url = $"/api/v1/residents/duplicates/{caseId}";
        var claimant = await s.Home.Worker.SendAsync(HttpMethod.Get, url);
        var holder = await s.Holder.GetJsonAsync(url);
        var street = await s.Street.GetJsonAsync(url);
        var third = await s.Third.SendAsync(HttpMethod.Get, url);

        Assert.Equal(HttpStatusCode.OK, claimant.Status);
        Assert.Equal("认领者二", claimant.Body.GetProperty("claimedName").GetString());
        Assert.Equal(2, claimant.Body.GetProperty("attempts").GetInt32());
        Assert.Equal(s.Home.Tree.Community2.Name, claimant.Body.GetProperty("holderUnit").GetString());
        Assert.Equal(JsonValueKind.Null, claimant.Body.GetProperty("residentId").ValueKind);
        Assert.DoesNotContain("持有者甲", claimant.Text);
        Assert.DoesNotContain("持有方备注", claimant.Text);
        Assert.DoesNotContain(Masking.IdNumber(s.IdNumber), claimant.Text);
        Assert.Equal(s.ResidentId, holder.GetProperty("residentId").GetInt64());
        Assert.Equal("持有者甲", holder.GetProperty("residentName").GetString());
        Assert.Equal("3幢1单元502室", holder.GetProperty("claimedAddress").GetString());
        Assert.Equal(s.Home.Tree.Grid.Name, holder.GetProperty("claimingUnit").GetString());
        Assert.True(street.GetProperty("holderSide").GetBoolean() && street.GetProperty("claimantSide").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, third.Status);
        var listed = await s.Street.GetJsonAsync("/api/v1/residents/duplicates");
        Assert.Single(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "case" && i.GetProperty("case").GetProperty("id").GetInt64() == caseId);
        var thirdList = await s.Third.GetJsonAsync("/api/v1/residents/duplicates");
        Assert.Equal(0, thirdList.GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_ByHolder_RecordWithTagsAndHistoryGoesToClaimedHouse(Provider provider)
    {
        var s = await ArrangeAsync(await apps.For(provider), "迁移者");
        var caseId = (await ClaimAsync(s)).Body.GetProperty("caseId").GetInt64();
        var url = $"/api/v1/residents/duplicates/{caseId}/move";

        var byClaimant = await s.Home.Worker.SendAsync(HttpMethod.Post, url, new { note = "我方无权" });
        var byThird = await s.Third.SendAsync(HttpMethod.Post, url, new { note = "外人" });
        var byOfficial = await s.Street.SendAsync(HttpMethod.Post, url, new { note = "只读角色" });
        var moved = await s.Holder.SendAsync(HttpMethod.Post, url, new { note = "已搬到甲社区" });
        var twice = await s.Holder.SendAsync(HttpMethod.Post, url, new { note = "再次" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, byClaimant.Status);
        Assert.Equal(HttpStatusCode.NotFound, byThird.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficial.Status);
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal("Moved", moved.Body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Holder.SendAsync(HttpMethod.Get, $"/api/v1/residents/{s.ResidentId}")).Status);
        var card = await s.Home.Worker.GetJsonAsync($"/api/v1/residents/{s.ResidentId}");
        Assert.Equal(s.Home.HouseId, card.GetProperty("resident").GetProperty("houseId").GetInt64());
        Assert.Equal(s.Home.Tree.Grid.Id, card.GetProperty("resident").GetProperty("orgUnitId").GetInt64());
        Assert.Contains(card.GetProperty("tags").EnumerateArray(), t => t.GetProperty("code").GetString() == "unemployed");
        var fields = card.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("field").GetString()).ToList();
        Assert.Contains("record", fields);
        Assert.Contains("duplicateCase", fields);
        var resolved = await s.Holder.GetJsonAsync($"/api/v1/residents/duplicates/{caseId}");   // resolved cases stay readable
        Assert.Equal("已搬到甲社区", resolved.GetProperty("resolutionNote").GetString());
        Assert.False(string.IsNullOrEmpty(resolved.GetProperty("resolvedBy").GetString()));
        var paths = await s.App.WithDbAsync(db => db.ResidentTags.Where(t => t.ResidentId == s.ResidentId).Select(t => t.OrgPath).Distinct().ToListAsync());
        Assert.Equal([s.Home.Tree.Grid.OrgPath], paths);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Dismiss_WithNote_ResolvesCaseForBothSides_WithoutNoteIs400(Provider provider)
    {
        var s = await ArrangeAsync(await apps.For(provider), "排除者");
        var caseId = (await ClaimAsync(s)).Body.GetProperty("caseId").GetInt64();
        var url = $"/api/v1/residents/duplicates/{caseId}/dismiss";

        var noNote = await s.Home.Worker.SendAsync(HttpMethod.Post, url, new { note = " " });
        var byThird = await s.Third.SendAsync(HttpMethod.Post, url, new { note = "外人" });
        var dismissed = await s.Home.Worker.SendAsync(HttpMethod.Post, url, new { note = "号码录入错误，已更正" });

        Assert.Equal(HttpStatusCode.BadRequest, noNote.Status);
        Assert.Single(noNote.Body.Errors("note"));
        Assert.Equal(HttpStatusCode.NotFound, byThird.Status);
        Assert.Equal(HttpStatusCode.OK, dismissed.Status);
        var holderView = await s.Holder.GetJsonAsync($"/api/v1/residents/duplicates/{caseId}");
        Assert.Equal("Dismissed", holderView.GetProperty("status").GetString());
        Assert.Equal("号码录入错误，已更正", holderView.GetProperty("resolutionNote").GetString());
        Assert.Equal(0, (await s.Holder.GetJsonAsync("/api/v1/residents/duplicates")).GetProperty("total").GetInt32());
        var resolvedList = await s.Holder.GetJsonAsync("/api/v1/residents/duplicates?resolved=true");
        Assert.Equal(caseId, resolvedList.GetProperty("items")[0].GetProperty("case").GetProperty("id").GetInt64());
        var rows = await s.App.WithDbAsync(db => db.DuplicateFlags.Where(f => f.Id == caseId || f.HolderFlagId == caseId)
            .Select(f => f.Id).ToListAsync());
        var rowIds = rows.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audited = await s.App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Resident.DuplicateDismiss" && rowIds.Contains(a.ObjectId!)));
        Assert.Equal(2, audited);   // both sides' rows
        var again = await ClaimAsync(s);   // a new attempt after the dismissal opens a new case
        Assert.NotEqual(caseId, again.Body.GetProperty("caseId").GetInt64());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_RowWithNumberOfAnotherCommunity_OpensCase(Provider provider)
    {
        var s = await ArrangeAsync(await apps.For(provider), "导入持有者");
        var csv = Encoding.UTF8.GetBytes($"{ImportResidentsTests.Header}\n导入认领者,{s.IdNumber},,,,,,,,3幢,1,502\n");

        var body = await ImportResidentsTests.ImportOkAsync(s.Home.Worker, csv, "dup.csv");

        Assert.Equal(1, body.GetProperty("failed").GetInt32());
        var message = body.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Contains("其他单位", message);
        var list = await s.Holder.GetJsonAsync("/api/v1/residents/duplicates");
        var c = Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("case");
        Assert.Equal("导入认领者", c.GetProperty("claimedName").GetString());
        Assert.Equal(s.ResidentId, c.GetProperty("residentId").GetInt64());
        Assert.Contains($"#{c.GetProperty("id").GetInt64()}", message);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_SameNameBirthAndGenderWhereOneLacksIdNumber_IsASuspectedPair(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var birth = new DateOnly(2001, 7, 7);
        var withId = (await home.AddResidentAsync("重名者", TestIds.New(birth))).Id();
        var without = (await home.Worker.CreateResidentAsync(new { name = "重名者", birthDate = "2001-07-07", gender = "Male", residenceType = "Overseas", houseId = home.HouseId })).Id();
        await home.Worker.CreateResidentAsync(new { name = "重名者", birthDate = "2001-07-08", gender = "Male", residenceType = "Overseas", houseId = home.HouseId });
        await home.AddResidentAsync("双号者", TestIds.New(birth));
        await home.AddResidentAsync("双号者", TestIds.New(birth));
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community3);

        var list = await home.Worker.GetJsonAsync("/api/v1/residents/duplicates?pageSize=10");
        var foreign = await outsider.GetJsonAsync("/api/v1/residents/duplicates");

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var pair = list.GetProperty("items")[0];
        Assert.Equal("pair", pair.GetProperty("kind").GetString());
        Assert.Equal((Math.Min(withId, without), Math.Max(withId, without)),
            (pair.GetProperty("pair").GetProperty("residentId").GetInt64(), pair.GetProperty("pair").GetProperty("otherId").GetInt64()));
        Assert.Equal(home.Tree.Grid.Name, pair.GetProperty("pair").GetProperty("unit").GetString());
        Assert.Equal(0, foreign.GetProperty("total").GetInt32());
    }
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Pages_FormRefusalLinksCase_HolderSeesCountAndDismissesWithForm(Provider provider)
    {
        var s = await ArrangeAsync(await apps.For(provider), "页面持有者");
        var fields = new Dictionary<string, string> { ["Input.Name"] = "页面认领者", ["Input.IdNumber"] = s.IdNumber };

        var refused = await s.Home.Worker.PostFormAsync($"/residents/new?houseId={s.Home.HouseId}", "resident", fields);
        var caseId = await s.App.WithDbAsync(db => db.DuplicateFlags.Where(f => f.ResidentId == s.ResidentId && f.HolderFlagId == null).Select(f => f.Id).SingleAsync());
        var list = await s.Holder.GetPageAsync("/residents/duplicates");
        var casePage = await s.Holder.GetPageAsync($"/residents/duplicates/{caseId}");
        var thirdPage = await s.Third.GetPageAsync($"/residents/duplicates/{caseId}");
        var noNote = await s.Holder.PostFormAsync($"/residents/duplicates/{caseId}", "dismiss", new Dictionary<string, string> { ["DismissInput.Note"] = "" });
        var dismissed = await s.Holder.PostFormAsync($"/residents/duplicates/{caseId}", "dismiss", new Dictionary<string, string> { ["DismissInput.Note"] = "页面排除" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"href=\"/residents/duplicates/{caseId}\"", refused.Html);
        Assert.Contains("页面认领者", refused.Html);   // what was typed is kept
        Assert.Contains($"/residents/duplicates/{caseId}", list.Html);
        Assert.Matches("data-testid=\"duplicates-count\">1<", list.Html);
        Assert.Contains("页面持有者", casePage.Html);
        Assert.Contains("3幢1单元502室", casePage.Html);
        Assert.Equal(HttpStatusCode.NotFound, thirdPage.Status);
        Assert.Contains("请填写排除的说明", noNote.Html);
        Assert.Equal(HttpStatusCode.Redirect, dismissed.Status);
        var view = await s.Home.Worker.GetJsonAsync($"/api/v1/residents/duplicates/{caseId}");
        Assert.Equal(("Dismissed", "页面排除"), (view.GetProperty("status").GetString(), view.GetProperty("resolutionNote").GetString()));
    }
}
