using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Organization.OrgTestHelpers;

namespace Linli.Tests.Modules.Organization;

public sealed class GetOrgUnitTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Get_OwnGrid_ReturnsUnitWithBreadcrumbOfAncestors(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.GridWorker, tree.Grid);

        var body = await (await worker.GetAsync($"/api/v1/org-units/{tree.Grid.Id}", Ct)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(tree.Grid.Name, body.GetProperty("name").GetString());
        Assert.Equal("Grid", body.GetProperty("level").GetString());
        Assert.Equal(tree.Grid.Code, body.GetProperty("code").GetString());
        Assert.Equal([tree.City.Name, tree.District.Name, tree.Street.Name, tree.Community.Name],
            body.GetProperty("breadcrumb").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Get_OtherCommunityOfSameStreet_Returns404ForCommunityWorker(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var other = await worker.GetAsync($"/api/v1/org-units/{tree.Community2.Id}", Ct);
        var parent = await worker.GetAsync($"/api/v1/org-units/{tree.Street.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, parent.StatusCode);
        Assert.DoesNotContain(tree.Community2.Name, await other.Content.ReadAsStringAsync(Ct));
    }
}
