using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Grids;

public sealed class GridPagesTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task GridPages_RenderForACommunityWorker(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync(3, 2);
        var worker = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);

        var list = await worker.GetPageAsync("/grids");
        var detail = await worker.GetPageAsync($"/grids/{site.Grid1.Id}");
        var workload = await worker.GetPageAsync("/grids/workload");
        var map = await worker.GetPageAsync($"/grids/map?orgUnitId={site.Tree.Community.Id}");
        var outsider = await (await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community3)).GetPageAsync($"/grids/{site.Grid1.Id}");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains($"href=\"/grids/{site.Grid1.Id}\"", list.Html);
        Assert.Contains("data-testid=\"grids\"", list.Html);
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Contains("name=\"_handler\" value=\"assign-worker\"", detail.Html);
        Assert.Contains("name=\"_handler\" value=\"split-grid\"", detail.Html);
        Assert.Contains("<div class=\"fs-5\" data-testid=\"households\">3</div>", detail.Html);
        Assert.Equal(HttpStatusCode.OK, workload.Status);
        Assert.Contains("data-testid=\"uncovered\"", workload.Html);
        Assert.Equal(HttpStatusCode.OK, map.Status);
        Assert.Contains("/lib/leaflet/leaflet.js", map.Html);
        Assert.Contains("id=\"grid-map-data\"", map.Html);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task GridPage_AssignForm_AssignsAndShowsRuleErrors(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var leader = await app.CreateUserAsync(Roles.CommunityWorker, site.Tree.Community);
        var second = await app.CreateUserAsync(Roles.GridWorker, site.Grid1);
        var url = $"/grids/{site.Grid1.Id}";

        var first = await worker.PostFormAsync(url, "assign-worker", new Dictionary<string, string> { ["Input.UserId"] = leader.Id, ["Input.Duty"] = "Leader" });
        var refused = await worker.PostFormAsync(url, "assign-worker", new Dictionary<string, string> { ["Input.UserId"] = second.Id, ["Input.Duty"] = "Leader" });
        var detail = await worker.GetJsonAsync($"/api/v1/grids/{site.Grid1.Id}");

        Assert.True(first.Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.OK, first.Html);
        Assert.Equal(leader.UserName, detail.GetProperty("grid").GetProperty("leader").GetString());
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("alert-danger", refused.Html);
        Assert.Single(detail.GetProperty("grid").GetProperty("workers").EnumerateArray());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task GridPage_MoveAndBoundaryForms_MoveTheHouseAndRejectBadGeoJson(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync(2, 2);
        var worker = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var url = $"/grids/{site.Grid1.Id}";

        var move = await worker.PostFormAsync(url, "move-houses", new Dictionary<string, string> { ["Move.HouseIds"] = site.Grid2Houses[0].ToString() });
        var bad = await worker.PostFormAsync(url, "grid-boundary", new Dictionary<string, string> { ["Boundary.GeoJson"] = "{\"type\":\"Point\",\"coordinates\":[1,2]}" });

        Assert.True(move.Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.OK, move.Html);
        Assert.Equal(3, await app.HouseholdsInGridAsync(site.Grid1.Id));
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("data-testid=\"redraw-error\"", bad.Html);
        Assert.Contains("Point", bad.Html); // what the user typed stays in the form
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task GridPages_ForbiddenForAResident(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var resident = await app.ClientAsync(Roles.Resident, site.Tree.Community);

        var api = await resident.SendAsync(HttpMethod.Get, $"/api/v1/grids?orgUnitId={site.Tree.Community.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, api.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MapPage_WithTileUrl_PassesItToTheScriptAndCspAllowsTheTileHost(Provider provider)
    {
        await apps.For(provider); // skips PostgreSQL when it is not configured
        await using var app = LinliApp.Create(provider, new Dictionary<string, string?>
        {
            ["Map:TileUrl"] = "https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=demo",
            ["Map:TileAttribution"] = "天地图",
        });
        var site = await app.CreateGridSiteAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);

        var (status, html, response) = await worker.GetPageAsync($"/grids/map?orgUnitId={site.Tree.Community.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-tile-url=\"https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&amp;x={x}&amp;y={y}&amp;l={z}&amp;tk=demo\"", html);
        Assert.Contains("data-tile-attribution=\"天地图\"", html);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: blob: https://*.tianditu.gov.cn", csp);
    }
}
