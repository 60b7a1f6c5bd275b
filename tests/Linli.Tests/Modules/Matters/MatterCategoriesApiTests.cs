using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters;

// Categories are one city-wide tree shared by parallel tests: every test creates codes of its own.
public sealed class MatterCategoriesApiTests(Apps apps)
{
    static string NewCode(string prefix) => $"test.{prefix}.{Guid.NewGuid():N}";

    static object Category(string code, string name = "测试分类", int? parentId = null, string level = "Street", double acceptHours = 4, int resolveDays = 5) =>
        new { code, name, parentId, handlingLevel = level, responsibleDepartment = "城管", acceptHours, resolveDays };

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Tree_AsGridWorker_ListsSeededTopLevelWithChildren(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.GridWorker, tree.Community);

        var body = await worker.GetJsonAsync("/api/v1/matter-categories");

        var top = body.GetProperty("items").EnumerateArray().ToDictionary(n => n.GetProperty("code").GetString()!);
        foreach (var code in new[] { "city.env", "city.property", "city.security", "city.dispute", "city.elderly", "city.aid", "city.jobs", "city.repair" })
            Assert.InRange(top[code].GetProperty("children").GetArrayLength(), 2, 5);
        var dibao = top["city.aid"].GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "city.aid.dibao");
        Assert.Equal("低保申请", dibao.GetProperty("name").GetString());
        Assert.Equal("Street", dibao.GetProperty("handlingLevel").GetString());
        Assert.Equal("民政", dibao.GetProperty("responsibleDepartment").GetString());
        Assert.Equal(20, dibao.GetProperty("resolveDays").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_UnderSeededParent_Returns201AndAppearsInTheTreeAudited(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);
        var parentId = await app.WithDbAsync(db => db.MatterCategories.Where(c => c.Code == "city.env").Select(c => c.Id).SingleAsync(Ct));
        var code = NewCode("create");

        var (status, body, text) = await admin.SendAsync(HttpMethod.Post, "/api/v1/matter-categories", Category(code, "油烟扰民", parentId, "District", 2, 7));

        Assert.True(status == HttpStatusCode.Created, text);
        var id = body.GetProperty("id").GetInt32();
        var saved = await app.WithDbAsync(db => db.MatterCategories.SingleAsync(c => c.Id == id, Ct));
        Assert.Equal(("油烟扰民", parentId, 2.0, 7), (saved.Name, saved.ParentId, saved.AcceptHours, saved.ResolveDays));
        var listed = (await admin.GetJsonAsync("/api/v1/matter-categories")).GetProperty("items").EnumerateArray()
            .Single(n => n.GetProperty("code").GetString() == "city.env").GetProperty("children").EnumerateArray();
        Assert.Contains(listed, c => c.GetProperty("code").GetString() == code);
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "MatterCategory.Create" && a.ObjectId == id.ToString(), Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_BadFieldsOrMissingParent_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);

        var bad = await admin.SendAsync(HttpMethod.Post, "/api/v1/matter-categories", Category("bad code!", "", null, "Planet", 0, -1));
        var orphan = await admin.SendAsync(HttpMethod.Post, "/api/v1/matter-categories", Category(NewCode("orphan"), parentId: 999_999));

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        foreach (var field in new[] { "code", "name", "handlingLevel", "acceptHours", "resolveDays" }) Assert.NotEmpty(bad.Body.Errors(field));
        Assert.Equal(HttpStatusCode.BadRequest, orphan.Status);
        Assert.NotEmpty(orphan.Body.Errors("parentId"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_DuplicateCode_Returns409(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);

        var (status, _, text) = await admin.SendAsync(HttpMethod.Post, "/api/v1/matter-categories", Category("city.env.litter"));

        Assert.True(status == HttpStatusCode.Conflict, text);
        Assert.Contains("matter-category.code-taken", text);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_MoveUnderOwnChild_Returns422_AndPlainEditSucceeds(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);
        var parent = (await admin.PostOkAsync("/api/v1/matter-categories", Category(NewCode("p")))).GetProperty("id").GetInt32();
        var child = (await admin.PostOkAsync("/api/v1/matter-categories", Category(NewCode("c"), parentId: parent))).GetProperty("id").GetInt32();

        var cycle = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/matter-categories/{parent}", new { parentId = child });
        var self = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/matter-categories/{parent}", new { parentId = parent });
        var edit = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/matter-categories/{child}", new { resolveDays = 9, active = false });
        var missing = await admin.SendAsync(HttpMethod.Patch, "/api/v1/matter-categories/999999", new { resolveDays = 9 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.Status);
        Assert.True(edit.Status == HttpStatusCode.OK, edit.Text);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        var saved = await app.WithDbAsync(db => db.MatterCategories.SingleAsync(c => c.Id == child, Ct));
        Assert.Equal((9, false, parent), (saved.ResolveDays, saved.Active, saved.ParentId!.Value));
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "MatterCategory.Update" && a.ObjectId == child.ToString(), Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CreateAndPatch_AsOfficial_Return403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var official = await app.ClientAsync(Roles.Official, tree.Street);
        var code = NewCode("denied");

        var create = await official.SendAsync(HttpMethod.Post, "/api/v1/matter-categories", Category(code));
        var patch = await official.SendAsync(HttpMethod.Patch, "/api/v1/matter-categories/1", new { resolveDays = 99 });

        Assert.Equal(HttpStatusCode.Forbidden, create.Status);
        Assert.Equal(HttpStatusCode.Forbidden, patch.Status);
        Assert.False(await app.WithDbAsync(db => db.MatterCategories.AnyAsync(c => c.Code == code, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CategoriesPage_AddsACategory(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);
        var code = NewCode("page");
        var (_, list, _) = await admin.GetPageAsync("/admin/matter-categories");
        Assert.Contains("低保申请", list);

        var (status, html, _) = await admin.PostFormAsync("/admin/matter-categories", "matter-category", new Dictionary<string, string>
        {
            ["Input.Name"] = "楼道堆物", ["Input.Code"] = code, ["Input.ParentId"] = "0", ["Input.HandlingLevel"] = "Community",
            ["Input.ResponsibleDepartment"] = "物业", ["Input.AcceptHours"] = "3", ["Input.ResolveDays"] = "4",
        });

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, html);
        var saved = await app.WithDbAsync(db => db.MatterCategories.SingleAsync(c => c.Code == code, Ct));
        Assert.Equal(("楼道堆物", 3.0, 4, "物业"), (saved.Name, saved.AcceptHours, saved.ResolveDays, saved.ResponsibleDepartment));
        var (dupStatus, dupHtml, _) = await admin.PostFormAsync("/admin/matter-categories", "matter-category", new Dictionary<string, string>
        {
            ["Input.Name"] = "重复", ["Input.Code"] = code, ["Input.ParentId"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, dupStatus);
        Assert.Contains("分类编码已被使用", dupHtml);
        Assert.Contains("value=\"重复\"", dupHtml);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CategoriesPage_EditsAnExistingCategory(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);
        var id = (await admin.PostOkAsync("/api/v1/matter-categories", Category(NewCode("edit"), "路面积水"))).GetProperty("id").GetInt32();
        var (_, form, _) = await admin.GetPageAsync($"/admin/matter-categories?edit={id}");
        Assert.Contains("value=\"路面积水\"", form);

        var (status, html, _) = await admin.PostFormAsync($"/admin/matter-categories?edit={id}", "matter-category", new Dictionary<string, string>
        {
            ["Input.Name"] = "道路积水", ["Input.ResolveDays"] = "2", ["Input.HandlingLevel"] = "District",
        });

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, html);
        var saved = await app.WithDbAsync(db => db.MatterCategories.SingleAsync(c => c.Id == id, Ct));
        Assert.Equal(("道路积水", 2, Linli.Modules.Matters.Categories.HandlingLevel.District, "城管"), (saved.Name, saved.ResolveDays, saved.HandlingLevel, saved.ResponsibleDepartment));
    }
}
