using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Residents;

/// <summary>Valid, distinct ID numbers for tests (GB 11643 check digit computed).</summary>
public static class TestIds
{
    static int counter = Random.Shared.Next(0, 1_000_000);

    public static string New(DateOnly birth, bool male = true)
    {
        var n = Interlocked.Increment(ref counter);
        var region = 110000 + n / 500 % 9999 + 1;                 // province 11, never "0000"
        var seq = n % 500 * 2 + (male ? 1 : 0);                    // odd 17th digit = male
        var first17 = $"{region}{birth:yyyyMMdd}{seq:000}";
        return first17 + IdNumber.CheckChar(first17);
    }

    public static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A community with a building and a house in its grid, and a community worker to act there.</summary>
public sealed record Home(TestTree Tree, HttpClient Worker, long BuildingId, long HouseId);

public static class RegistryArrange
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Home> CreateHomeAsync(this LinliApp app)
    {
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var building = await worker.PostOkAsync("/api/v1/buildings", new { communityId = tree.Community.Id, name = "3幢", address = "中山东路 88 号", floors = 6, unitCount = 2 });
        var house = await worker.PostOkAsync("/api/v1/houses", new { buildingId = building.Id(), gridId = tree.Grid.Id, unitNumber = 1, floor = 5, roomNumber = "502", area = 89.5 });
        return new Home(tree, worker, building.Id(), house.Id());
    }

    public static async Task<JsonElement> CreateResidentAsync(this HttpClient client, object body) => await client.PostOkAsync("/api/v1/residents", body);

    /// <summary>A resident living in the home's house; returns the card.</summary>
    public static Task<JsonElement> AddResidentAsync(this Home home, string name, string idNumber, string? phone = null, long? householdId = null, string? relationship = null) =>
        home.Worker.CreateResidentAsync(new { name, idNumber, phone, houseId = home.HouseId, householdId, relationship, ethnicity = "汉族" });

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var json = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, json, text);
    }

    public static long Id(this JsonElement e) => e.TryGetProperty("resident", out var r) ? r.GetProperty("id").GetInt64() : e.GetProperty("id").GetInt64();

    public static string[] Errors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var list) ? list.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
}
