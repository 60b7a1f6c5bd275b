using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;

namespace Linli.Tests.Platform;

public sealed class AuthTokenTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Token_ValidPassword_ReturnsBearerThatReachesMe(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = user.UserName, password = user.Password }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var expires = body.GetProperty("expiresAt").GetDateTime();
        Assert.InRange(expires, DateTime.UtcNow.AddMinutes(50), DateTime.UtcNow.AddMinutes(61));
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("accessToken").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(user.UserName, me.GetProperty("userName").GetString());
        Assert.Equal([Roles.CommunityWorker], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(tree.Community.Id, me.GetProperty("orgUnit").GetProperty("id").GetInt64());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Token_WrongPassword_Returns401ProblemAndAuditsFailure(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = user.UserName, password = "Wrong@Pass2026" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var failures = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditLog, a => a.Action == "Login.Failed" && a.ObjectId == user.Id));
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task Me_WithoutToken_Returns401()
    {
        var app = await apps.For(Provider.Sqlite);
        var response = await app.Anonymous().GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
