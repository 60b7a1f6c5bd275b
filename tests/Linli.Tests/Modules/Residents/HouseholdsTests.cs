using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Residents;

public sealed class HouseholdsTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateHousehold_WithHead_HeadJoinsAsSelfWithHistory(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var head = await home.AddResidentAsync("唐父", TestIds.New(new DateOnly(1945, 1, 1)));

        var (status, body, _) = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/households", new { houseId = home.HouseId, type = "流动户", headResidentId = head.Id() });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Floating", body.GetProperty("type").GetString());
        Assert.Equal("唐父", body.GetProperty("headName").GetString());
        Assert.Equal(home.Tree.Grid.Id, body.GetProperty("orgUnitId").GetInt64());
        var card = await home.Worker.GetJsonAsync($"/api/v1/residents/{head.Id()}");
        Assert.Equal("Self", card.GetProperty("resident").GetProperty("relationship").GetString());
        Assert.Contains(card.GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "householdId"
            && h.GetProperty("newValue").GetString() == "3幢1单元502室");
        var list = await home.Worker.GetJsonAsync($"/api/v1/households?houseId={home.HouseId}");
        Assert.Equal(1, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("members").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateHousehold_BadTypeOutsiderOrHeadInOtherHousehold_Refused(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var head = await home.AddResidentAsync("唐母", TestIds.New(new DateOnly(1946, 1, 1), male: false));
        await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered", headResidentId = head.Id() });
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);

        var badType = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/households", new { houseId = home.HouseId, type = "大户" });
        var twice = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/households", new { houseId = home.HouseId, type = "Registered", headResidentId = head.Id() });
        var foreign = await outsider.SendAsync(HttpMethod.Post, "/api/v1/households", new { houseId = home.HouseId, type = "Registered" });
        var grid = await (await app.ClientAsync(Roles.Official, home.Tree.Street)).SendAsync(HttpMethod.Post, "/api/v1/households", new { houseId = home.HouseId, type = "Registered" });

        Assert.Equal(HttpStatusCode.BadRequest, badType.Status);
        Assert.Single(badType.Body.Errors("type"));
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal(HttpStatusCode.Forbidden, grid.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task UpdateAndDeleteHousehold_RulesHold(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var gridWorker = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);
        var household = await gridWorker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered" });
        var member = await home.AddResidentAsync("邓子", TestIds.New(new DateOnly(1985, 1, 1)), householdId: household.Id(), relationship: "子女");
        var stranger = await home.AddResidentAsync("邓邻", TestIds.New(new DateOnly(1986, 1, 1)));

        var notMember = await gridWorker.SendAsync(HttpMethod.Patch, $"/api/v1/households/{household.Id()}", new { headResidentId = stranger.Id() });
        var head = await gridWorker.SendAsync(HttpMethod.Patch, $"/api/v1/households/{household.Id()}", new { headResidentId = member.Id(), type = "集体户" });
        var delete = await gridWorker.SendAsync(HttpMethod.Delete, $"/api/v1/households/{household.Id()}");
        var emptyOne = await gridWorker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered" });
        var deleteEmpty = await gridWorker.SendAsync(HttpMethod.Delete, $"/api/v1/households/{emptyOne.Id()}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notMember.Status);
        Assert.Equal(HttpStatusCode.OK, head.Status);
        Assert.Equal(member.Id(), head.Body.GetProperty("headResidentId").GetInt64());
        Assert.Equal("Collective", head.Body.GetProperty("type").GetString());
        Assert.Equal("Self", head.Body.GetProperty("members")[0].GetProperty("relationship").GetString());
        Assert.Equal(HttpStatusCode.Conflict, delete.Status);
        Assert.Equal(HttpStatusCode.NoContent, deleteEmpty.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateResident_AsSelfInHeadlessHousehold_BecomesHead(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var household = await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered" });

        var head = await home.AddResidentAsync("宋户主", TestIds.New(new DateOnly(1955, 2, 2)), householdId: household.Id(), relationship: "本人");
        var second = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/residents", new { name = "宋二", idNumber = TestIds.New(new DateOnly(1956, 2, 2)),
            householdId = household.Id(), relationship = "Self" });
        var noRelationship = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/residents", new { name = "宋三", idNumber = TestIds.New(new DateOnly(1957, 2, 2)),
            householdId = household.Id() });

        Assert.Equal(head.Id(), head.GetProperty("household").GetProperty("headResidentId").GetInt64());
        Assert.Equal(home.HouseId, head.GetProperty("house").GetProperty("id").GetInt64());   // lives at the household's house
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noRelationship.Status);
        Assert.Single(noRelationship.Body.Errors("relationship"));
    }
}
