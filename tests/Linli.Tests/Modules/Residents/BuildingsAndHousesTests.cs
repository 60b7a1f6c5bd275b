using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Residents;

public sealed class BuildingsAndHousesTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateBuilding_InOwnCommunity_Returns201AndListsIt(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var (status, body, _) = await worker.SendAsync(HttpMethod.Post, "/api/v1/buildings",
            new { communityId = tree.Community.Id, name = "7幢", address = "解放路 1 号", floors = 18, unitCount = 3 });
        var list = await worker.GetJsonAsync($"/api/v1/buildings?communityId={tree.Community.Id}");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(18, body.GetProperty("floors").GetInt32());
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("7幢", row.GetProperty("name").GetString());
        Assert.Equal(tree.Community.Name, row.GetProperty("communityName").GetString());
        var path = await app.WithDbAsync(db => db.Buildings.Where(b => b.Id == body.Id()).Select(b => b.OrgPath).SingleAsync());
        Assert.Equal(tree.Community.OrgPath, path);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateBuilding_BadInputDuplicateNameGridOrOutsider_Refused(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var tree = home.Tree;

        var invalid = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/buildings", new { communityId = tree.Community.Id, name = "", floors = 0, unitCount = 1 });
        var duplicate = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/buildings", new { communityId = tree.Community.Id, name = "3幢", floors = 6, unitCount = 1 });
        var inGrid = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/buildings", new { communityId = tree.Grid.Id, name = "9幢", floors = 6, unitCount = 1 });
        var outside = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/buildings", new { communityId = tree.Community2.Id, name = "9幢", floors = 6, unitCount = 1 });
        var official = await (await app.ClientAsync(Roles.Official, tree.Street)).SendAsync(HttpMethod.Post, "/api/v1/buildings",
            new { communityId = tree.Community.Id, name = "9幢", floors = 6, unitCount = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Single(invalid.Body.Errors("name"));
        Assert.Single(invalid.Body.Errors("floors"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, inGrid.Status);
        Assert.Equal(HttpStatusCode.NotFound, outside.Status);
        Assert.Equal(HttpStatusCode.Forbidden, official.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task UpdateAndDeleteBuilding_RulesHold(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();

        var shrink = await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/buildings/{home.BuildingId}", new { floors = 3 });   // a house is on floor 5
        var rename = await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/buildings/{home.BuildingId}", new { name = "三幢", address = "" });
        var delete = await home.Worker.SendAsync(HttpMethod.Delete, $"/api/v1/buildings/{home.BuildingId}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, shrink.Status);
        Assert.Equal(HttpStatusCode.OK, rename.Status);
        Assert.Equal("三幢", rename.Body.GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rename.Body.GetProperty("address").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, delete.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateHouse_RulesOfGridUnitFloorAndNumber(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var otherCommunityWorker = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);
        object House(long gridId, int unit, int floor, string room) => new { buildingId = home.BuildingId, gridId, unitNumber = unit, floor, roomNumber = room };

        var ok = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/houses", House(home.Tree.Grid.Id, 2, 6, "601"));
        var same = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/houses", House(home.Tree.Grid.Id, 1, 5, "502"));
        var unit = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/houses", House(home.Tree.Grid.Id, 3, 1, "101"));
        var floor = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/houses", House(home.Tree.Grid.Id, 1, 7, "701"));
        var notGrid = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/houses", House(home.Tree.Community.Id, 1, 1, "101"));
        var missing = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/houses", new { buildingId = home.BuildingId, gridId = home.Tree.Grid.Id });
        var outsider = await otherCommunityWorker.SendAsync(HttpMethod.Post, "/api/v1/houses", House(home.Tree.Grid.Id, 1, 1, "101"));

        Assert.Equal(HttpStatusCode.Created, ok.Status);
        Assert.Equal("3幢2单元601室", ok.Body.GetProperty("address").GetString());
        Assert.Equal(HttpStatusCode.Conflict, same.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unit.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, floor.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notGrid.Status);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Single(missing.Body.Errors("roomNumber"));
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task UpdateHouse_ToAnotherGrid_MovesHouseholdsAndResidents(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = await home.AddResidentAsync("乔一", TestIds.New(new DateOnly(1955, 5, 5)));
        var household = await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered", headResidentId = resident.Id() });
        var grid2 = await app.CreateGridAsync(home.Tree.Community);
        var gridWorker = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);

        var moved = await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/houses/{home.HouseId}", new { gridId = grid2.Id, vacant = false });

        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal(grid2.Id, moved.Body.GetProperty("gridId").GetInt64());
        var card = await home.Worker.GetJsonAsync($"/api/v1/residents/{resident.Id()}");
        Assert.Equal(grid2.Id, card.GetProperty("resident").GetProperty("orgUnitId").GetInt64());
        Assert.Equal(grid2.Id, card.GetProperty("household").GetProperty("orgUnitId").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/v1/residents/{resident.Id()}", RegistryArrange.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/v1/households/{household.Id()}", RegistryArrange.Ct)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "House.MoveGrid" && a.ObjectId == home.HouseId.ToString())));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DeleteHouse_WithResident_Returns409_EmptyOne204(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        await home.AddResidentAsync("乔二", TestIds.New(new DateOnly(1956, 5, 5)));
        var empty = await home.Worker.PostOkAsync("/api/v1/houses", new { buildingId = home.BuildingId, gridId = home.Tree.Grid.Id, unitNumber = 2, floor = 1, roomNumber = "101" });

        Assert.Equal(HttpStatusCode.Conflict, (await home.Worker.SendAsync(HttpMethod.Delete, $"/api/v1/houses/{home.HouseId}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await home.Worker.SendAsync(HttpMethod.Delete, $"/api/v1/houses/{empty.Id()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await home.Worker.SendAsync(HttpMethod.Get, $"/api/v1/houses/{empty.Id()}")).Status);
    }
}
