using System.Net;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Residents;

// 迁出, 市内迁移, 迁入, 死亡登记 through the API.
public sealed class LifeEventsTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MoveOut_Member_LeavesHouseAndHouseholdAndStaysAsHistory(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("迁出甲");

        var card = await home.Worker.PostOkAsync($"/api/v1/residents/{family.MemberId}/move-out", new { date = LifeEventsArrange.Past, destination = "上海市浦东新区", note = "工作调动" });

        Assert.Equal("MovedOut", card.Str("status"));
        Assert.True(card.IsNull("householdId"));
        Assert.True(card.IsNull("houseId"));
        Assert.True(card.HasRow("event:MoveOut", LifeEventsArrange.Past));
        Assert.True(card.HasRow("status", "MovedOut"));
        Assert.True(card.HasRow("householdId"));
        var ev = await app.WithDbAsync(db => db.ResidentEvents.SingleAsync(e => e.ResidentId == family.MemberId));
        Assert.Equal((LifeEventType.MoveOut, new DateOnly(2025, 6, 1), "3幢1单元502室", "上海市浦东新区", "工作调动"), (ev.Type, ev.Date, ev.From, ev.To, ev.Note));
        var household = await home.Worker.GetJsonAsync($"/api/v1/households/{family.HouseholdId}");
        Assert.DoesNotContain(household.GetProperty("members").EnumerateArray(), m => m.GetProperty("id").GetInt64() == family.MemberId);
        var active = await home.Worker.GetJsonAsync("/api/v1/residents?name=迁出甲配偶");
        var movedOut = await home.Worker.GetJsonAsync("/api/v1/residents?name=迁出甲配偶&status=MovedOut");
        Assert.Equal(0, active.GetProperty("total").GetInt32());
        Assert.Equal(family.MemberId, Assert.Single(movedOut.GetProperty("items").EnumerateArray()).Id());
        var audit = await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Resident.MoveOut" && a.ObjectId == family.MemberId.ToString()));
        Assert.True(audit > 0);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MoveOut_HeadWithMembers_409UntilNewHeadNamed(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var family = await home.CreateFamilyAsync("迁出乙");

        var refused = await home.Worker.PostAsync($"/api/v1/residents/{family.HeadId}/move-out", new { date = LifeEventsArrange.Past });
        var done = await home.Worker.PostOkAsync($"/api/v1/residents/{family.HeadId}/move-out", new { date = LifeEventsArrange.Past, newHeadResidentId = family.MemberId });

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("household.head-leaving", refused.Body.Code());
        Assert.Equal("MovedOut", done.Str("status"));
        var household = await home.Worker.GetJsonAsync($"/api/v1/households/{family.HouseholdId}");
        Assert.Equal(family.MemberId, household.GetProperty("headResidentId").GetInt64());
        var newHead = await home.Worker.GetJsonAsync($"/api/v1/residents/{family.MemberId}");
        Assert.Equal("Self", newHead.Str("relationship"));
        Assert.True(newHead.HasRow("event:HeadChange"));
        Assert.True(newHead.HasRow("relationship", "Self"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MoveOut_BadDatesOutsiderWrongRoleOrTwice_Refused(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var id = (await home.AddResidentAsync("迁出丙", TestIds.New(new DateOnly(1990, 1, 1)))).Id();
        var url = $"/api/v1/residents/{id}/move-out";

        var future = await home.Worker.PostAsync(url, new { date = LifeEventsArrange.Future });
        var beforeBirth = await home.Worker.PostAsync(url, new { date = "1989-12-31" });
        var missing = await home.Worker.PostAsync(url, new { note = "无日期" });
        var outsider = await (await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2)).PostAsync(url, new { date = LifeEventsArrange.Past });
        var official = await (await app.ClientAsync(Roles.Official, home.Tree.Street)).PostAsync(url, new { date = LifeEventsArrange.Past });
        await home.Worker.PostOkAsync(url, new { date = LifeEventsArrange.Past });
        var twice = await home.Worker.PostAsync(url, new { date = LifeEventsArrange.Past });

        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
        Assert.Single(future.Body.Errors("date"));
        Assert.Equal(HttpStatusCode.BadRequest, beforeBirth.Status);
        Assert.Single(beforeBirth.Body.Errors("date"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal(HttpStatusCode.Forbidden, official.Status);
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Equal("resident.not-active", twice.Body.Code());
    }

    // The test: moving a resident moves scope and keeps history.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_ToAnotherCommunity_MovesScopeWithHistoryAndTags(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var other = await app.CreateOtherHomeAsync(home);
        var id = (await home.AddResidentAsync("迁移甲", TestIds.New(new DateOnly(1980, 5, 5)), TestIds.Phone())).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{id}/tags", new { code = "unemployed", source = "走访" });
        await home.Worker.PostOkAsync($"/api/v1/residents/{id}/tags", new { code = "dibao", source = "民政局" });   // sensitive: follows unseen
        await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{id}", new { notes = "搬家前的备注" });
        var street = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Street);

        var card = await street.PostOkAsync($"/api/v1/residents/{id}/move", new { houseId = other.HouseId, date = LifeEventsArrange.Past, note = "购房" });

        Assert.Equal(other.Grid.Id, card.GetProperty("resident").GetProperty("orgUnitId").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await home.Worker.SendAsync(HttpMethod.Get, $"/api/v1/residents/{id}")).Status);
        Assert.Equal(0, (await home.Worker.GetJsonAsync("/api/v1/residents?name=迁移甲&status=All")).GetProperty("total").GetInt32());
        var seen = await other.Worker.GetJsonAsync($"/api/v1/residents/{id}");
        Assert.Equal(id, seen.Id());
        Assert.Equal("Active", seen.Str("status"));
        Assert.True(seen.HasRow("record"));                       // the history from before the move
        Assert.True(seen.HasRow("notes", "搬家前的备注"));
        Assert.True(seen.HasRow("tag:unemployed"));
        Assert.True(seen.HasRow("event:Move", LifeEventsArrange.Past));
        Assert.True(seen.HasRow("houseId", "7幢1单元301室"));
        var tags = seen.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        Assert.Contains("unemployed", tags);
        Assert.Contains("dibao", tags);
        var paths = await app.WithDbAsync(async db => (
            await db.ResidentTags.IgnoreQueryFilters().Where(t => t.ResidentId == id).Select(t => t.OrgPath).Distinct().ToListAsync(),
            await db.ResidentChanges.IgnoreQueryFilters().Where(c => c.ResidentId == id).Select(c => c.OrgPath).Distinct().ToListAsync(),
            await db.ResidentEvents.IgnoreQueryFilters().Where(e => e.ResidentId == id).Select(e => e.OrgPath).Distinct().ToListAsync()));
        Assert.Equal([other.Grid.OrgPath], paths.Item1);
        Assert.Equal([other.Grid.OrgPath], paths.Item2);
        Assert.Equal([other.Grid.OrgPath], paths.Item3);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_BadInputHiddenHouseWrongRoleOrSamePlace_Refused(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var other = await app.CreateOtherHomeAsync(home);
        var family = await home.CreateFamilyAsync("迁移乙");
        var url = $"/api/v1/residents/{family.MemberId}/move";

        var noHouse = await home.Worker.PostAsync(url, new { date = LifeEventsArrange.Past });
        var badRelationship = await home.Worker.PostAsync(url, new { houseId = home.HouseId, relationship = "远亲", date = LifeEventsArrange.Past });
        var hiddenHouse = await home.Worker.PostAsync(url, new { houseId = other.HouseId, date = LifeEventsArrange.Past });
        var outsider = await other.Worker.PostAsync(url, new { houseId = other.HouseId, date = LifeEventsArrange.Past });
        var official = await (await app.ClientAsync(Roles.Official, home.Tree.Street)).PostAsync(url, new { houseId = home.HouseId, date = LifeEventsArrange.Past });
        var samePlace = await home.Worker.PostAsync(url, new { houseId = home.HouseId, householdId = family.HouseholdId, relationship = "配偶", date = LifeEventsArrange.Past });
        var headLeaves = await home.Worker.PostAsync($"/api/v1/residents/{family.HeadId}/move", new { houseId = home.HouseId, date = LifeEventsArrange.Past });

        Assert.Equal(HttpStatusCode.BadRequest, noHouse.Status);
        Assert.Single(noHouse.Body.Errors("houseId"));
        Assert.Equal(HttpStatusCode.BadRequest, badRelationship.Status);
        Assert.Equal(HttpStatusCode.NotFound, hiddenHouse.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal(HttpStatusCode.Forbidden, official.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, samePlace.Status);
        Assert.Equal(HttpStatusCode.Conflict, headLeaves.Status);
        Assert.Equal("household.head-leaving", headLeaves.Body.Code());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_HeadIntoAnotherHousehold_NamesNewHeadAndWritesOneHouseholdRow(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("迁移丙");
        var house2 = await home.Worker.PostOkAsync("/api/v1/houses", new { buildingId = home.BuildingId, gridId = home.Tree.Grid.Id, unitNumber = 2, floor = 2, roomNumber = "202" });
        var otherHead = (await home.AddResidentAsync("迁移丙岳母", TestIds.New(new DateOnly(1950, 1, 1), male: false))).Id();
        var target = await home.Worker.PostOkAsync("/api/v1/households", new { houseId = house2.Id(), type = "Registered", headResidentId = otherHead });

        var card = await home.Worker.PostOkAsync($"/api/v1/residents/{family.HeadId}/move", new
        {
            houseId = house2.Id(), householdId = target.Id(), relationship = "儿媳/女婿", date = LifeEventsArrange.Past, newHeadResidentId = family.MemberId,
        });

        Assert.Equal(target.Id(), card.GetProperty("resident").GetProperty("householdId").GetInt64());
        Assert.Equal("ChildInLaw", card.Str("relationship"));
        // One row for the change of household (the other one is from joining the first household), none "left to nowhere".
        var rows = card.History().Where(h => h.GetProperty("field").GetString() == "householdId")
            .Select(h => (h.GetProperty("oldValue").GetString(), h.GetProperty("newValue").GetString())).ToList();
        Assert.Equal([("3幢1单元502室", "3幢2单元202室"), (null, "3幢1单元502室")], rows);
        var old = await home.Worker.GetJsonAsync($"/api/v1/households/{family.HouseholdId}");
        Assert.Equal(family.MemberId, old.GetProperty("headResidentId").GetInt64());
        Assert.Equal("Self", (await home.Worker.GetJsonAsync($"/api/v1/residents/{family.MemberId}")).Str("relationship"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MoveOutThenMoveInElsewhere_KeepsTheSameRecordAndHistory(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var other = await app.CreateOtherHomeAsync(home);
        var idNumber = TestIds.New(new DateOnly(1985, 8, 8));
        var id = (await home.AddResidentAsync("回迁甲", idNumber)).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{id}/move-out", new { date = "2025-01-10", destination = "乙社区" });

        var (status, card, _) = await other.Worker.PostAsync("/api/v1/residents/move-in",
            new { idNumber, houseId = other.HouseId, date = "2025-01-12", from = "甲社区", name = "别的名字" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, card.Id());
        Assert.Equal("回迁甲", card.GetProperty("resident").GetProperty("name").GetString());   // the record, not the form
        Assert.Equal("Active", card.Str("status"));
        Assert.True(card.HasRow("event:MoveOut", "2025-01-10"));
        Assert.True(card.HasRow("event:MoveIn", "2025-01-12"));
        Assert.True(card.HasRow("record"));
        Assert.Equal(HttpStatusCode.NotFound, (await home.Worker.SendAsync(HttpMethod.Get, $"/api/v1/residents/{id}")).Status);
        var count = await app.WithDbAsync(db => db.Residents.IgnoreQueryFilters().CountAsync(r => r.Name == "回迁甲" || r.Name == "别的名字"));
        Assert.Equal(1, count);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MoveIn_UnknownPerson_CreatesRecordWithEvent(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("迁入甲");

        var (status, card, text) = await home.Worker.PostAsync("/api/v1/residents/move-in", new
        {
            idNumber = TestIds.New(new DateOnly(1998, 9, 9), male: false), name = "迁入甲女儿", houseId = home.HouseId,
            householdId = family.HouseholdId, relationship = "子女", date = LifeEventsArrange.Past, from = "杭州市西湖区", ethnicity = "汉族",
        });

        Assert.True(status == HttpStatusCode.Created, text);
        Assert.Equal(family.HouseholdId, card.GetProperty("resident").GetProperty("householdId").GetInt64());
        Assert.Equal("Child", card.Str("relationship"));
        Assert.True(card.HasRow("event:MoveIn", LifeEventsArrange.Past));
        var ev = await app.WithDbAsync(db => db.ResidentEvents.SingleAsync(e => e.ResidentId == card.Id()));
        Assert.Equal(("杭州市西湖区", "3幢1单元502室"), (ev.From, ev.To));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MoveIn_ActiveElsewhereOrHereBadInputHiddenHouseWrongRole_Refused(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var other = await app.CreateOtherHomeAsync(home);
        var elsewhere = TestIds.New(new DateOnly(1975, 7, 7));
        await home.AddResidentAsync("别处在册", elsewhere);
        var url = "/api/v1/residents/move-in";

        var registeredElsewhere = await other.Worker.PostAsync(url, new { idNumber = elsewhere, houseId = other.HouseId, date = LifeEventsArrange.Past });
        var registeredHere = await home.Worker.PostAsync(url, new { idNumber = elsewhere, houseId = home.HouseId, date = LifeEventsArrange.Past });
        var badInput = await home.Worker.PostAsync(url, new { idNumber = "110101199001011234", date = LifeEventsArrange.Future });
        var newWithoutName = await home.Worker.PostAsync(url, new { idNumber = TestIds.New(new DateOnly(1991, 1, 1)), houseId = home.HouseId, date = LifeEventsArrange.Past });
        var hiddenHouse = await home.Worker.PostAsync(url, new { idNumber = TestIds.New(new DateOnly(1992, 1, 1)), name = "某人", houseId = other.HouseId, date = LifeEventsArrange.Past });
        var official = await (await app.ClientAsync(Roles.Official, home.Tree.Street)).PostAsync(url, new { houseId = home.HouseId, date = LifeEventsArrange.Past });

        Assert.Equal(HttpStatusCode.Conflict, registeredElsewhere.Status);
        Assert.Equal("resident.registered-elsewhere", registeredElsewhere.Body.Code());
        Assert.DoesNotContain("别处在册", registeredElsewhere.Text);
        Assert.DoesNotContain(home.Tree.Community.Name, registeredElsewhere.Text);
        Assert.Equal(HttpStatusCode.Conflict, registeredHere.Status);
        Assert.Equal("resident.already-registered", registeredHere.Body.Code());
        Assert.Equal(HttpStatusCode.BadRequest, badInput.Status);
        Assert.Single(badInput.Body.Errors("idNumber"));
        Assert.Single(badInput.Body.Errors("houseId"));
        Assert.Single(badInput.Body.Errors("date"));
        Assert.Equal(HttpStatusCode.BadRequest, newWithoutName.Status);
        Assert.NotEmpty(newWithoutName.Body.Errors("name"));
        Assert.Equal(HttpStatusCode.NotFound, hiddenHouse.Status);
        Assert.Equal(HttpStatusCode.Forbidden, official.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Death_Elder_LeavesHouseholdAndStopsCounting(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("死亡甲");
        var elder = (await home.AddResidentAsync("死亡甲父", TestIds.New(new DateOnly(1940, 2, 2)), householdId: family.HouseholdId, relationship: "父母")).Id();
        var before = await home.Worker.GetJsonAsync($"/api/v1/stats/population?orgUnitId={home.Tree.Community.Id}");

        var card = await home.Worker.PostOkAsync($"/api/v1/residents/{elder}/death", new { date = LifeEventsArrange.Past, note = "病故" });

        Assert.Equal("Deceased", card.Str("status"));
        Assert.True(card.IsNull("householdId"));
        Assert.True(card.HasRow("event:Death", LifeEventsArrange.Past));
        Assert.True(card.HasRow("status", "Deceased"));
        Assert.DoesNotContain(card.GetProperty("tags").EnumerateArray(), t => t.GetProperty("code").GetString() == "elderly-60");
        var after = await home.Worker.GetJsonAsync($"/api/v1/stats/population?orgUnitId={home.Tree.Community.Id}");
        Assert.Equal(before.GetProperty("population").GetInt32() - 1, after.GetProperty("population").GetInt32());
        int Elderly(System.Text.Json.JsonElement s) => s.GetProperty("keyPopulations").EnumerateArray()
            .Single(k => k.GetProperty("code").GetString() == "elderly-80").GetProperty("count").GetInt32();
        Assert.Equal(Elderly(before) - 1, Elderly(after));
        var household = await home.Worker.GetJsonAsync($"/api/v1/households/{family.HouseholdId}");
        Assert.Equal(2, household.GetProperty("members").GetArrayLength());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Death_BadDateHeadOutsiderOrWrongRole_Refused(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("死亡乙");
        var url = $"/api/v1/residents/{family.MemberId}/death";

        var beforeBirth = await home.Worker.PostAsync(url, new { date = "1960-01-01" });
        var head = await home.Worker.PostAsync($"/api/v1/residents/{family.HeadId}/death", new { date = LifeEventsArrange.Past });
        var outsider = await (await app.ClientAsync(Roles.GridWorker, home.Tree.Community3)).PostAsync(url, new { date = LifeEventsArrange.Past });
        var official = await (await app.ClientAsync(Roles.Official, home.Tree.Community)).PostAsync(url, new { date = LifeEventsArrange.Past });

        Assert.Equal(HttpStatusCode.BadRequest, beforeBirth.Status);
        Assert.Single(beforeBirth.Body.Errors("date"));
        Assert.Equal(HttpStatusCode.Conflict, head.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal(HttpStatusCode.Forbidden, official.Status);
    }
}
