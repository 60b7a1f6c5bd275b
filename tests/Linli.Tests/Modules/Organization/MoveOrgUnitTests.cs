using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Organization.OrgTestHelpers;

namespace Linli.Tests.Modules.Organization;

public sealed class MoveOrgUnitTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_StreetToAnotherDistrict_MovesSubtreeUsersDepartmentsAndCodes(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var district2 = await admin.CreateUnitAsync(tree.City.Id, "区", $"{tree.Prefix()}02000000", "新区");
        var district2Id = district2.GetProperty("id").GetInt64();
        var district2Path = district2.GetProperty("orgPath").GetString();
        var department = await (await admin.PostAsJsonAsync("/api/v1/departments",
            new { orgUnitId = tree.Street.Id, code = $"JD-{tree.Street.Id}", name = "街道办事处" }, Ct)).JsonAsync(HttpStatusCode.Created);
        var worker = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var oldDistrictOfficial = await app.ClientAsync(Roles.Official, tree.District);
        Assert.Equal(HttpStatusCode.OK, (await oldDistrictOfficial.GetAsync($"/api/v1/org-units/{tree.Street.Id}", Ct)).StatusCode);

        var response = await admin.PostAsJsonAsync($"/api/v1/org-units/{tree.Street.Id}/move", new { newParentId = district2Id }, Ct);

        var body = await response.JsonAsync(HttpStatusCode.OK);
        var streetPath = $"{district2Path}{tree.Street.Id}/";
        Assert.Equal(district2Id, body.GetProperty("parentId").GetInt64());
        Assert.Equal("新区", body.GetProperty("breadcrumb").EnumerateArray().Last().GetProperty("name").GetString());
        var street = await app.UnitAsync(tree.Street.Id);
        var community = await app.UnitAsync(tree.Community.Id);
        var grid = await app.UnitAsync(tree.Grid.Id);
        Assert.Equal((district2Id, streetPath, $"{tree.Prefix()}02001000"), (street.ParentId!.Value, street.OrgPath, street.Code));
        Assert.Equal(($"{streetPath}{tree.Community.Id}/", $"{tree.Prefix()}02001001"), (community.OrgPath, community.Code));
        Assert.Equal(($"{streetPath}{tree.Community.Id}/{tree.Grid.Id}/", $"{tree.Prefix()}02001001001"), (grid.OrgPath, grid.Code));
        Assert.Equal(tree.Street2.OrgPath, (await app.UnitAsync(tree.Street2.Id)).OrgPath);

        var userPath = await app.WithDbAsync(db => db.Users.Where(u => u.Id == worker.Id).Select(u => u.OrgPath).SingleAsync());
        Assert.Equal(community.OrgPath, userPath);
        var departmentId = department.GetProperty("id").GetInt64();
        Assert.Equal(streetPath, await app.WithDbAsync(db => db.Departments.Where(d => d.Id == departmentId).Select(d => d.OrgPath).SingleAsync()));

        // The old district's official has lost the street; the worker still sees their own community.
        Assert.Equal(HttpStatusCode.NotFound, (await oldDistrictOfficial.GetAsync($"/api/v1/org-units/{tree.Street.Id}", Ct)).StatusCode);
        var districtChildren = await (await oldDistrictOfficial.GetAsync($"/api/v1/org-units?parentId={tree.District.Id}", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([tree.Street2.Id], districtChildren.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        var workerClient = await app.ClientAsync(worker);
        Assert.Equal(HttpStatusCode.OK, (await workerClient.GetAsync($"/api/v1/org-units/{tree.Community.Id}", Ct)).StatusCode);

        var audit = await app.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.Action == "OrgUnit.Move" && a.ObjectId == tree.Street.Id.ToString()));
        Assert.Contains(tree.Street.OrgPath, audit.Before);
        Assert.Contains(streetPath, audit.After);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_WhenARecodedCodeIsTaken_Returns409AndChangesNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var district2 = await admin.CreateUnitAsync(tree.City.Id, "区", $"{tree.Prefix()}02000000", "新区");
        var district2Id = district2.GetProperty("id").GetInt64();
        await admin.CreateUnitAsync(district2Id, "街道", $"{tree.Prefix()}02001000", "同号街道");

        var response = await admin.PostAsJsonAsync($"/api/v1/org-units/{tree.Street.Id}/move", new { newParentId = district2Id }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "newParentId");
        var street = await app.UnitAsync(tree.Street.Id);
        Assert.Equal((tree.District.Id, tree.Street.OrgPath, tree.Street.Code), (street.ParentId!.Value, street.OrgPath, street.Code));
        Assert.Equal(tree.Grid.OrgPath, (await app.UnitAsync(tree.Grid.Id)).OrgPath);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_CommunityUnderADistrict_Returns409(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync($"/api/v1/org-units/{tree.Community.Id}/move", new { newParentId = tree.District.Id }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "newParentId");
        Assert.Equal(tree.Street.Id, (await app.UnitAsync(tree.Community.Id)).ParentId);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_CommunityToTheOtherStreet_RecodesUnderThatStreet(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync($"/api/v1/org-units/{tree.Community2.Id}/move", new { newParentId = tree.Street2.Id }, Ct);

        Assert.Equal($"{tree.Prefix()}01002002", (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("code").GetString());
        Assert.Equal(1, await app.AuditCountAsync("OrgUnit.Move", tree.Community2.Id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_TargetInAnotherCity_Returns404(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync($"/api/v1/org-units/{tree.Street.Id}/move", new { newParentId = other.District.Id }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(tree.Street.OrgPath, (await app.UnitAsync(tree.Street.Id)).OrgPath);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_AsStreetOfficial_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var official = await app.ClientAsync(Roles.Official, tree.Street);

        var response = await official.PostAsJsonAsync($"/api/v1/org-units/{tree.Community2.Id}/move", new { newParentId = tree.Street2.Id }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
