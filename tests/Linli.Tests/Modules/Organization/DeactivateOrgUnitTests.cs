using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Organization.OrgTestHelpers;

namespace Linli.Tests.Modules.Organization;

public sealed class DeactivateOrgUnitTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Deactivate_Grid_Returns200AndKeepsTheRow(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var body = await (await admin.PostAsync($"/api/v1/org-units/{tree.Grid.Id}/deactivate", null, Ct)).JsonAsync(HttpStatusCode.OK);

        Assert.False(body.GetProperty("active").GetBoolean());
        Assert.False((await app.UnitAsync(tree.Grid.Id)).Active);
        Assert.Equal(1, await app.AuditCountAsync("OrgUnit.Deactivate", tree.Grid.Id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Deactivate_CommunityWithActiveGrid_Returns409ThenSucceedsOnceTheGridIsInactive(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var refused = await admin.PostAsync($"/api/v1/org-units/{tree.Community.Id}/deactivate", null, Ct);
        var problem = await refused.JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("1", problem.GetProperty("title").GetString());
        Assert.True((await app.UnitAsync(tree.Community.Id)).Active);

        await (await admin.PostAsync($"/api/v1/org-units/{tree.Grid.Id}/deactivate", null, Ct)).JsonAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/org-units/{tree.Community.Id}/deactivate", null, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.False((await app.UnitAsync(tree.Community.Id)).Active);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Deactivate_UnitOfAnotherCity_Returns404(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsync($"/api/v1/org-units/{other.Grid.Id}/deactivate", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((await app.UnitAsync(other.Grid.Id)).Active);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Deactivate_AsSecurityAdmin_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var secAdmin = await app.StaffClientAsync(Roles.SecurityAdmin, tree.City);

        var response = await secAdmin.PostAsync($"/api/v1/org-units/{tree.Grid.Id}/deactivate", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
