using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Visits;

/// <summary>A home with a household in the tree's grid, and the grid's worker.</summary>
public sealed record VisitHome(Residents.Home Home, TestUser GridWorker, HttpClient Worker, long HouseholdId, long HeadId, string HeadPhone);

public static class VisitArrange
{
    static int room = 100;

    public static async Task<VisitHome> CreateVisitHomeAsync(this LinliApp app)
    {
        var home = await app.CreateHomeAsync();
        var user = await app.CreateUserAsync(Roles.GridWorker, home.Tree.Grid);
        var worker = await app.ClientAsync(user);
        var phone = TestIds.Phone();
        var (householdId, headId) = await home.AddHouseholdAsync(home.HouseId, "王老伯", new DateOnly(1950, 3, 1), phone);
        return new VisitHome(home, user, worker, householdId, headId, phone);
    }

    /// <summary>Another household in another house of the home's building and grid.</summary>
    public static async Task<(long HouseholdId, long HeadId)> AddHouseholdAsync(this Residents.Home home, long? houseId = null, string name = "李阿姨",
        DateOnly? birth = null, string? phone = null)
    {
        houseId ??= (await home.Worker.PostOkAsync("/api/v1/houses", new { buildingId = home.BuildingId, gridId = home.Tree.Grid.Id, unitNumber = 2,
            floor = 3, roomNumber = $"{Interlocked.Increment(ref room)}", area = 70 })).Id();
        var head = await home.Worker.CreateResidentAsync(new { name, idNumber = TestIds.New(birth ?? new DateOnly(1960, 5, 5)), phone, houseId, ethnicity = "汉族" });
        var household = await home.Worker.PostOkAsync("/api/v1/households", new { houseId, type = "Registered", headResidentId = head.Id() });
        return (household.Id(), head.Id());
    }

    public static object Visit(long householdId, DateTime? at = null, string situation = "身体状况良好，已提醒用电安全。", string? requests = null) => new
    {
        householdId,
        visitedAt = at ?? DateTime.Now.AddHours(-1),
        type = "Routine",
        peopleMet = "本人",
        situation,
        requestsHeard = requests,
        helpGiven = "讲解了居家养老服务政策",
    };

    public static async Task<JsonElement> RecordAsync(this HttpClient worker, object visit) => await worker.PostOkAsync("/api/v1/visits", visit);
}
