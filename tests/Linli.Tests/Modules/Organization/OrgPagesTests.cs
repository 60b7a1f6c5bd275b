using System.Net;
using System.Text;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Organization.OrgTestHelpers;

namespace Linli.Tests.Modules.Organization;

public sealed class OrgPagesTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task TreePage_Admin_ShowsTheWholeTreeAsNestedListsAndNoOtherCity(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var html = await admin.HtmlAsync("/org-units");

        Assert.Contains("<details", html);
        foreach (var unit in new[] { tree.City, tree.District, tree.Street, tree.Community, tree.Community2, tree.Grid, tree.Street2, tree.Community3 })
            Assert.Contains($"href=\"/org-units/{unit.Id}\"", html);
        Assert.DoesNotContain($"href=\"/org-units/{other.City.Id}\"", html);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task TreePage_StreetOfficial_IsForbidden(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var official = await app.ClientAsync(Roles.Official, tree.Street);

        var response = await official.GetAsync("/org-units", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(tree.Community.Name, await response.BodyAsync());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DetailPage_UnitOfAnotherCity_Returns404WithoutItsName(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.GetAsync($"/org-units/{other.Street.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(other.Street.Name, await response.BodyAsync());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DetailPage_CreateChildForm_CreatesACommunityAndRedirects(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var code = $"{tree.Prefix()}01001006";

        var response = await admin.PostFormAsync($"/org-units/{tree.Street.Id}", "org-create-child",
            new() { ["Input.Code"] = code, ["Input.Name"] = "表单社区", ["Input.SortOrder"] = "3" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/org-units/{tree.Street.Id}?done=created", response.Headers.Location?.OriginalString);
        var created = await app.WithDbAsync(db => db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == code));
        Assert.Equal(("表单社区", tree.Street.Id, 3), (created.Name, created.ParentId!.Value, created.SortOrder));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DetailPage_CreateChildWithAnotherStreetsCode_ShowsTheRuleAndKeepsTheInput(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostFormAsync($"/org-units/{tree.Street.Id}", "org-create-child",
            new() { ["Input.Code"] = $"{tree.Prefix()}01002006", ["Input.Name"] = "错码社区", ["Input.SortOrder"] = "0" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("alert-danger", html);
        Assert.Contains($"前 9 位须与上级单位代码一致（{tree.Street.Code[..9]}）", html);
        Assert.Contains("value=\"错码社区\"", html);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DetailPage_MissingName_ShowsTheValidationMessage(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostFormAsync($"/org-units/{tree.Community.Id}", "org-rename",
            new() { ["Input.Name"] = "", ["Input.Code"] = tree.Community.Code, ["Input.SortOrder"] = "0" });

        Assert.Contains("请填写单位名称。", await response.BodyAsync());
        Assert.Equal(tree.Community.Name, (await app.UnitAsync(tree.Community.Id)).Name);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DetailPage_MoveFormByCode_MovesTheCommunityAndTheBreadcrumbFollows(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostFormAsync($"/org-units/{tree.Community2.Id}", "org-move",
            new() { ["Input.NewParentId"] = "", ["Input.NewParentCode"] = tree.Street2.Code });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await admin.HtmlAsync($"/org-units/{tree.Community2.Id}?done=moved");
        Assert.Contains($"href=\"/org-units/{tree.Street2.Id}\">{tree.Street2.Name}", html);
        Assert.Equal(tree.Street2.Id, (await app.UnitAsync(tree.Community2.Id)).ParentId);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DetailPage_DeactivateWithActiveChildren_ShowsWhy(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostFormAsync($"/org-units/{tree.Community.Id}", "org-deactivate", new() { ["Input.Confirm"] = "true" });

        Assert.Contains("个启用中的下级单位", await response.BodyAsync());
        Assert.True((await app.UnitAsync(tree.Community.Id)).Active);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ImportPage_GbkCsvWithAnUnknownParent_ShowsTheErrorTableAndImportsNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = $"代码,名称,层级,上级代码\n{tree.Community2.Code}001,好网格,网格,{tree.Community2.Code}\n{tree.Community2.Code}002,坏网格,网格,{tree.Prefix()}99999999\n";

        var response = await admin.PostFileAsync("/org-units/import", "org-import", "ImportFile", Encoding.GetEncoding(936).GetBytes(csv), "grids.csv");

        var html = await response.BodyAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"import-errors\"", html);
        Assert.Contains($"上级代码 {tree.Prefix()}99999999 不存在", html);
        Assert.Contains("/api/v1/org-units/import/reports/", html);
        Assert.False(await app.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Code == $"{tree.Community2.Code}001")));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ImportPage_GoodCsv_ReportsTheCount(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var csv = $"代码,名称,层级,上级代码\n{tree.Community3.Code}001,丙一网格,网格,{tree.Community3.Code}\n";

        var response = await admin.PostFileAsync("/org-units/import", "org-import", "ImportFile", Encoding.UTF8.GetBytes(csv), "grids.csv");

        Assert.Contains("已导入 1 个单位。", await response.BodyAsync());
        Assert.True(await app.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Code == $"{tree.Community3.Code}001")));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DepartmentsPage_CreateForm_CreatesAndOpensTheDepartment(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var code = $"MZ-{Guid.NewGuid():N}"[..16];

        var response = await admin.PostFormAsync("/departments", "department-create",
            new() { ["Input.OrgUnitId"] = tree.District.Id.ToString(), ["Input.Code"] = code, ["Input.Name"] = "民政局", ["Input.SortOrder"] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.WithDbAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
        Assert.EndsWith($"/departments/{id}?done=created", response.Headers.Location?.OriginalString);
        Assert.Contains("民政局", await admin.HtmlAsync($"/departments/{id}"));
    }
}
