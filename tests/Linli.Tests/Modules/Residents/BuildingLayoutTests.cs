using System.Net;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Residents;

public sealed class BuildingLayoutTests(Apps apps)
{
    /// <summary>The home's 502 (unit 1, floor 5) with an 83-year-old and a 60-year-old 低保 floating resident; a vacant 301 in unit 2.</summary>
    static async Task<(Home Home, long Vacant)> ArrangeAsync(LinliApp app)
    {
        var home = await app.CreateHomeAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var vacant = (await home.Worker.PostOkAsync("/api/v1/houses", new { buildingId = home.BuildingId, gridId = home.Tree.Grid.Id, unitNumber = 2, floor = 3, roomNumber = "301", vacant = true })).Id();
        await home.Worker.CreateResidentAsync(new { name = "楼甲", idNumber = TestIds.New(today.AddYears(-83).AddDays(-10), false), houseId = home.HouseId });
        var b = (await home.Worker.CreateResidentAsync(new { name = "楼乙", idNumber = TestIds.New(today.AddYears(-60).AddDays(-3)), houseId = home.HouseId, residenceType = "Floating" })).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{b}/tags", new { code = "dibao", source = "民政局" });
        return (home, vacant);
    }

    static JsonElement Cell(JsonElement layout, long houseId) =>
        layout.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("houseId").GetInt64() == houseId);

    static Dictionary<string, int> Markers(JsonElement cell) =>
        cell.GetProperty("markers").EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!, m => m.GetProperty("count").GetInt32());

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Layout_CellsMatchHousesOccupancyAndMarkers(Provider provider)
    {
        var (home, vacant) = await ArrangeAsync(await apps.For(provider));

        var layout = await home.Worker.GetJsonAsync($"/api/v1/buildings/{home.BuildingId}/layout");

        Assert.Equal(2, layout.GetProperty("cells").GetArrayLength());
        Assert.Equal([6, 5, 4, 3, 2, 1], layout.GetProperty("floors").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal([1, 2], layout.GetProperty("units").EnumerateArray().Select(x => x.GetInt32()));
        var occupied = Cell(layout, home.HouseId);
        Assert.Equal("502", occupied.GetProperty("roomNumber").GetString());
        Assert.Equal(5, occupied.GetProperty("floor").GetInt32());
        Assert.Equal(1, occupied.GetProperty("unitNumber").GetInt32());
        Assert.Equal(2, occupied.GetProperty("residents").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["elderly-60"] = 2, ["elderly-80"] = 1, ["dibao"] = 1, ["floating"] = 1 }, Markers(occupied));
        var empty = Cell(layout, vacant);
        Assert.True(empty.GetProperty("vacant").GetBoolean());
        Assert.Equal(0, empty.GetProperty("residents").GetInt32());
        Assert.Empty(Markers(empty));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Layout_GridWorkerSeesNoSensitiveMarkers_OutsiderGets404(Provider provider)
    {
        var app = await apps.For(provider);
        var (home, _) = await ArrangeAsync(app);
        var grid = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);
        var admin = await app.ClientAsync(Roles.SystemAdmin, home.Tree.City);

        var own = await home.Worker.GetJsonAsync($"/api/v1/buildings/{home.BuildingId}/layout");
        var foreign = await outsider.SendAsync(HttpMethod.Get, $"/api/v1/buildings/{home.BuildingId}/layout");
        var refused = await admin.SendAsync(HttpMethod.Get, $"/api/v1/buildings/{home.BuildingId}/layout");
        var forGrid = await grid.GetJsonAsync($"/api/v1/buildings/{home.BuildingId}/layout");

        Assert.Contains("dibao", Markers(Cell(own, home.HouseId)).Keys);
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(new Dictionary<string, int> { ["elderly-60"] = 2, ["elderly-80"] = 1, ["floating"] = 1 }, Markers(Cell(forGrid, home.HouseId)));
        Assert.DoesNotContain("dibao", forGrid.GetRawText());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task BuildingPage_ShowsGridWithLinkedCells(Provider provider)
    {
        var (home, vacant) = await ArrangeAsync(await apps.For(provider));

        var (status, html, _) = await home.Worker.GetPageAsync($"/buildings/{home.BuildingId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"building-grid\"", html);
        Assert.Contains($"href=\"/houses/{home.HouseId}\"", html);
        Assert.Contains($"href=\"/houses/{vacant}\"", html);
        Assert.Contains("2 人", html);
        Assert.Contains("低保对象", html);
        Assert.Contains("空置", html);
    }
}
