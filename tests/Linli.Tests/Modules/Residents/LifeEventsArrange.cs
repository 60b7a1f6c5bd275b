using System.Net;
using System.Text.Json;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Residents;

/// <summary>A house in the sibling community (乙社区), which has a grid of its own and a worker.</summary>
public sealed record OtherHome(HttpClient Worker, OrgUnit Grid, long HouseId);

/// <summary>A household at the home's house: a head and one more member (配偶).</summary>
public sealed record Family(long HouseholdId, long HeadId, long MemberId);

public static class LifeEventsArrange
{
    public static readonly string Past = "2025-06-01";
    public static string Future => DateOnly.FromDateTime(DateTime.Today).AddDays(10).ToString("yyyy-MM-dd");

    public static async Task<OtherHome> CreateOtherHomeAsync(this LinliApp app, Home home, string room = "301")
    {
        var grid = await app.CreateGridAsync(home.Tree.Community2, "001");
        var worker = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);
        var building = await worker.PostOkAsync("/api/v1/buildings", new { communityId = home.Tree.Community2.Id, name = "7幢", floors = 6, unitCount = 1 });
        var house = await worker.PostOkAsync("/api/v1/houses", new { buildingId = building.Id(), gridId = grid.Id, unitNumber = 1, floor = 3, roomNumber = room });
        return new OtherHome(worker, grid, house.Id());
    }

    public static async Task<Family> CreateFamilyAsync(this Home home, string surname)
    {
        var head = await home.AddResidentAsync($"{surname}户主", TestIds.New(new DateOnly(1970, 3, 3)));
        var household = await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered", headResidentId = head.Id() });
        var member = await home.AddResidentAsync($"{surname}配偶", TestIds.New(new DateOnly(1972, 4, 4), male: false), householdId: household.Id(), relationship: "配偶");
        return new Family(household.Id(), head.Id(), member.Id());
    }

    public static Task<(HttpStatusCode Status, JsonElement Body, string Text)> PostAsync(this HttpClient client, string url, object body) =>
        client.SendAsync(HttpMethod.Post, url, body);

    public static IEnumerable<JsonElement> History(this JsonElement card) => card.GetProperty("history").EnumerateArray();

    public static bool HasRow(this JsonElement card, string field, string? newValue = null) =>
        card.History().Any(h => h.GetProperty("field").GetString() == field && (newValue is null || h.GetProperty("newValue").GetString() == newValue));

    public static string? Str(this JsonElement card, string property) =>
        card.GetProperty("resident").GetProperty(property) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public static bool IsNull(this JsonElement card, string property) =>
        card.GetProperty("resident").GetProperty(property).ValueKind == JsonValueKind.Null;

    public static string Code(this JsonElement problem) => problem.GetProperty("code").GetString()!;
}
