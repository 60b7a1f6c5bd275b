using System.Text.Json;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Grids;

/// <summary>A test tree's community with a second grid, a building, and houses with households in both grids.</summary>
public sealed record GridSite(TestTree Tree, OrgUnit Grid2, long BuildingId, long[] Grid1Houses, long[] Grid2Houses)
{
    public OrgUnit Grid1 => Tree.Grid;
}

public static class GridsArrange
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One household per house: <paramref name="grid1Households"/> houses in grid 1, <paramref name="grid2Households"/> in grid 2.</summary>
    public static async Task<GridSite> CreateGridSiteAsync(this LinliApp app, int grid1Households = 3, int grid2Households = 2)
    {
        var tree = await app.CreateTreeAsync();
        var grid2 = await app.CreateGridAsync(tree.Community);
        return await app.WithDbAsync(async db =>
        {
            var building = new Building { CommunityId = tree.Community.Id, OrgPath = tree.Community.OrgPath, Name = "1幢", Floors = 10, UnitCount = 2 };
            db.Buildings.Add(building);
            await db.SaveChangesAsync(Ct);
            async Task<long[]> Houses(OrgUnit grid, int count, int unit)
            {
                var houses = Enumerable.Range(1, count).Select(i => new House
                {
                    BuildingId = building.Id, GridId = grid.Id, OrgPath = grid.OrgPath, UnitNumber = unit, Floor = i, RoomNumber = $"{i}01",
                }).ToList();
                db.Houses.AddRange(houses);
                await db.SaveChangesAsync(Ct);
                db.Households.AddRange(houses.Select(h => new Household { HouseId = h.Id, OrgUnitId = grid.Id, OrgPath = grid.OrgPath }));
                await db.SaveChangesAsync(Ct);
                return houses.Select(h => h.Id).ToArray();
            }
            return new GridSite(tree, grid2, building.Id, await Houses(tree.Grid, grid1Households, 1), await Houses(grid2, grid2Households, 2));
        });
    }

    public static JsonElement Row(this JsonElement list, long id) =>
        list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);

    public static async Task<int> HouseholdsInGridAsync(this LinliApp app, long gridId) =>
        await app.WithDbAsync(db => db.Households.CountAsync(h => h.OrgUnitId == gridId, Ct));

    public static object Square(double lon, double lat, double size = 0.002) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { lon, lat }, new[] { lon + size, lat }, new[] { lon + size, lat + size }, new[] { lon, lat + size }, new[] { lon, lat } } },
    };
}
