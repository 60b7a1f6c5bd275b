using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Organization.OrgTestHelpers;

namespace Linli.Tests.Modules.Organization;

public sealed class UpdateOrgUnitTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Update_RenameAndReorder_Returns200AndAudits(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PatchAsJsonAsync($"/api/v1/org-units/{tree.Community.Id}", new { name = "  改名社区 ", sortOrder = 9 }, Ct);

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("改名社区", body.GetProperty("name").GetString());
        var stored = await app.UnitAsync(tree.Community.Id);
        Assert.Equal(("改名社区", 9, tree.Community.Code), (stored.Name, stored.SortOrder, stored.Code));
        Assert.Equal(1, await app.AuditCountAsync("OrgUnit.Update", tree.Community.Id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Update_CommunityCodeFittingParent_RecodesItsGrids(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var code = $"{tree.Prefix()}01001009";

        var response = await admin.PatchAsJsonAsync($"/api/v1/org-units/{tree.Community.Id}", new { code }, Ct);

        Assert.Equal(code, (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("code").GetString());
        Assert.Equal($"{code}001", (await app.UnitAsync(tree.Grid.Id)).Code);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Update_CodeOfAnotherStreet_Returns422AndKeepsTheCode(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PatchAsJsonAsync($"/api/v1/org-units/{tree.Community.Id}", new { code = $"{tree.Prefix()}01002009" }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "code");
        Assert.Equal(tree.Community.Code, (await app.UnitAsync(tree.Community.Id)).Code);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Update_CodeOfSiblingCommunity_Returns409(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PatchAsJsonAsync($"/api/v1/org-units/{tree.Community.Id}", new { code = tree.Community2.Code }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "code");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Update_BlankName_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PatchAsJsonAsync($"/api/v1/org-units/{tree.Community.Id}", new { name = "   " }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Update_UnitOfAnotherCity_Returns404(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PatchAsJsonAsync($"/api/v1/org-units/{other.Community.Id}", new { name = "越界" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(other.Community.Name, (await app.UnitAsync(other.Community.Id)).Name);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Update_AsCommunityWorkerOfThatCommunity_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var response = await worker.PatchAsJsonAsync($"/api/v1/org-units/{tree.Community.Id}", new { name = "自改" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
