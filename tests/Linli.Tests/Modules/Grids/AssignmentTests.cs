using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Grids;

public sealed class AssignmentTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task AssignWorker_GridAndCommunityWorkers_ListedWithLeaderAndHouseholds(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync(3, 2);
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var gridWorker = await app.CreateUserAsync(Roles.GridWorker, site.Grid1);
        var communityWorker = await app.CreateUserAsync(Roles.CommunityWorker, site.Tree.Community);

        var member = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = gridWorker.Id, duty = "Member" });
        var leader = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = communityWorker.Id, duty = "网格长" });
        var list = await manager.GetJsonAsync($"/api/v1/grids?orgUnitId={site.Tree.Community.Id}");

        Assert.Equal(HttpStatusCode.Created, member.Status);
        Assert.Equal(HttpStatusCode.Created, leader.Status);
        Assert.Equal("Leader", leader.Body.GetProperty("duty").GetString());
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var grid1 = list.Row(site.Grid1.Id);
        Assert.Equal(3, grid1.GetProperty("households").GetInt32());
        Assert.Equal(communityWorker.UserName, grid1.GetProperty("leader").GetString());
        Assert.Equal(new[] { communityWorker.Id, gridWorker.Id }.Order(), grid1.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("userId").GetString()!).Order());
        var grid2 = list.Row(site.Grid2.Id);
        Assert.Equal(2, grid2.GetProperty("households").GetInt32());
        Assert.Empty(grid2.GetProperty("workers").EnumerateArray());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task AssignWorker_OtherCommunityWrongRoleOrOtherGrid_Returns422(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var official = await app.ClientAsync(Roles.Official, site.Tree.Street);
        var otherCommunity = await app.CreateUserAsync(Roles.CommunityWorker, site.Tree.Community2);
        var officialUser = await app.CreateUserAsync(Roles.Official, site.Tree.Community);
        var workerOfGrid2 = await app.CreateUserAsync(Roles.GridWorker, site.Grid2);

        var wrongCommunity = await official.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = otherCommunity.Id, duty = "Member" });
        var wrongRole = await official.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = officialUser.Id, duty = "Member" });
        var otherGrid = await official.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = workerOfGrid2.Id, duty = "Member" });
        var badDuty = await official.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = workerOfGrid2.Id, duty = "Boss" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongCommunity.Status);
        Assert.Equal("grid.worker-ineligible", wrongCommunity.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongRole.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherGrid.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badDuty.Status);
        Assert.NotEmpty(badDuty.Body.Errors("duty"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task AssignWorker_SecondLeader_Returns422UntilTheFirstEnds(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var first = await app.CreateUserAsync(Roles.CommunityWorker, site.Tree.Community);
        var second = await app.CreateUserAsync(Roles.GridWorker, site.Grid1);

        var one = await manager.PostOkAsync($"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = first.Id, duty = "Leader" });
        var refused = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = second.Id, duty = "Leader" });
        var twice = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = first.Id, duty = "Member" });
        var ended = await manager.SendAsync(HttpMethod.Delete, $"/api/v1/grids/{site.Grid1.Id}/workers/{one.Id()}");
        var accepted = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = second.Id, duty = "Leader" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("grid.leader-exists", refused.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.Status);
        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.Equal(HttpStatusCode.Created, accepted.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task EndAssignment_KeepsItAsHistory(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var worker = await app.CreateUserAsync(Roles.GridWorker, site.Grid1);
        var assignment = await manager.PostOkAsync($"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = worker.Id, duty = "Member" });

        var (status, ended, _) = await manager.SendAsync(HttpMethod.Delete, $"/api/v1/grids/{site.Grid1.Id}/workers/{assignment.Id()}");
        var detail = await manager.GetJsonAsync($"/api/v1/grids/{site.Grid1.Id}");
        var missing = await manager.SendAsync(HttpMethod.Delete, $"/api/v1/grids/{site.Grid2.Id}/workers/{assignment.Id()}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, ended.GetProperty("endDate").ValueKind);
        Assert.Empty(detail.GetProperty("grid").GetProperty("workers").EnumerateArray());
        var history = Assert.Single(detail.GetProperty("assignments").EnumerateArray());
        Assert.Equal(worker.Id, history.GetProperty("userId").GetString());
        Assert.Equal(ended.GetProperty("endDate").GetString(), history.GetProperty("endDate").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Grids_OutsiderGets404_GridWorkerGets403OnWrites(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community3);
        var gridWorkerUser = await app.CreateUserAsync(Roles.GridWorker, site.Grid1);
        var gridWorker = await app.ClientAsync(gridWorkerUser);

        var get = await outsider.SendAsync(HttpMethod.Get, $"/api/v1/grids/{site.Grid1.Id}");
        var assign = await outsider.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = gridWorkerUser.Id, duty = "Member" });
        var list = await outsider.SendAsync(HttpMethod.Get, $"/api/v1/grids?orgUnitId={site.Tree.Community.Id}");
        var own = await gridWorker.GetJsonAsync($"/api/v1/grids/{site.Grid1.Id}");
        var sibling = await gridWorker.SendAsync(HttpMethod.Get, $"/api/v1/grids/{site.Grid2.Id}");
        var write = await gridWorker.SendAsync(HttpMethod.Post, $"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = gridWorkerUser.Id, duty = "Member" });

        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal(HttpStatusCode.NotFound, assign.Status);
        Assert.Equal(HttpStatusCode.NotFound, list.Status);
        Assert.Equal(3, own.GetProperty("grid").GetProperty("households").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, sibling.Status);
        Assert.Equal(HttpStatusCode.Forbidden, write.Status);
    }
}
