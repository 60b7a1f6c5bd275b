using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Accounts;

public sealed class CreateUserTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_BoundToUnit_Returns201WithForcedPasswordChangeAndAudit(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.District);
        var name = AccountsTestData.NewUserName();

        var response = await admin.CreateAccountAsync(name, [Roles.CommunityWorker], orgUnitId: tree.Community.Id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/users/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(name, body.GetProperty("userName").GetString());
        Assert.Equal([Roles.CommunityWorker], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(tree.Community.Id, body.GetProperty("orgUnitId").GetInt64());
        Assert.Equal(tree.Community.Name, body.GetProperty("orgUnitName").GetString());
        Assert.True(body.GetProperty("mustChangePassword").GetBoolean());
        var stored = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == id));
        Assert.Equal(tree.Community.OrgPath, stored.OrgPath);
        Assert.Null(stored.DepartmentId);
        var audited = await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "User.Create" && a.ObjectType == "AppUser" && a.ObjectId == id));
        Assert.Equal(1, audited);
        // The first login must change the password: the token endpoint refuses until then.
        var token = await app.TokenAsync(name, AccountsTestData.StrongPassword);
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        Assert.Equal("password_change_required", await token.ProblemCodeAsync());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_BoundToDepartment_TakesTheDepartmentsUnit(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var dept = await app.AddDepartmentAsync(tree.Street);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.District);

        var response = await admin.CreateAccountAsync(AccountsTestData.NewUserName(), [Roles.DepartmentStaff], departmentId: dept.Id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(tree.Street.Id, body.GetProperty("orgUnitId").GetInt64());
        Assert.Equal(dept.Id, body.GetProperty("departmentId").GetInt64());
        Assert.Equal(dept.Name, body.GetProperty("departmentName").GetString());
        var id = body.GetProperty("id").GetString();
        var stored = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == id));
        Assert.Equal(tree.Street.OrgPath, stored.OrgPath);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_TwoAdminRoles_Returns422AndCreatesNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.City);
        var name = AccountsTestData.NewUserName();

        var response = await admin.CreateAccountAsync(name, [Roles.SystemAdmin, Roles.Auditor], orgUnitId: tree.City.Id);
        var mixed = await admin.CreateAccountAsync(name, [Roles.Auditor, Roles.Official], orgUnitId: tree.City.Id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("admin-roles-separated", await response.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mixed.StatusCode);
        Assert.Equal("admin-role-exclusive", await mixed.ProblemCodeAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_PasswordAgainstPolicy_Returns400OnPasswordField(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.Street);

        foreach (var weak in new[] { "Ab1!xyz", "abcdefgh1234", "ABCDEFGH!!!!" }) // too short; 2 classes; 2 classes
        {
            var name = AccountsTestData.NewUserName();
            var response = await admin.CreateAccountAsync(name, [Roles.CommunityWorker], orgUnitId: tree.Community.Id, password: weak);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["password"], await response.ErrorFieldsAsync());
            Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name)));
        }
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_MissingFields_Returns400PerField(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.Street);

        var noName = await admin.CreateAccountAsync("", [Roles.CommunityWorker], orgUnitId: tree.Community.Id);
        var badName = await admin.CreateAccountAsync("张 三", [Roles.CommunityWorker], orgUnitId: tree.Community.Id);
        var noRoles = await admin.CreateAccountAsync(AccountsTestData.NewUserName(), [], orgUnitId: tree.Community.Id);
        var unknownRole = await admin.CreateAccountAsync(AccountsTestData.NewUserName(), ["Mayor"], orgUnitId: tree.Community.Id);
        var noBinding = await admin.CreateAccountAsync(AccountsTestData.NewUserName(), [Roles.CommunityWorker]);

        Assert.Equal(["userName"], await noName.ErrorFieldsAsync());
        Assert.Equal(["userName"], await badName.ErrorFieldsAsync());
        Assert.Equal(["roles"], await noRoles.ErrorFieldsAsync());
        Assert.Equal(["roles"], await unknownRole.ErrorFieldsAsync());
        Assert.Equal(["orgUnitId"], await noBinding.ErrorFieldsAsync());
        Assert.All([noName, badName, noRoles, unknownRole, noBinding], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_TakenUserName_Returns409(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.Street);
        var name = AccountsTestData.NewUserName();
        Assert.Equal(HttpStatusCode.Created, (await admin.CreateAccountAsync(name, [Roles.GridWorker], orgUnitId: tree.Grid.Id)).StatusCode);

        var again = await admin.CreateAccountAsync(name.ToUpperInvariant(), [Roles.GridWorker], orgUnitId: tree.Grid.Id);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("user-name-taken", await again.ProblemCodeAsync());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_BindingOutsideOwnSubtree_Returns404(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var otherDistrict = await app.AddDistrictAsync(tree);
        var otherDept = await app.AddDepartmentAsync(tree.Street2);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.Street);

        var toUnit = await admin.CreateAccountAsync(AccountsTestData.NewUserName(), [Roles.Official], orgUnitId: otherDistrict.Id);
        var toParent = await admin.CreateAccountAsync(AccountsTestData.NewUserName(), [Roles.Official], orgUnitId: tree.District.Id);
        var toDept = await admin.CreateAccountAsync(AccountsTestData.NewUserName(), [Roles.DepartmentStaff], departmentId: otherDept.Id);

        Assert.Equal(HttpStatusCode.NotFound, toUnit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, toParent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, toDept.StatusCode);
    }
}
