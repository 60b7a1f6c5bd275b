using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Residents;

// 出生登记, 分户, 变更户主 through the API.
public sealed class HouseholdEventsTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Birth_InHousehold_NewActiveChildAtTheHouse(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("出生甲");

        var (status, card, text) = await home.Worker.PostAsync($"/api/v1/households/{family.HouseholdId}/births",
            new { name = "出生甲宝宝", gender = "女", birthDate = LifeEventsArrange.Past, ethnicity = "汉族" });

        Assert.True(status == HttpStatusCode.Created, text);
        Assert.Equal("Active", card.Str("status"));
        Assert.Equal("Child", card.Str("relationship"));
        Assert.Equal("Female", card.Str("gender"));
        Assert.Equal(family.HouseholdId, card.GetProperty("resident").GetProperty("householdId").GetInt64());
        Assert.Equal(home.HouseId, card.GetProperty("resident").GetProperty("houseId").GetInt64());
        Assert.Equal(home.Tree.Grid.Id, card.GetProperty("resident").GetProperty("orgUnitId").GetInt64());
        Assert.True(card.HasRow("event:Birth", LifeEventsArrange.Past));
        var household = await home.Worker.GetJsonAsync($"/api/v1/households/{family.HouseholdId}");
        Assert.Equal(3, household.GetProperty("members").GetArrayLength());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Birth_BadInputSecondHeadOutsiderOrWrongRole_Refused(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("出生乙");
        var url = $"/api/v1/households/{family.HouseholdId}/births";

        var future = await home.Worker.PostAsync(url, new { name = "未来", gender = "Male", birthDate = LifeEventsArrange.Future });
        var noName = await home.Worker.PostAsync(url, new { gender = "Male", birthDate = LifeEventsArrange.Past, idNumber = TestIds.New(new DateOnly(2024, 1, 1)) });
        var secondHead = await home.Worker.PostAsync(url, new { name = "二户主", gender = "Male", birthDate = LifeEventsArrange.Past, relationship = "本人" });
        var outsider = await (await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2)).PostAsync(url, new { name = "外人", gender = "Male", birthDate = LifeEventsArrange.Past });
        var official = await (await app.ClientAsync(Roles.Official, home.Tree.Community)).PostAsync(url, new { name = "官员", gender = "Male", birthDate = LifeEventsArrange.Past });

        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
        Assert.Single(future.Body.Errors("birthDate"));
        Assert.Equal(HttpStatusCode.BadRequest, noName.Status);
        Assert.Single(noName.Body.Errors("name"));
        Assert.Single(noName.Body.Errors("idNumber"));   // born 2024-01-01, not 2025-06-01
        Assert.Equal(HttpStatusCode.Conflict, secondHead.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal(HttpStatusCode.Forbidden, official.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ChangeHead_Member_BecomesSelfAndFormerHeadTakesRelationship(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("户主甲");

        var view = await home.Worker.PostOkAsync($"/api/v1/households/{family.HouseholdId}/head", new { residentId = family.MemberId, formerHeadRelationship = "配偶" });

        Assert.Equal(family.MemberId, view.GetProperty("headResidentId").GetInt64());
        var newHead = await home.Worker.GetJsonAsync($"/api/v1/residents/{family.MemberId}");
        var former = await home.Worker.GetJsonAsync($"/api/v1/residents/{family.HeadId}");
        Assert.Equal("Self", newHead.Str("relationship"));
        Assert.Equal("Spouse", former.Str("relationship"));
        Assert.True(newHead.HasRow("relationship", "Self"));
        Assert.True(newHead.HasRow("event:HeadChange"));
        Assert.True(former.HasRow("relationship", "Spouse"));
        Assert.True(former.HasRow("event:HeadChange"));
        var audit = await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Household.ChangeHead"));
        Assert.True(audit > 0);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ChangeHead_MissingRelationshipStrangerOutsiderOrWrongRole_Refused(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("户主乙");
        var stranger = (await home.AddResidentAsync("户主乙邻居", TestIds.New(new DateOnly(1966, 6, 6)))).Id();
        var url = $"/api/v1/households/{family.HouseholdId}/head";

        var missing = await home.Worker.PostAsync(url, new { residentId = family.MemberId });
        var self = await home.Worker.PostAsync(url, new { residentId = family.MemberId, formerHeadRelationship = "本人" });
        var notMember = await home.Worker.PostAsync(url, new { residentId = stranger, formerHeadRelationship = "其他" });
        var already = await home.Worker.PostAsync(url, new { residentId = family.HeadId, formerHeadRelationship = "其他" });
        var outsider = await (await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2)).PostAsync(url, new { residentId = family.MemberId, formerHeadRelationship = "配偶" });
        var official = await (await app.ClientAsync(Roles.Official, home.Tree.Community)).PostAsync(url, new { residentId = family.MemberId, formerHeadRelationship = "配偶" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Single(missing.Body.Errors("formerHeadRelationship"));
        Assert.Equal(HttpStatusCode.BadRequest, self.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notMember.Status);
        Assert.Equal(HttpStatusCode.Conflict, already.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal(HttpStatusCode.Forbidden, official.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Split_Members_FormNewHouseholdAndOldKeepsHead(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("分户甲");
        var son = (await home.AddResidentAsync("分户甲儿子", TestIds.New(new DateOnly(1995, 1, 1)), householdId: family.HouseholdId, relationship: "子女")).Id();
        var wife = (await home.AddResidentAsync("分户甲儿媳", TestIds.New(new DateOnly(1996, 1, 1), male: false), householdId: family.HouseholdId, relationship: "儿媳/女婿")).Id();

        var (status, view, text) = await home.Worker.PostAsync($"/api/v1/households/{family.HouseholdId}/split",
            new { memberIds = new[] { son, wife }, headResidentId = son, type = "户籍户", relationships = new Dictionary<string, string> { [wife.ToString()] = "配偶" } });

        Assert.True(status == HttpStatusCode.Created, text);
        var newId = view.Id();
        Assert.NotEqual(family.HouseholdId, newId);
        Assert.Equal(son, view.GetProperty("headResidentId").GetInt64());
        Assert.Equal(home.HouseId, view.GetProperty("houseId").GetInt64());
        Assert.Equal(2, view.GetProperty("members").GetArrayLength());
        var old = await home.Worker.GetJsonAsync($"/api/v1/households/{family.HouseholdId}");
        Assert.Equal(family.HeadId, old.GetProperty("headResidentId").GetInt64());
        Assert.Equal(2, old.GetProperty("members").GetArrayLength());
        var sonCard = await home.Worker.GetJsonAsync($"/api/v1/residents/{son}");
        var wifeCard = await home.Worker.GetJsonAsync($"/api/v1/residents/{wife}");
        Assert.Equal("Self", sonCard.Str("relationship"));
        Assert.Equal("Spouse", wifeCard.Str("relationship"));
        Assert.True(sonCard.HasRow("event:Split"));
        Assert.True(wifeCard.HasRow("relationship", "Spouse"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Split_HeadAloneBadInputOutsiderOrWrongRole_Refused(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("分户乙");
        var url = $"/api/v1/households/{family.HouseholdId}/split";

        var head = await home.Worker.PostAsync(url, new { memberIds = new[] { family.HeadId }, headResidentId = family.HeadId, type = "Registered" });
        var empty = await home.Worker.PostAsync(url, new { memberIds = Array.Empty<long>(), type = "大户" });
        var headNotLeaving = await home.Worker.PostAsync(url, new { memberIds = new[] { family.MemberId }, headResidentId = family.HeadId, type = "Registered" });
        var outsider = await (await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2)).PostAsync(url, new { memberIds = new[] { family.MemberId }, headResidentId = family.MemberId, type = "Registered" });
        var official = await (await app.ClientAsync(Roles.Official, home.Tree.Community)).PostAsync(url, new { memberIds = new[] { family.MemberId }, headResidentId = family.MemberId, type = "Registered" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, head.Status);
        Assert.Equal("household.head-split", head.Body.Code());
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Single(empty.Body.Errors("memberIds"));
        Assert.NotEmpty(empty.Body.Errors("type"));
        Assert.Equal(HttpStatusCode.BadRequest, headNotLeaving.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal(HttpStatusCode.Forbidden, official.Status);
    }
}
