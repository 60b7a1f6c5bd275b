using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Organization;

static class OrgTestHelpers
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The tree's 4-digit city prefix: codes under it start with this.</summary>
    public static string Prefix(this TestTree tree) => tree.City.Code[..4];

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A 400 validation problem naming <paramref name="field"/>, or a 409/422 business-rule problem with that field.</summary>
    public static async Task AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string field)
    {
        var body = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (expected == HttpStatusCode.BadRequest)
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, body.ToString());
        else
            Assert.Equal(field, body.GetProperty("field").GetString());
    }

    public static Task<HttpClient> AdminAsync(this LinliApp app, TestTree tree) => app.StaffClientAsync(Roles.SystemAdmin, tree.City);

    /// <summary>
    /// A client for any role, admins included: an admin account counts as enrolled in two-factor, so its requests
    /// meet the endpoint's own policy instead of the "enrol first" answer.
    /// </summary>
    public static async Task<HttpClient> StaffClientAsync(this LinliApp app, string role, OrgUnit unit)
    {
        var user = await app.CreateUserAsync(role, unit);
        if (Roles.IsAdmin(role))
            await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, true)));
        return await app.ClientAsync(user);
    }

    public static async Task<JsonElement> CreateUnitAsync(this HttpClient client, long? parentId, string level, string code, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/org-units", new { parentId, level, code, name }, Ct);
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    public static Task<OrgUnit> UnitAsync(this LinliApp app, long id) =>
        app.WithDbAsync(db => db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == id));

    public static Task<int> AuditCountAsync(this LinliApp app, string action, long objectId) =>
        app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == action && a.ObjectId == objectId.ToString()));
}
