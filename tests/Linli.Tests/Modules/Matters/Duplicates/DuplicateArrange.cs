using System.Text.Json;
using Linli.Modules.Matters;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Matters.Duplicates;

/// <summary>A home (house 1 in the tree's grid), a second house in the same grid and a third in another grid of the community.</summary>
public sealed record DupHome(Residents.Home Home, long House2, long House3);

public static class DuplicateArrange
{
    public const double Lat = 29.8700, Lon = 121.5500;

    /// <summary>Degrees of latitude for a distance north, in metres.</summary>
    public static double North(double meters) => Lat + meters / 111_320.0;

    public static async Task<DupHome> CreateDupHomeAsync(this LinliApp app)
    {
        var home = await app.CreateHomeAsync();
        var grid2 = await app.CreateGridAsync(home.Tree.Community);
        var house2 = await home.Worker.PostOkAsync("/api/v1/houses", new { buildingId = home.BuildingId, gridId = home.Tree.Grid.Id, unitNumber = 1, floor = 6, roomNumber = "601", area = 80 });
        var house3 = await home.Worker.PostOkAsync("/api/v1/houses", new { buildingId = home.BuildingId, gridId = grid2.Id, unitNumber = 2, floor = 1, roomNumber = "101", area = 80 });
        return new DupHome(home, house2.Id(), house3.Id());
    }

    public static object Matter(string category = "设施维修", long? houseId = null, double? lat = null, double? lon = null, string description = "楼道灯不亮",
        string reporter = "王阿姨") => new
    {
        channel = "Counter", categoryName = category, description, houseId, latitude = lat, longitude = lat is null ? (double?)null : lon ?? Lon,
        reporterName = reporter, reporterContact = "13812345678",
    };

    /// <summary>(id, ticket, token, categoryId) of a newly registered matter.</summary>
    public static async Task<(long Id, string Ticket, string Token, long CategoryId)> RegisterAsync(this HttpClient client, object body)
    {
        var created = await client.PostOkAsync("/api/v1/matters", body);
        var m = created.GetProperty("matter");
        return (m.Id(), created.GetProperty("ticketNumber").GetString()!, created.GetProperty("trackingToken").GetString()!, m.GetProperty("categoryId").GetInt64());
    }

    public static Task SetAsync(this LinliApp app, long id, Action<Matter> change) => app.WithDbAsync(async db =>
    {
        var m = await db.Matters.SingleAsync(x => x.Id == id, RegistryArrange.Ct);
        change(m);
        return await db.SaveChangesAsync(RegistryArrange.Ct);
    });

    public static long[] Ids(this JsonElement list) => list.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt64()).ToArray();
}
