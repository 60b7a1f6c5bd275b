using System.Text.Json;
using Linli.BrowserTests.Support;
using Linli.Modules.Organization;
using Microsoft.EntityFrameworkCore;

namespace Linli.BrowserTests.Journeys;

// 网格边界: demo.worker1 draws a grid's boundary on its page by clicking three corners on the map, and saves it.
public sealed class GridsTests(BrowserApp app)
{
    [Fact]
    public Task CommunityWorker_DrawsAGridBoundaryOnTheMap_AndSavesIt() => app.RunAsync(async page =>
    {
        var grid = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.Grid && u.Code == "330203001001008").Select(u => u.Id).SingleAsync());
        await app.LoginAsync(page, "demo.worker1");

        await page.GotoAsync($"/grids/{grid}");
        var map = page.Locator("#boundary-draw");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-loaded", "1");
        await page.GetByRole(AriaRole.Button, new() { Name = "清除" }).ClickAsync();
        await map.ClickAsync(new() { Position = new() { X = 60, Y = 60 } });
        await map.ClickAsync(new() { Position = new() { X = 220, Y = 70 } });
        await map.ClickAsync(new() { Position = new() { X = 150, Y = 200 } });
        await Assertions.Expect(page.GetByLabel("边界 GeoJSON（Polygon / MultiPolygon）")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^\\{\"type\":\"Polygon\""));
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "保存边界" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains($"/grids/{grid}", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);

        // The saved page draws the stored boundary again: three corners, closed.
        await Assertions.Expect(map).ToHaveAttributeAsync("data-loaded", "1");
        var stored = await app.WithDbAsync(db => db.GridBoundaries.IgnoreQueryFilters().Where(b => b.GridId == grid).Select(b => b.GeoJson).SingleAsync());
        using var geometry = JsonDocument.Parse(stored);
        var ring = geometry.RootElement.GetProperty("coordinates")[0];
        Assert.Equal(4, ring.GetArrayLength());
        Assert.Equal(ring[0].ToString(), ring[3].ToString());
    }, width: 1280, height: 900);
}
