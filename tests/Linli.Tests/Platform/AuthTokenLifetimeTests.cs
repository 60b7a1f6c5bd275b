using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Accounts;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Platform;

public sealed class AuthTokenLifetimeTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Bearer_ExpiredToken_Returns401(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var token = ApiTokenHandler.NewToken();
        await app.WithDbAsync(db =>
        {
            db.ApiTokens.Add(new ApiToken { TokenHash = ApiTokenHandler.Hash(token), UserId = user.Id, CreatedAt = DateTime.UtcNow.AddHours(-2), ExpiresAt = DateTime.UtcNow.AddSeconds(-1) });
            return db.SaveChangesAsync(Ct);
        });
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await client.GetAsync("/api/v1/me", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Bearer_UserDisabledWithTokenStillStored_Returns401AndLoginRefused(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var client = await app.ClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);

        // Straight in the database, so only the per-request check can stop the token.
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id, Ct)).Disabled = true;
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
        var login = await app.TokenAsync(user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("account_disabled", await login.ProblemCodeAsync());
        var wrong = await app.TokenAsync(user.UserName, "Wrong@Pass2026");
        Assert.Equal("invalid_credentials", await wrong.ProblemCodeAsync()); // a wrong password learns nothing about the account
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Disable_ThroughApi_DeletesTokensAndEnableRestoresLogin(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.GridWorker, tree.Grid);
        var client = await app.ClientAsync(user);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.District);

        var disabled = await admin.PostAsync($"/api/v1/users/{user.Id}/disable", null, Ct);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.JsonAsync()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.UserId == user.Id, Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "User.Disable" && a.ObjectId == user.Id, Ct)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenAsync(user.UserName, user.Password)).StatusCode);

        var enabled = await admin.PostAsync($"/api/v1/users/{user.Id}/enable", null, Ct);

        Assert.False((await enabled.JsonAsync()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await app.TokenAsync(user.UserName, user.Password)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "User.Enable" && a.ObjectId == user.Id, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Disable_OwnAccount_Returns422(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var self = await app.CreateUserAsync(Roles.SecurityAdmin, tree.District);

        var response = await (await app.ClientAsync(self)).PostAsync($"/api/v1/users/{self.Id}/disable", null, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("account-self", await response.ProblemCodeAsync());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Token_PasswordOlderThanMaxAge_Returns403ChangeRequired(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.Official, tree.Street);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id, Ct)).PasswordChangedAt = DateTime.UtcNow.AddDays(-91);
            return await db.SaveChangesAsync(Ct);
        });

        var response = await app.TokenAsync(user.UserName, user.Password);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("password_change_required", await response.ProblemCodeAsync());
    }

    [Fact]
    public async Task Token_MissingFields_Returns400()
    {
        var app = await apps.For(Provider.Sqlite);

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "someone" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["password"], await response.ErrorFieldsAsync());
    }
}
