using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Grids;

public sealed class BoundaryTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task SetBoundary_Polygon_StoredAndOnTheMapWithMeasures(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync(3, 2);
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);

        var (status, body, text) = await manager.SendAsync(HttpMethod.Put, $"/api/v1/grids/{site.Grid1.Id}/boundary",
            new { type = "Feature", properties = new { }, geometry = GridsArrange.Square(121.54, 29.87) });
        var map = await manager.GetJsonAsync($"/api/v1/grids/map?orgUnitId={site.Tree.Community.Id}");

        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal("Polygon", body.GetProperty("geometry").GetProperty("type").GetString());
        var grids = map.GetProperty("grids").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetInt64());
        Assert.Equal("Polygon", grids[site.Grid1.Id].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(121.54, grids[site.Grid1.Id].GetProperty("geometry").GetProperty("coordinates")[0][0][0].GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, grids[site.Grid2.Id].GetProperty("geometry").ValueKind);
        Assert.Equal(3, grids[site.Grid1.Id].GetProperty("values").GetProperty("households").GetInt32());
        Assert.Equal(2, grids[site.Grid2.Id].GetProperty("values").GetProperty("households").GetInt32());
        Assert.Contains(map.GetProperty("measures").EnumerateArray(), m => m.GetProperty("key").GetString() == "keyPopulation");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task SetBoundary_BadGeoJson_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var url = $"/api/v1/grids/{site.Grid1.Id}/boundary";
        object[] bad =
        [
            new { type = "Point", coordinates = new[] { 121.5, 29.8 } },
            new { type = "Polygon", coordinates = new[] { new[] { new[] { 121.5, 29.8 }, new[] { 121.6, 29.8 }, new[] { 121.6, 29.9 }, new[] { 121.5, 29.9 } } } }, // not closed
            new { type = "Polygon", coordinates = new[] { new[] { new[] { 0.0, 95.0 }, new[] { 1.0, 95.0 }, new[] { 1.0, 96.0 }, new[] { 0.0, 95.0 } } } },       // latitude > 90
            new { type = "Polygon", coordinates = new[] { new[] { new[] { 121.5, 29.8 }, new[] { 121.5, 29.8 } } } },                                            // too few points
            new { type = "Polygon", coordinates = new[] { new[] { Enumerable.Repeat(121.5, 60_000).ToArray() } } },                                               // too big
        ];

        foreach (var body in bad)
        {
            var (status, problem, text) = await manager.SendAsync(HttpMethod.Put, url, body);
            Assert.True(status == HttpStatusCode.BadRequest, text);
            Assert.NotEmpty(problem.Errors("boundary"));
        }
        var stored = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.GridBoundaries, b => b.GridId == site.Grid1.Id, GridsArrange.Ct));
        Assert.False(stored);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ImportBoundaries_MatchesGridsByCode_ReportsUnmatched(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var manager = await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community);
        var collection = new
        {
            type = "FeatureCollection",
            features = new object[]
            {
                new { type = "Feature", properties = new { gridCode = site.Grid1.Code }, geometry = GridsArrange.Square(121.54, 29.87) },
                new { type = "Feature", properties = new { gridCode = "002" }, geometry = GridsArrange.Square(121.542, 29.87) },
                new { type = "Feature", properties = new { gridCode = "999" }, geometry = GridsArrange.Square(121.544, 29.87) },
                new { type = "Feature", properties = new { name = "无代码" }, geometry = GridsArrange.Square(121.546, 29.87) },
            },
        };

        var result = await manager.PostOkAsync($"/api/v1/grids/boundaries?orgUnitId={site.Tree.Community.Id}&codeProperty=gridCode", collection);
        var notCollection = await manager.SendAsync(HttpMethod.Post, $"/api/v1/grids/boundaries?orgUnitId={site.Tree.Community.Id}", GridsArrange.Square(1, 1));
        var outsider = await (await app.ClientAsync(Roles.CommunityWorker, site.Tree.Community3))
            .SendAsync(HttpMethod.Post, $"/api/v1/grids/boundaries?orgUnitId={site.Tree.Community.Id}", collection);

        Assert.Equal(2, result.GetProperty("matched").GetInt32());
        var unmatched = result.GetProperty("unmatched").EnumerateArray().ToList();
        Assert.Equal([3, 4], unmatched.Select(u => u.GetProperty("feature").GetInt32()));
        Assert.Equal("999", unmatched[0].GetProperty("code").GetString());
        var boundaries = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.GridBoundaries,
            b => b.GridId == site.Grid1.Id || b.GridId == site.Grid2.Id, GridsArrange.Ct));
        Assert.Equal(2, boundaries);
        Assert.Equal(HttpStatusCode.BadRequest, notCollection.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task SetBoundary_Outsider404_GridWorker403(Provider provider)
    {
        var app = await apps.For(provider);
        var site = await app.CreateGridSiteAsync();
        var outsider = await app.ClientAsync(Roles.Official, site.Tree.Street2);
        var gridWorker = await app.ClientAsync(Roles.GridWorker, site.Grid1);
        var body = GridsArrange.Square(121.54, 29.87);

        var outside = await outsider.SendAsync(HttpMethod.Put, $"/api/v1/grids/{site.Grid1.Id}/boundary", body);
        var forbidden = await gridWorker.SendAsync(HttpMethod.Put, $"/api/v1/grids/{site.Grid1.Id}/boundary", body);

        Assert.Equal(HttpStatusCode.NotFound, outside.Status);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
    }
}
