using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Organization.OrgTestHelpers;

namespace Linli.Tests.Modules.Organization;

public sealed class CreateOrgUnitTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_CommunityUnderStreet_Returns201WithPathAndAudit(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var code = $"{tree.Prefix()}01001003";

        var response = await admin.PostAsJsonAsync("/api/v1/org-units",
            new { parentId = tree.Street.Id, level = "社区", code, name = "新建社区", sortOrder = 5 }, Ct);

        var body = await response.JsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/org-units/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Community", body.GetProperty("level").GetString());
        Assert.Equal(tree.Street.Id, body.GetProperty("parentId").GetInt64());
        Assert.Equal(5, body.GetProperty("sortOrder").GetInt32());
        Assert.Equal([tree.City.Name, tree.District.Name, tree.Street.Name],
            body.GetProperty("breadcrumb").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var stored = await app.UnitAsync(id);
        Assert.Equal($"{tree.Street.OrgPath}{id}/", stored.OrgPath);
        Assert.Equal(code, stored.Code);
        Assert.True(stored.Active);
        Assert.Equal(1, await app.AuditCountAsync("OrgUnit.Create", id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_GridWithoutLevel_TakesTheLevelBelowTheParent(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = tree.Community.Id, code = $"{tree.Community.Code}002", name = "第二网格" }, Ct);

        Assert.Equal("Grid", (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("level").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_CodeNotUnderParentsCode_Returns422OnCode(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        // A community code of the other street.
        var response = await admin.PostAsJsonAsync("/api/v1/org-units",
            new { parentId = tree.Street.Id, level = "Community", code = $"{tree.Prefix()}01002009", name = "错码社区" }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "code");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_GridUnderStreet_Returns422OnLevel(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync("/api/v1/org-units",
            new { parentId = tree.Street.Id, level = "网格", code = $"{tree.Street.Code}001", name = "越级网格" }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "level");
        Assert.False(await app.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Code == $"{tree.Street.Code}001")));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_MissingNameAndMalformedCode_Returns400WithBothFields(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = tree.Street.Id, level = "社区", code = "12ab" }, Ct);

        var body = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_UnknownLevelName_Returns400OnLevel(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync("/api/v1/org-units",
            new { parentId = tree.Street.Id, level = "省", code = $"{tree.Prefix()}01001007", name = "某" }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "level");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_DuplicateCode_Returns409OnCode(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync("/api/v1/org-units",
            new { parentId = tree.Street.Id, level = "社区", code = tree.Community.Code, name = "重复社区" }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "code");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_ParentInAnotherCity_Returns404(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync("/api/v1/org-units",
            new { parentId = other.Street.Id, level = "社区", code = $"{other.Prefix()}01001005", name = "越界社区" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_TopLevelCityWithoutSystemScope_Returns422OnParent(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync("/api/v1/org-units", new { level = "City", code = "980100000000", name = "另一个市" }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "parentId");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_AsCityOfficial_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var official = await app.ClientAsync(Roles.Official, tree.City);

        var response = await official.PostAsJsonAsync("/api/v1/org-units",
            new { parentId = tree.Street.Id, level = "社区", code = $"{tree.Prefix()}01001004", name = "无权社区" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
