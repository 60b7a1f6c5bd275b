using System.Net;
using System.Text.Json;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Residents;

// Tag definitions are city-wide configuration shared by every test of the run: each test makes its own codes and
// names, and never changes a built-in tag for good.
public sealed class TagDefinitionsTests(Apps apps)
{
    static (string Code, string NameZh) Fresh(string stem)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return ($"{stem}-{suffix}", $"{stem}标签{suffix}");
    }

    static async Task<HttpClient> AdminAsync(LinliApp app, TestTree tree) => await app.ClientAsync(Roles.SystemAdmin, tree.City);

    static JsonElement Find(JsonElement list, string code) =>
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_ByCityAdmin_Returns201_ListedAndUsableByWorkers(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var admin = await AdminAsync(app, home.Tree);
        var (code, name) = Fresh("shidu");

        var created = await admin.SendAsync(HttpMethod.Post, "/api/v1/resident-tags", new { code, nameZh = name, nameEn = "Bereaved parents", sortOrder = 300 });
        var resident = (await home.AddResidentAsync("定义甲", TestIds.New(new DateOnly(1960, 3, 3)))).Id();
        var tagged = await home.Worker.SendAsync(HttpMethod.Post, $"/api/v1/residents/{resident}/tags", new { code, source = "走访" });
        var catalogue = await home.Worker.GetJsonAsync("/api/v1/resident-tags");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal((code, name, false, false, true, 300), (created.Body.GetProperty("code").GetString(), created.Body.GetProperty("nameZh").GetString(),
            created.Body.GetProperty("builtIn").GetBoolean(), created.Body.GetProperty("sensitive").GetBoolean(),
            created.Body.GetProperty("active").GetBoolean(), created.Body.GetProperty("sortOrder").GetInt32()));
        Assert.Equal(name, Find(catalogue, code).GetProperty("nameZh").GetString());
        Assert.Equal(HttpStatusCode.Created, tagged.Status);
        var audit = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "TagDefinition.Create" && a.ObjectId == code).CountAsync());
        Assert.Equal(1, audit);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_DuplicateCodeOrName_Returns409(Provider provider)
    {
        var app = await apps.For(provider);
        var admin = await AdminAsync(app, await app.CreateTreeAsync());
        var (code, name) = Fresh("dup");
        await admin.PostOkAsync("/api/v1/resident-tags", new { code, nameZh = name, nameEn = "Dup" });

        var sameCode = await admin.SendAsync(HttpMethod.Post, "/api/v1/resident-tags", new { code, nameZh = name + "二", nameEn = "Dup 2" });
        var sameName = await admin.SendAsync(HttpMethod.Post, "/api/v1/resident-tags", new { code = code + "-2", nameZh = name, nameEn = "Dup 3" });
        var builtInCode = await admin.SendAsync(HttpMethod.Post, "/api/v1/resident-tags", new { code = TagCodes.Dibao, nameZh = name + "三", nameEn = "Dup 4" });

        Assert.Equal(HttpStatusCode.Conflict, sameCode.Status);
        Assert.Equal("tag.code-taken", sameCode.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, sameName.Status);
        Assert.Equal("tag.name-taken", sameName.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, builtInCode.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_BadCodeOrMissingName_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var admin = await AdminAsync(app, await app.CreateTreeAsync());

        var upper = await admin.SendAsync(HttpMethod.Post, "/api/v1/resident-tags", new { code = "Bad-Code", nameZh = "坏代码甲", nameEn = "Bad" });
        var spaces = await admin.SendAsync(HttpMethod.Post, "/api/v1/resident-tags", new { code = "bad code", nameZh = "坏代码乙", nameEn = "Bad" });
        var hyphen = await admin.SendAsync(HttpMethod.Post, "/api/v1/resident-tags", new { code = "-bad", nameZh = "坏代码丙", nameEn = "Bad" });
        var noName = await admin.SendAsync(HttpMethod.Post, "/api/v1/resident-tags", new { code = Fresh("noname").Code, nameEn = "No name" });

        foreach (var r in new[] { upper, spaces, hyphen })
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Single(r.Body.Errors("code"));
        }
        Assert.Equal(HttpStatusCode.BadRequest, noName.Status);
        Assert.Single(noName.Body.Errors("nameZh"));
        Assert.Empty(noName.Body.Errors("code"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Update_Rename_ChangesNameSortAndAudits_UnknownCode404(Provider provider)
    {
        var app = await apps.For(provider);
        var admin = await AdminAsync(app, await app.CreateTreeAsync());
        var (code, name) = Fresh("rename");
        await admin.PostOkAsync("/api/v1/resident-tags", new { code, nameZh = name, nameEn = "Before" });

        var renamed = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{code}", new { nameZh = name + "新", nameEn = "After", sortOrder = 7 });
        var blank = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{code}", new { nameZh = " " });
        var unknown = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{code}-none", new { nameZh = "无此标签" });

        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal((name + "新", "After", 7), (renamed.Body.GetProperty("nameZh").GetString(), renamed.Body.GetProperty("nameEn").GetString(),
            renamed.Body.GetProperty("sortOrder").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Single(blank.Body.Errors("nameZh"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        var stored = await app.WithDbAsync(db => db.TagDefinitions.SingleAsync(d => d.Code == code));
        Assert.Equal((name + "新", "After", 7), (stored.NameZh, stored.NameEn, stored.SortOrder));
        var audit = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "TagDefinition.Update" && a.ObjectId == code).Select(a => a.After).ToListAsync());
        Assert.Contains("After", Assert.Single(audit));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Deactivate_TagCannotBeAdded_ExistingAssignmentsStayReadable(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var admin = await AdminAsync(app, home.Tree);
        var (code, name) = Fresh("retired");
        await admin.PostOkAsync("/api/v1/resident-tags", new { code, nameZh = name, nameEn = "Retired tag" });
        var first = (await home.AddResidentAsync("停用甲", TestIds.New(new DateOnly(1970, 5, 5)))).Id();
        var second = (await home.AddResidentAsync("停用乙", TestIds.New(new DateOnly(1971, 5, 5)))).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{first}/tags", new { code, source = "走访" });

        var off = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{code}", new { active = false });
        var refused = await home.Worker.SendAsync(HttpMethod.Post, $"/api/v1/residents/{second}/tags", new { code });
        var card = await home.Worker.GetJsonAsync($"/api/v1/residents/{first}");
        var page = await home.Worker.GetPageAsync($"/residents/{second}");
        var on = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{code}", new { active = true });
        var again = await home.Worker.SendAsync(HttpMethod.Post, $"/api/v1/residents/{second}/tags", new { code });

        Assert.Equal(HttpStatusCode.OK, off.Status);
        Assert.False(off.Body.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("tag.inactive", refused.Body.GetProperty("code").GetString());
        Assert.Contains(card.GetProperty("tags").EnumerateArray(), t => t.GetProperty("code").GetString() == code && t.GetProperty("name").GetString() == name);
        Assert.DoesNotContain($"value=\"{code}\"", page.Html);              // not offered in the card's add form
        Assert.Equal(HttpStatusCode.OK, on.Status);
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "TagDefinition.Deactivate" && a.ObjectId == code)));
    }

    // Built-in tags are shared by every test: each refused change leaves them as they were.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Update_BuiltInRules_Refused422(Provider provider)
    {
        var app = await apps.For(provider);
        var admin = await AdminAsync(app, await app.CreateTreeAsync());
        var (code, name) = Fresh("fixed");
        await admin.PostOkAsync("/api/v1/resident-tags", new { code, nameZh = name, nameEn = "Fixed" });

        var recode = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{TagCodes.Dibao}", new { code = "dibao-2" });
        var recodeCustom = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{code}", new { code = code + "-x" });
        var lower = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{TagCodes.Dibao}", new { sensitive = false });
        var offDerived = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{TagCodes.Elderly60}", new { active = false });
        var notDerived = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{TagCodes.Floating}", new { derived = false });
        var makeDerived = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{code}", new { derived = true });
        var sameCode = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{TagCodes.Dibao}", new { code = TagCodes.Dibao, sensitive = true });

        foreach (var (r, rule) in new[] { (recode, "tag.code-fixed"), (recodeCustom, "tag.code-fixed"), (lower, "tag.sensitivity-lowered"),
                     (offDerived, "tag.derived-active"), (notDerived, "tag.derived-fixed"), (makeDerived, "tag.derived-fixed") })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
            Assert.Equal(rule, r.Body.GetProperty("code").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, sameCode.Status);                    // the unchanged code and sensitivity may be sent
        var (dibao, elderly) = await app.WithDbAsync(async db => (await db.TagDefinitions.SingleAsync(d => d.Code == TagCodes.Dibao),
            await db.TagDefinitions.SingleAsync(d => d.Code == TagCodes.Elderly60)));
        Assert.True(dibao.Sensitive);
        Assert.True(elderly.Active);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task SensitiveCustomTag_GridWorkerWithoutGrant_DoesNotSeeThatItExists(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var admin = await AdminAsync(app, home.Tree);
        var (code, name) = Fresh("secret");
        await admin.PostOkAsync("/api/v1/resident-tags", new { code, nameZh = name, nameEn = "Secret", sensitive = true });
        var resident = (await home.AddResidentAsync("机密甲", TestIds.New(new DateOnly(1975, 6, 6)))).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{resident}/tags", new { code, source = "公安" });
        var grid = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);

        var catalogue = await grid.SendAsync(HttpMethod.Get, "/api/v1/resident-tags");
        var card = await grid.SendAsync(HttpMethod.Get, $"/api/v1/residents/{resident}");
        var list = await grid.SendAsync(HttpMethod.Get, "/api/v1/residents?name=机密甲");
        var filtered = await grid.GetJsonAsync($"/api/v1/residents?tag={code}");
        var page = await grid.GetPageAsync($"/residents/{resident}");
        var add = await grid.SendAsync(HttpMethod.Post, $"/api/v1/residents/{resident}/tags", new { code });
        var workerCard = await home.Worker.GetJsonAsync($"/api/v1/residents/{resident}");

        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var text in new[] { catalogue.Text, card.Text, list.Text, page.Html })
        {
            Assert.DoesNotContain(code, text);
            Assert.DoesNotContain(name, text);
            Assert.DoesNotContain("公安", text);
        }
        Assert.Contains("机密甲", page.Html);
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, add.Status);             // as for a tag that does not exist
        var seen = Assert.Single(workerCard.GetProperty("tags").EnumerateArray(), t => t.GetProperty("code").GetString() == code);
        Assert.True(seen.GetProperty("sensitive").GetBoolean());
        Assert.Contains(workerCard.GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "tag:" + code);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task MadeSensitiveLater_HistoryHidesTooFromGridWorker(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var admin = await AdminAsync(app, home.Tree);
        var (code, name) = Fresh("later");
        await admin.PostOkAsync("/api/v1/resident-tags", new { code, nameZh = name, nameEn = "Later" });
        var resident = (await home.AddResidentAsync("后敏甲", TestIds.New(new DateOnly(1976, 6, 6)))).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{resident}/tags", new { code });
        var grid = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);
        var before = await grid.SendAsync(HttpMethod.Get, $"/api/v1/residents/{resident}");

        var raised = await admin.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{code}", new { sensitive = true });
        var after = await grid.SendAsync(HttpMethod.Get, $"/api/v1/residents/{resident}");

        Assert.Contains(code, before.Text);
        Assert.Equal(HttpStatusCode.OK, raised.Status);
        Assert.DoesNotContain(code, after.Text);
        Assert.DoesNotContain(name, after.Text);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Manage_NonAdminRoles403_DistrictAdmin403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var body = new { code = Fresh("nope").Code, nameZh = Fresh("nope").NameZh, nameEn = "Nope" };
        var clients = new[]
        {
            await app.ClientAsync(Roles.CommunityWorker, tree.Community), await app.ClientAsync(Roles.Official, tree.City),
            await app.ClientAsync(Roles.SecurityAdmin, tree.City), await app.ClientAsync(Roles.Auditor, tree.City),
        };
        var districtAdmin = await app.ClientAsync(Roles.SystemAdmin, tree.District);

        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/api/v1/resident-tags", body)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Patch, $"/api/v1/resident-tags/{TagCodes.Unemployed}", new { sortOrder = 1 })).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync("/admin/resident-tags")).Status);
        }
        var district = await districtAdmin.SendAsync(HttpMethod.Post, "/api/v1/resident-tags", body);
        Assert.Equal(HttpStatusCode.Forbidden, district.Status);
        Assert.Equal("tag.city-admin-only", district.Body.GetProperty("code").GetString());
        Assert.False(await app.WithDbAsync(db => db.TagDefinitions.AnyAsync(d => d.Code == body.code)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task AdminPage_ListsAllTags_CreateEditAndDeactivateForms(Provider provider)
    {
        var app = await apps.For(provider);
        var admin = await AdminAsync(app, await app.CreateTreeAsync());
        var (code, name) = Fresh("page");

        var list = await admin.GetPageAsync("/admin/resident-tags");
        var created = await admin.PostFormAsync("/admin/resident-tags", "tag-create", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.NameZh"] = name, ["Input.NameEn"] = "Page tag", ["Input.SortOrder"] = "450", ["Input.Sensitive"] = "true",
        });
        var badCode = await admin.PostFormAsync("/admin/resident-tags", "tag-create", new Dictionary<string, string>
        {
            ["Input.Code"] = "Bad Code", ["Input.NameZh"] = name + "坏", ["Input.NameEn"] = "Bad",
        });
        var duplicate = await admin.PostFormAsync("/admin/resident-tags", "tag-create", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.NameZh"] = name + "重", ["Input.NameEn"] = "Again",
        });
        var edited = await admin.PostFormAsync($"/admin/resident-tags/{code}", "tag-edit", new Dictionary<string, string> { ["Input.NameZh"] = name + "改" });
        var deactivated = await admin.PostFormAsync("/admin/resident-tags", $"tag-toggle-{code}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("低保对象", list.Html);                          // sensitive built-ins listed for the admin
        Assert.Contains("tag-create", list.Html);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal(HttpStatusCode.OK, badCode.Status);
        Assert.Contains("标签代码的格式不正确", badCode.Html);
        Assert.Contains("Bad Code", badCode.Html);                       // what was typed is kept
        Assert.Contains($"标签代码 {code} 已被使用", duplicate.Html);
        Assert.Contains(name + "重", duplicate.Html);
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.Status);
        var stored = await app.WithDbAsync(db => db.TagDefinitions.SingleAsync(d => d.Code == code));
        Assert.Equal((name + "改", "Page tag", 450, true, false, false), (stored.NameZh, stored.NameEn, stored.SortOrder, stored.Sensitive, stored.Active, stored.BuiltIn));
    }
}
