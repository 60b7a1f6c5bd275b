using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Organization.OrgTestHelpers;

namespace Linli.Tests.Modules.Organization;

public sealed class DepartmentsTests(Apps apps)
{
    static async Task<JsonElement> CreateAsync(HttpClient admin, long unitId, string code, string name) =>
        await (await admin.PostAsJsonAsync("/api/v1/departments", new { orgUnitId = unitId, code, name }, Ct)).JsonAsync(HttpStatusCode.Created);

    static string UniqueCode(string stem) => $"{stem}-{Guid.NewGuid():N}"[..20];

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateDepartment_OfDistrict_Returns201WithUnitAndPath(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var code = UniqueCode("CG");

        var response = await admin.PostAsJsonAsync("/api/v1/departments", new { orgUnitId = tree.District.Id, code, name = "城管局", sortOrder = 2 }, Ct);

        var body = await response.JsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/departments/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal((tree.District.Id, tree.District.Name, code, "城管局", true),
            (body.GetProperty("orgUnitId").GetInt64(), body.GetProperty("orgUnitName").GetString(), body.GetProperty("code").GetString(),
             body.GetProperty("name").GetString(), body.GetProperty("active").GetBoolean()));
        Assert.Equal(tree.District.OrgPath, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Departments.Where(d => d.Id == id).Select(d => d.OrgPath))));
        Assert.Equal(1, await app.AuditCountAsync("Department.Create", id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ListDepartments_StreetOfficial_SeesOnlyDepartmentsInTheirSubtree(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var bureau = await CreateAsync(admin, tree.District.Id, UniqueCode("MZ"), "民政局");
        var office = await CreateAsync(admin, tree.Street.Id, UniqueCode("JB"), "街道办");
        var official = await app.ClientAsync(Roles.Official, tree.Street);

        var mine = await (await official.GetAsync("/api/v1/departments", Ct)).JsonAsync(HttpStatusCode.OK);
        var all = await (await admin.GetAsync($"/api/v1/departments?orgUnitId={tree.District.Id}", Ct)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal([office.GetProperty("id").GetInt64()], mine.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal([bureau.GetProperty("id").GetInt64()], all.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/departments/{bureau.GetProperty("id").GetInt64()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/api/v1/departments?orgUnitId={tree.District.Id}", Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task UpdateAndDeactivateDepartment_ChangeNameCodeAndActive(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var id = (await CreateAsync(admin, tree.Street.Id, UniqueCode("RS"), "人社所")).GetProperty("id").GetInt64();
        var newCode = UniqueCode("RSS");

        var updated = await (await admin.PatchAsJsonAsync($"/api/v1/departments/{id}", new { name = "人社服务所", code = newCode }, Ct)).JsonAsync(HttpStatusCode.OK);
        var deactivated = await (await admin.PostAsync($"/api/v1/departments/{id}/deactivate", null, Ct)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("人社服务所", newCode), (updated.GetProperty("name").GetString(), updated.GetProperty("code").GetString()));
        Assert.False(deactivated.GetProperty("active").GetBoolean());
        Assert.Equal(1, await app.AuditCountAsync("Department.Deactivate", id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateDepartment_MissingNameBadCode_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var body = await (await admin.PostAsJsonAsync("/api/v1/departments", new { orgUnitId = tree.Street.Id, code = "有 空格" }, Ct)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.True(body.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateDepartment_DuplicateCode_Returns409(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var code = UniqueCode("GA");
        await CreateAsync(admin, tree.District.Id, code, "公安分局");

        var response = await admin.PostAsJsonAsync("/api/v1/departments", new { orgUnitId = tree.Street.Id, code, name = "派出所" }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "code");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateDepartment_InAnotherCity_Returns404(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsJsonAsync("/api/v1/departments", new { orgUnitId = other.District.Id, code = UniqueCode("X"), name = "越界局" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DepartmentWrites_AsDistrictOfficial_Return403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var id = (await CreateAsync(admin, tree.District.Id, UniqueCode("WJ"), "卫健局")).GetProperty("id").GetInt64();
        var official = await app.ClientAsync(Roles.Official, tree.District);

        var create = await official.PostAsJsonAsync("/api/v1/departments", new { orgUnitId = tree.District.Id, code = UniqueCode("Y"), name = "某局" }, Ct);
        var update = await official.PatchAsJsonAsync($"/api/v1/departments/{id}", new { name = "改" }, Ct);
        var deactivate = await official.PostAsync($"/api/v1/departments/{id}/deactivate", null, Ct);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { create.StatusCode, update.StatusCode, deactivate.StatusCode });
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync($"/api/v1/departments/{id}", Ct)).StatusCode);
    }
}
