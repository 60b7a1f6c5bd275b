using System.Net;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Residents;

// The life-event forms posted the way a browser posts them.
public sealed class LifeEventPagesTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CardPage_MoveOutForm_FutureDateKeepsInput_ValidOneRecordsAndRedirects(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var id = (await home.AddResidentAsync("页面迁出", TestIds.New(new DateOnly(1981, 1, 1)))).Id();
        var url = $"/residents/{id}";

        var card = await home.Worker.GetPageAsync(url);
        var bad = await home.Worker.PostFormAsync(url, "move-out", new Dictionary<string, string> { ["MoveOut.Date"] = LifeEventsArrange.Future, ["MoveOut.Destination"] = "宁波市鄞州区" });
        var good = await home.Worker.PostFormAsync(url, "move-out", new Dictionary<string, string> { ["MoveOut.Date"] = LifeEventsArrange.Past, ["MoveOut.Destination"] = "宁波市鄞州区" });
        var after = await home.Worker.GetPageAsync(url);

        Assert.Contains("户籍变动", card.Html);
        Assert.Contains("市内迁移", card.Html);
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("日期不能晚于今天", bad.Html);
        Assert.Contains("宁波市鄞州区", bad.Html);          // what was typed is kept
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
        Assert.EndsWith(url, good.Response.Headers.Location?.ToString());
        var status = await app.WithDbAsync(db => db.Residents.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
        Assert.Equal(ResidentStatus.MovedOut, status);
        Assert.Contains("宁波市鄞州区", after.Html);        // the event list on the card
        Assert.DoesNotContain("登记迁出", after.Html);      // no more move-out for someone gone
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task HouseholdPage_SplitAndBirthForms_Work(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var family = await home.CreateFamilyAsync("页面分户");
        var son = (await home.AddResidentAsync("页面分户儿子", TestIds.New(new DateOnly(1994, 2, 2)), householdId: family.HouseholdId, relationship: "子女")).Id();
        var url = $"/households/{family.HouseholdId}";

        var headAlone = await home.Worker.PostFormAsync(url, "split", new Dictionary<string, string> { [$"Split.Members[{family.HeadId}]"] = "head" });
        var split = await home.Worker.PostFormAsync(url, "split", new Dictionary<string, string> { [$"Split.Members[{son}]"] = "head" });
        var birth = await home.Worker.PostFormAsync(url, "birth", new Dictionary<string, string>
            { ["Birth.Name"] = "页面宝宝", ["Birth.Gender"] = "Male", ["Birth.BirthDate"] = LifeEventsArrange.Past });

        Assert.Equal(HttpStatusCode.OK, headAlone.Status);
        Assert.Contains("原户主不能分出", headAlone.Html);
        Assert.Equal(HttpStatusCode.Redirect, split.Status);
        var sonHousehold = await app.WithDbAsync(db => db.Residents.Where(r => r.Id == son).Select(r => r.HouseholdId).SingleAsync());
        Assert.NotEqual(family.HouseholdId, sonHousehold);
        Assert.EndsWith($"/households/{sonHousehold}", split.Response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, birth.Status);
        var baby = await app.WithDbAsync(db => db.Residents.Where(r => r.Name == "页面宝宝").Select(r => new { r.HouseholdId, r.Relationship }).SingleAsync());
        Assert.Equal((family.HouseholdId, Relationship.Child), (baby.HouseholdId!.Value, baby.Relationship!.Value));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MoveInAndMovePages_ReturnTheSameRecordThenMoveIt(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var other = await app.CreateOtherHomeAsync(home);
        var idNumber = TestIds.New(new DateOnly(1983, 3, 3));
        var id = (await other.Worker.PostOkAsync("/api/v1/residents", new { name = "页面回迁", idNumber, houseId = other.HouseId })).Id();
        await other.Worker.PostOkAsync($"/api/v1/residents/{id}/move-out", new { date = "2025-02-01" });
        var list = await home.Worker.GetPageAsync("/residents");

        var moveIn = await home.Worker.PostFormAsync($"/residents/move-in?buildingId={home.BuildingId}", "move-in", new Dictionary<string, string>
            { ["Input.IdNumber"] = idNumber, ["Input.HouseId"] = home.HouseId.ToString(), ["Input.Date"] = "2025-02-03", ["Input.From"] = "乙社区" });
        var house2 = await home.Worker.PostOkAsync("/api/v1/houses", new { buildingId = home.BuildingId, gridId = home.Tree.Grid.Id, unitNumber = 2, floor = 1, roomNumber = "101" });
        var move = await home.Worker.PostFormAsync($"/residents/{id}/move?buildingId={home.BuildingId}", "move", new Dictionary<string, string>
            { ["Input.HouseId"] = house2.Id().ToString(), ["Input.Date"] = "2025-03-01" });

        Assert.Contains("/residents/move-in", list.Html);
        Assert.Equal(HttpStatusCode.Redirect, moveIn.Status);
        Assert.EndsWith($"/residents/{id}", moveIn.Response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, move.Status);
        var r = await app.WithDbAsync(db => db.Residents.SingleAsync(x => x.Id == id));
        Assert.Equal((ResidentStatus.Active, house2.Id(), home.Tree.Grid.Id), (r.Status, r.HouseId!.Value, r.OrgUnitId));
        var types = await app.WithDbAsync(db => db.ResidentEvents.Where(e => e.ResidentId == id).OrderBy(e => e.Date).Select(e => e.Type).ToListAsync());
        Assert.Equal([LifeEventType.MoveOut, LifeEventType.MoveIn, LifeEventType.Move], types);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task LifeEventPages_OutsiderGets404_OfficialIsTurnedAway(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var id = (await home.AddResidentAsync("页面外人", TestIds.New(new DateOnly(1982, 2, 2)))).Id();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);
        var official = await app.ClientAsync(Roles.Official, home.Tree.Community);

        var foreign = await outsider.GetPageAsync($"/residents/{id}/move");
        var denied = await official.GetPageAsync("/residents/move-in");
        var card = await official.GetPageAsync($"/residents/{id}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.DoesNotContain("页面外人", foreign.Html);
        Assert.NotEqual(HttpStatusCode.OK, denied.Status);
        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.DoesNotContain("登记迁出", card.Html);       // readers see the events, not the actions
    }
}
