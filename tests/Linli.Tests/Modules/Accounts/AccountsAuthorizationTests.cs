using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Accounts;

public sealed class AccountsAuthorizationTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Users_EveryRoleButSecurityAdmin_Gets403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var target = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);

        foreach (var role in Roles.All.Where(r => r != Roles.SecurityAdmin))
        {
            var client = await app.ClientAsync(role, tree.City);
            var list = await client.GetAsync("/api/v1/users", Ct);
            var create = await client.PostAsJsonAsync("/api/v1/users", new { userName = AccountsTestData.NewUserName(), displayName = "x", password = AccountsTestData.StrongPassword, roles = new[] { Roles.Official }, orgUnitId = tree.City.Id }, Ct);
            var disable = await client.PostAsync($"/api/v1/users/{target.Id}/disable", null, Ct);

            Assert.True(list.StatusCode == HttpStatusCode.Forbidden, $"{role}: GET /users → {list.StatusCode}");
            Assert.True(create.StatusCode == HttpStatusCode.Forbidden, $"{role}: POST /users → {create.StatusCode}");
            Assert.True(disable.StatusCode == HttpStatusCode.Forbidden, $"{role}: disable → {disable.StatusCode}");
        }
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Users, u => u.Id == target.Id && u.Disabled, Ct)));
    }

    [Fact]
    public async Task OpenApi_DescribesTheUsersOperations()
    {
        var app = await apps.For(Provider.Sqlite);

        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json", Ct);

        foreach (var op in new[] { "Users_List", "Users_Get", "Users_Create", "Users_Update", "Users_ResetPassword", "Users_Unlock", "Users_Disable", "Users_Enable" })
            Assert.Contains($"\"operationId\": \"{op}\"", doc);
    }

    [Fact]
    public async Task Users_Anonymous_Gets401()
    {
        var app = await apps.For(Provider.Sqlite);

        var response = await app.Anonymous().GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
