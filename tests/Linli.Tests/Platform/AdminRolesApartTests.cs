using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;

namespace Linli.Tests.Platform;

// 三权分立: each admin role reaches its own API and is refused the other two's, over HTTP.
public sealed class AdminRolesApartTests(Apps apps)
{
    public static TheoryData<Provider, string, string, HttpStatusCode> Cases()
    {
        var data = new TheoryData<Provider, string, string, HttpStatusCode>();
        foreach (var p in new[] { Provider.Sqlite, Provider.Postgres })
        {
            data.Add(p, Roles.SystemAdmin, "/api/v1/org-units", HttpStatusCode.OK);
            data.Add(p, Roles.SystemAdmin, "/api/v1/users", HttpStatusCode.Forbidden);
            data.Add(p, Roles.SystemAdmin, "/api/v1/audit", HttpStatusCode.Forbidden);
            data.Add(p, Roles.SecurityAdmin, "/api/v1/users", HttpStatusCode.OK);
            data.Add(p, Roles.SecurityAdmin, "/api/v1/audit", HttpStatusCode.Forbidden);
            data.Add(p, Roles.Auditor, "/api/v1/audit", HttpStatusCode.OK);
            data.Add(p, Roles.Auditor, "/api/v1/users", HttpStatusCode.Forbidden);
            data.Add(p, Roles.Auditor, "/api/v1/org-units", HttpStatusCode.Forbidden);
        }
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task AdminRole_ReachesOnlyItsOwnApi(Provider provider, string role, string url, HttpStatusCode expected)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var client = await app.ClientAsync(role, tree.City);

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task SecurityAdmin_CannotWriteOrgUnits(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var client = await app.ClientAsync(Roles.SecurityAdmin, tree.City);

        var response = await client.PostAsync($"/api/v1/org-units/{tree.Community.Id}/deactivate", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
