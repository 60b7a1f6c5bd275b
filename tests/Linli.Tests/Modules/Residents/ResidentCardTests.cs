using System.Net;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Residents;

public sealed class ResidentCardTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Get_MemberOfHousehold_ShowsHouseholdHouseAndMaskedNumbers(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var headId = TestIds.New(new DateOnly(1960, 1, 1));
        var head = await home.AddResidentAsync("陈父", headId);
        var household = await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "户籍户", headResidentId = head.Id() });
        var childId = TestIds.New(new DateOnly(1990, 2, 2), male: false);
        var child = await home.AddResidentAsync("陈女", childId, householdId: household.Id(), relationship: "子女");

        var (status, card, text) = await home.Worker.SendAsync(HttpMethod.Get, $"/api/v1/residents/{child.Id()}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(childId, text);
        Assert.DoesNotContain(headId, text);
        Assert.Equal(Masking.IdNumber(childId), card.GetProperty("resident").GetProperty("idNumber").GetString());
        Assert.Equal("Child", card.GetProperty("resident").GetProperty("relationship").GetString());
        var hh = card.GetProperty("household");
        Assert.Equal(head.Id(), hh.GetProperty("headResidentId").GetInt64());
        Assert.Equal("陈父", hh.GetProperty("headName").GetString());
        Assert.Equal(["陈父", "陈女"], hh.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(home.HouseId, card.GetProperty("house").GetProperty("id").GetInt64());
        Assert.Equal("502", card.GetProperty("house").GetProperty("roomNumber").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Get_WorkerOfAnotherCommunity_Returns404OnResidentHouseholdAndHouse(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = await home.AddResidentAsync("林一", TestIds.New(new DateOnly(1988, 8, 8)));
        var household = await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered", headResidentId = resident.Id() });
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);
        var otherStreet = await app.ClientAsync(Roles.Official, home.Tree.Street2);

        foreach (var client in new[] { outsider, otherStreet })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/residents/{resident.Id()}", RegistryArrange.Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/households/{household.Id()}", RegistryArrange.Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/houses/{home.HouseId}", RegistryArrange.Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/buildings/{home.BuildingId}", RegistryArrange.Ct)).StatusCode);
            Assert.Equal(0, (await client.GetJsonAsync($"/api/v1/households?houseId={home.HouseId}")).GetProperty("total").GetInt32());
            Assert.Equal(0, (await client.GetJsonAsync($"/api/v1/houses?buildingId={home.BuildingId}")).GetProperty("total").GetInt32());
        }
        // The street official above both communities sees it.
        var official = await app.ClientAsync(Roles.Official, home.Tree.Street);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync($"/api/v1/residents/{resident.Id()}", RegistryArrange.Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Get_GridWorker_SeesResidentAndHouseWithBuildingName(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = await home.AddResidentAsync("黄二", TestIds.New(new DateOnly(1999, 9, 9)));
        var gridWorker = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);

        var card = await gridWorker.GetJsonAsync($"/api/v1/residents/{resident.Id()}");
        var house = await gridWorker.GetJsonAsync($"/api/v1/houses/{home.HouseId}");

        Assert.Equal("3幢1单元502室", card.GetProperty("resident").GetProperty("address").GetString());
        Assert.Equal("3幢", house.GetProperty("house").GetProperty("buildingName").GetString());
        Assert.Equal([resident.Id()], house.GetProperty("residents").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
    }
}
