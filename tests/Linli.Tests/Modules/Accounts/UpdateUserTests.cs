using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Accounts;

public sealed class UpdateUserTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_NameRolesAndDepartment_UpdatesAndAudits(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var dept = await app.AddDepartmentAsync(tree.Street);
        var target = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.District);

        var response = await admin.PatchAsJsonAsync($"/api/v1/users/{target.Id}",
            new { displayName = "李四", roles = new[] { Roles.DepartmentStaff, Roles.Official }, departmentId = dept.Id }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("李四", body.GetProperty("displayName").GetString());
        Assert.Equal([Roles.DepartmentStaff, Roles.Official], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(tree.Street.Id, body.GetProperty("orgUnitId").GetInt64());
        Assert.Equal(dept.Id, body.GetProperty("departmentId").GetInt64());
        var stored = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == target.Id, Ct));
        Assert.Equal(tree.Street.OrgPath, stored.OrgPath);
        var rows = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "User.Update" && a.ObjectId!.StartsWith(target.Id))
            .Select(a => new { a.ObjectType, a.Before, a.After }).ToListAsync(Ct));
        var account = Assert.Single(rows, r => r.ObjectType == "AppUser");
        Assert.Contains("李四", account.After);
        Assert.Contains(tree.Street.OrgPath, account.After);
        Assert.Equal(3, rows.Count(r => r.ObjectType != "AppUser")); // one role removed, two added

        // Back to a plain unit: the department goes.
        var back = await (await admin.PatchAsJsonAsync($"/api/v1/users/{target.Id}", new { orgUnitId = tree.Grid.Id }, Ct)).JsonAsync();
        Assert.Equal(tree.Grid.Id, back.GetProperty("orgUnitId").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, back.GetProperty("departmentId").ValueKind);
        Assert.Equal("李四", back.GetProperty("displayName").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_SecondAdminRole_Returns422AndKeepsRoles(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var target = await app.CreateUserAsync(Roles.SystemAdmin, tree.City);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.City);

        var response = await admin.PatchAsJsonAsync($"/api/v1/users/{target.Id}", new { roles = new[] { Roles.SystemAdmin, Roles.SecurityAdmin } }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("admin-roles-separated", await response.ProblemCodeAsync());
        var roles = await (await admin.GetAsync($"/api/v1/users/{target.Id}", Ct)).JsonAsync();
        Assert.Equal([Roles.SystemAdmin], roles.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_OwnRoles_Returns422(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var self = await app.CreateUserAsync(Roles.SecurityAdmin, tree.District);
        var admin = await app.ClientAsync(self);

        var response = await admin.PatchAsJsonAsync($"/api/v1/users/{self.Id}", new { roles = new[] { Roles.Official } }, Ct);
        var rename = await admin.PatchAsJsonAsync($"/api/v1/users/{self.Id}", new { displayName = "安全管理员甲" }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("account-self", await response.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_BindingOutsideSubtree_Returns404AndKeepsBinding(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var target = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.Street);

        var response = await admin.PatchAsJsonAsync($"/api/v1/users/{target.Id}", new { orgUnitId = tree.Community3.Id }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == target.Id, Ct));
        Assert.Equal(tree.Community.Id, stored.OrgUnitId);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_InvalidInput_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var dept = await app.AddDepartmentAsync(tree.Street);
        var inactive = await app.AddDepartmentAsync(tree.Street, active: false);
        var target = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.District);

        var blankName = await admin.PatchAsJsonAsync($"/api/v1/users/{target.Id}", new { displayName = " " }, Ct);
        var noRoles = await admin.PatchAsJsonAsync($"/api/v1/users/{target.Id}", new { roles = Array.Empty<string>() }, Ct);
        var mismatch = await admin.PatchAsJsonAsync($"/api/v1/users/{target.Id}", new { orgUnitId = tree.Community.Id, departmentId = dept.Id }, Ct);
        var closed = await admin.PatchAsJsonAsync($"/api/v1/users/{target.Id}", new { departmentId = inactive.Id }, Ct);

        Assert.Equal(["displayName"], await blankName.ErrorFieldsAsync());
        Assert.Equal(["roles"], await noRoles.ErrorFieldsAsync());
        Assert.Equal(["departmentId"], await mismatch.ErrorFieldsAsync());
        Assert.Equal(["departmentId"], await closed.ErrorFieldsAsync());
        Assert.All([blankName, noRoles, mismatch, closed], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }
}
