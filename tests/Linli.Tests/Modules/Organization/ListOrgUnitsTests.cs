using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Organization.OrgTestHelpers;

namespace Linli.Tests.Modules.Organization;

public sealed class ListOrgUnitsTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_WithoutParent_ReturnsCallersOwnUnit(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var official = await app.ClientAsync(Roles.Official, tree.Street);

        var body = await (await official.GetAsync("/api/v1/org-units", Ct)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, body.GetProperty("total").GetInt32());
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(tree.Street.Id, item.GetProperty("id").GetInt64());
        Assert.Equal(tree.District.Id, item.GetProperty("parentId").GetInt64());
        Assert.Equal("Street", item.GetProperty("level").GetString());
        Assert.Equal(tree.Street.Code, item.GetProperty("code").GetString());
        Assert.Equal(2, item.GetProperty("childCount").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_ChildrenOfStreet_ReturnsCommunitiesInOrderWithCounts(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var body = await (await admin.GetAsync($"/api/v1/org-units?parentId={tree.Street.Id}", Ct)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, body.GetProperty("total").GetInt32());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([tree.Community.Id, tree.Community2.Id], items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal([1, 0], items.Select(i => i.GetProperty("childCount").GetInt32()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_Paged_ReturnsOnePageAndTheTotal(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var body = await (await admin.GetAsync($"/api/v1/org-units?parentId={tree.Street.Id}&page=2&pageSize=1", Ct)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, body.GetProperty("total").GetInt32());
        Assert.Equal(tree.Community2.Id, Assert.Single(body.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_CommunityWorker_NeverSeesTheNeighbouringCommunity(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var top = await (await worker.GetAsync("/api/v1/org-units", Ct)).JsonAsync(HttpStatusCode.OK);
        var parentList = await worker.GetAsync($"/api/v1/org-units?parentId={tree.Street.Id}", Ct);
        var otherList = await worker.GetAsync($"/api/v1/org-units?parentId={tree.Community2.Id}", Ct);

        Assert.Equal([tree.Community.Id], top.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, parentList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherList.StatusCode);
        var own = await (await worker.GetAsync($"/api/v1/org-units?parentId={tree.Community.Id}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([tree.Grid.Id], own.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_AsAuditor_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var auditor = await app.StaffClientAsync(Roles.Auditor, tree.City);

        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/org-units", Ct)).StatusCode);
    }
}
