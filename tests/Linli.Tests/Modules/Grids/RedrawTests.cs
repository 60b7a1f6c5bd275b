using System.Net;
using Linli.Modules.Grids;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Grids;

public sealed class RedrawTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MoveHouses_ResidentsFollowIntoTheNewGridsScope_AndTheChangeIsRecorded(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync(2, 1);
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var house = site.Grid1Houses[0];
        var resident = await manager.CreateResidentAsync(new { name = "网格甲", idNumber = TestIds.New(new DateOnly(1980, 3, 4)), houseId = house, ethnicity = "汉族" });
        var worker1 = await app.ClientAsync(Roles.GridWorker, site.Grid1);
        var worker2 = await app.ClientAsync(Roles.GridWorker, site.Grid2);
        var before = await worker1.SendAsync(HttpMethod.Get, $"/api/v1/residents/{resident.Id()}");

        var moved = await manager.PostOkAsync($"/api/v1/grids/{site.Grid2.Id}/houses", new { houseIds = new[] { house } });

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(1, moved.GetProperty("moved").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await worker1.SendAsync(HttpMethod.Get, $"/api/v1/residents/{resident.Id()}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await worker2.SendAsync(HttpMethod.Get, $"/api/v1/residents/{resident.Id()}")).Status);
        Assert.Equal(1, await app.HouseholdsInGridAsync(site.Grid1.Id));
        Assert.Equal(2, await app.HouseholdsInGridAsync(site.Grid2.Id));
        var detail = await manager.GetJsonAsync($"/api/v1/grids/{site.Grid2.Id}");
        var change = Assert.Single(detail.GetProperty("changes").EnumerateArray());
        Assert.Equal("MoveHouses", change.GetProperty("kind").GetString());
        Assert.Equal(site.Grid1.Id, change.GetProperty("fromGridId").GetInt64());
        Assert.Equal(1, change.GetProperty("houseCount").GetInt32());
        var audited = await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Grid.MoveHouses" && a.ObjectId == house.ToString(), GridsArrange.Ct));
        Assert.Equal(1, audited);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MoveHouses_OtherCommunity422_InvisibleHouse404_Empty400(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var other = await app.CreateGridSiteAsync();
        var official = await app.ClientAsync(Roles.Official, site.Tree.Street);
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var grid2b = await app.CreateGridAsync(site.Tree.Community2, "001");
        var otherCommunityHouse = site.Grid1Houses[0];

        var wrongCommunity = await official.SendAsync(HttpMethod.Post, $"/api/v1/grids/{grid2b.Id}/houses", new { houseIds = new[] { otherCommunityHouse } });
        var invisible = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid2.Id}/houses", new { houseIds = new[] { other.Grid1Houses[0] } });
        var empty = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid2.Id}/houses", new { houseIds = Array.Empty<long>() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongCommunity.Status);
        Assert.Equal(HttpStatusCode.NotFound, invisible.Status);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(3, await app.HouseholdsInGridAsync(site.Grid1.Id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Split_NewGridTakesTheHouses_NextCodeInTheCommunity(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync(3, 2);
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);

        var split = await manager.PostOkAsync($"/api/v1/grids/{site.Grid1.Id}/split", new { name = "第三网格", houseIds = site.Grid1Houses[..2] });
        var foreign = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/split", new { name = "第四网格", houseIds = site.Grid2Houses });

        var newId = split.GetProperty("newGridId").GetInt64();
        Assert.Equal(site.Tree.Community.Code + "003", split.GetProperty("newGridCode").GetString());
        Assert.Equal(2, split.GetProperty("moved").GetInt32());
        Assert.Equal(2, await app.HouseholdsInGridAsync(newId));
        Assert.Equal(1, await app.HouseholdsInGridAsync(site.Grid1.Id));
        var grid = await manager.GetJsonAsync($"/api/v1/grids/{newId}");
        Assert.Equal("第三网格", grid.GetProperty("grid").GetProperty("name").GetString());
        Assert.Equal("Split", Assert.Single(grid.GetProperty("changes").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Merge_MovesAllHouses_EndsAssignments_DeactivatesTheMergedGrid(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync(3, 2);
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var worker = await app.CreateUserAsync(Roles.CommunityWorker, site.Tree.Community);
        await manager.PostOkAsync($"/api/v1/grids/{site.Grid2.Id}/workers", new { userId = worker.Id, duty = "Leader" });

        var merge = await manager.PostOkAsync($"/api/v1/grids/{site.Grid1.Id}/merge", new { gridId = site.Grid2.Id });
        var self = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/merge", new { gridId = site.Grid1.Id });
        var again = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/merge", new { gridId = site.Grid2.Id });

        Assert.Equal(2, merge.GetProperty("moved").GetInt32());
        Assert.Equal(1, merge.GetProperty("assignmentsEnded").GetInt32());
        Assert.Equal(5, await app.HouseholdsInGridAsync(site.Grid1.Id));
        var merged = await manager.GetJsonAsync($"/api/v1/grids/{site.Grid2.Id}");
        Assert.False(merged.GetProperty("grid").GetProperty("active").GetBoolean());
        Assert.Equal(0, merged.GetProperty("grid").GetProperty("houses").GetInt32());
        Assert.Empty(merged.GetProperty("grid").GetProperty("workers").EnumerateArray());
        Assert.Single(merged.GetProperty("assignments").EnumerateArray()); // history stays
        Assert.Equal("Merge", Assert.Single(merged.GetProperty("changes").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.Status);
        var list = await manager.GetJsonAsync($"/api/v1/grids?orgUnitId={site.Tree.Community.Id}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(nameof(GridChangeKind.Merge), (await app.WithDbAsync(db => db.GridChanges.Where(c => c.FromGridId == site.Grid2.Id).Select(c => c.Kind).SingleAsync(GridsArrange.Ct))).ToString());
    }
}
