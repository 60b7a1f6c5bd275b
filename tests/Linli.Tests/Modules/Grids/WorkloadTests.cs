using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Grids;

public sealed class WorkloadTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Workload_CountsHouseholdsPerWorker_FlagsAboveConfiguredLimitAndGridsWithoutWorker(Provider provider)
    {
        await apps.For(provider); // skips PostgreSQL when it is not configured
        await using var app = LinliApp.Create(provider, new Dictionary<string, string?> { ["Grids:WorkloadLimit"] = "3" });
        var site = await app.CreateGridSiteAsync(3, 2);
        var grid3 = await app.CreateGridAsync(site.Tree.Community, "003");
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var busy = await app.CreateUserAsync(Roles.CommunityWorker, site.Tree.Community);
        var normal = await app.CreateUserAsync(Roles.GridWorker, site.Grid1);
        await manager.PostOkAsync($"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = busy.Id, duty = "Caseworker" });
        await manager.PostOkAsync($"/api/v1/grids/{site.Grid2.Id}/workers", new { userId = busy.Id, duty = "Leader" });
        await manager.PostOkAsync($"/api/v1/grids/{site.Grid1.Id}/workers", new { userId = normal.Id, duty = "Member" });

        var official = await app.ClientAsync(Roles.Official, site.Tree.Street);
        var view = await official.GetJsonAsync($"/api/v1/workload?orgUnitId={site.Tree.Street.Id}");

        Assert.Equal(3, view.GetProperty("limit").GetInt32());
        var workers = view.GetProperty("workers").EnumerateArray().ToDictionary(w => w.GetProperty("userId").GetString()!);
        Assert.Equal(2, workers.Count);
        Assert.Equal(2, workers[busy.Id].GetProperty("grids").GetInt32());
        Assert.Equal(await app.HouseholdsInGridAsync(site.Grid1.Id) + await app.HouseholdsInGridAsync(site.Grid2.Id), workers[busy.Id].GetProperty("households").GetInt32());
        Assert.True(workers[busy.Id].GetProperty("overLimit").GetBoolean());
        Assert.Equal(3, workers[normal.Id].GetProperty("households").GetInt32());
        Assert.False(workers[normal.Id].GetProperty("overLimit").GetBoolean());
        var uncovered = Assert.Single(view.GetProperty("gridsWithoutWorker").EnumerateArray());
        Assert.Equal(grid3.Id, uncovered.GetProperty("id").GetInt64());
        Assert.Equal(0, uncovered.GetProperty("households").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Workload_DefaultLimit250_GridLevel422_Outsider404(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var outsider = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community3);
        var resident = await app.ClientAsync(Roles.Resident, site.Tree.Community);

        var view = await manager.GetJsonAsync("/api/v1/workload");
        var gridLevel = await manager.SendAsync(HttpMethod.Get, $"/api/v1/workload?orgUnitId={site.Grid1.Id}");
        var outside = await outsider.SendAsync(HttpMethod.Get, $"/api/v1/workload?orgUnitId={site.Tree.Community.Id}");
        var forbidden = await resident.SendAsync(HttpMethod.Get, $"/api/v1/workload?orgUnitId={site.Tree.Community.Id}");

        Assert.Equal(250, view.GetProperty("limit").GetInt32());
        Assert.Equal(site.Tree.Community.Id, view.GetProperty("orgUnitId").GetInt64());
        Assert.Empty(view.GetProperty("workers").EnumerateArray());
        Assert.Equal(2, view.GetProperty("gridsWithoutWorker").GetArrayLength());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, gridLevel.Status);
        Assert.Equal(HttpStatusCode.NotFound, outside.Status);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
    }
}
