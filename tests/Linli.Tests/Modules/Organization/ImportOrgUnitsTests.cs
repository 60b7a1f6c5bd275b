using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Linli.Tests.Modules.Organization.OrgTestHelpers;

namespace Linli.Tests.Modules.Organization;

public sealed class ImportOrgUnitsTests(Apps apps)
{
    static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync("/api/v1/org-units/import", new MultipartFormDataContent { { file, "file", fileName } }, Ct);
    }

    static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936).GetBytes(text);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_GbkCsv_ImportsEveryRowUnderTheRightParents(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var p = tree.Prefix();
        var csv = $"代码,名称,层级,上级代码,排序\r\n{p}01003000,和平街道,街道,{tree.District.Code},1\r\n" +
                  $"{p}01003001,\"幸福社区,东\",社区,{p}01003000,2\r\n{p}01003001001,幸福第一网格,网格,{p}01003001,\r\n";

        var body = await (await UploadAsync(admin, Gbk(csv), "组织.csv")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        var units = await app.WithDbAsync(db => db.OrgUnits.AsNoTracking().Where(u => u.Code.StartsWith($"{p}01003")).OrderBy(u => u.Level).ToListAsync());
        Assert.Equal(["和平街道", "幸福社区,东", "幸福第一网格"], units.Select(u => u.Name));
        Assert.Equal([OrgLevel.Street, OrgLevel.Community, OrgLevel.Grid], units.Select(u => u.Level));
        Assert.Equal($"{tree.District.OrgPath}{units[0].Id}/", units[0].OrgPath);
        Assert.Equal($"{units[0].OrgPath}{units[1].Id}/", units[1].OrgPath);
        Assert.Equal($"{units[1].OrgPath}{units[2].Id}/", units[2].OrgPath);
        Assert.Equal((tree.District.Id, 2), (units[0].ParentId!.Value, units[1].SortOrder));
        var audited = await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "OrgUnit.Import" && a.After!.Contains($"{p}01003")));
        Assert.Equal(3, audited);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_Utf8CsvWithBomAndEnglishHeaders_Imports(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var csv = $"code,name,level,parentCode,sortOrder\n{tree.Community2.Code}001,东园网格,Grid,{tree.Community2.Code},3\n";

        var response = await UploadAsync(admin, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "grids.CSV");

        Assert.Equal(1, (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("imported").GetInt32());
        Assert.Equal("东园网格", await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == $"{tree.Community2.Code}001").Select(u => u.Name).SingleAsync()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_XlsxWithBadRows_RejectsTheWholeFileWithARowByRowReport(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var p = tree.Prefix();
        var goodStreet = $"{p}01004000";
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(new[]
        {
            Row(long.Parse(goodStreet), "好街道", "街道", tree.District.Code),       // 2: fine (a numeric cell)
            Row($"{p}01004001", "孤儿社区", "社区", "999999999999"),                 // 3: unknown parent
            Row($"{p}01004001001", "越级网格", "网格", goodStreet),                  // 4: grid under a street
            Row(goodStreet, "重复街道", "街道", tree.District.Code),                 // 5: same code as row 2
            Row(tree.Community2.Code, "已有社区", "社区", tree.Street.Code),          // 6: code already in the database
            Row($"{p}01004002", "", "社区", goodStreet),                            // 7: no name
        });

        var response = await UploadAsync(admin, xlsx.ToArray(), "tree.xlsx");

        var problem = await response.JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "parentCode"), (4, "level"), (5, "code"), (6, "code"), (7, "name")], errors);
        Assert.False(await app.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Code.StartsWith($"{p}01004"))));

        var report = await admin.GetAsync(problem.GetProperty("report").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var reportRows = MiniExcel.Query(await report.Content.ReadAsStreamAsync(Ct), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([3, 4, 5, 6, 7], reportRows.Select(r => Convert.ToInt32(r["行号"], System.Globalization.CultureInfo.InvariantCulture)));
        var otherAdmin = await app.AdminAsync(tree);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(problem.GetProperty("report").GetString(), Ct)).StatusCode);
    }

    static Dictionary<string, object> Row(object code, string name, string level, string parentCode) =>
        new() { ["代码"] = code, ["名称"] = name, ["层级"] = level, ["上级代码"] = parentCode, ["排序"] = 0 };

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_ParentInAnotherCity_IsReportedAsUnknown(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);
        var csv = $"代码,名称,层级,上级代码\n{other.Community2.Code}009,越界网格,网格,{other.Community2.Code}\n";

        var problem = await (await UploadAsync(admin, Encoding.UTF8.GetBytes(csv), "x.csv")).JsonAsync(HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "parentCode"), (error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_MissingHeaderOrWrongType_Returns422ForTheFile(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var noHeader = await (await UploadAsync(admin, Encoding.UTF8.GetBytes("名称,层级\n甲,社区\n"), "x.csv")).JsonAsync(HttpStatusCode.UnprocessableEntity);
        var wrongType = await (await UploadAsync(admin, [1, 2, 3], "x.txt")).JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("file", Assert.Single(noHeader.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        Assert.Equal("file", Assert.Single(wrongType.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_WithoutFile_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.PostAsync("/api/v1/org-units/import", new MultipartFormDataContent { { new StringContent("x"), "other" } }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "file");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_InSystemScope_CreatesARootCityWithItsTree(Provider provider)
    {
        var app = await apps.For(provider);
        // Province 99 is never used by CreateTreeAsync; this is what `Linli.Web import-org FILE` runs.
        var csv = "代码,名称,层级,上级代码\n990100000000,根市,市,\n990101000000,根区,区,990100000000\n";
        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<Linli.Data.AppDbContext>();

        var result = await ImportOrgUnits.ExecuteAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "root.csv", Ct);

        Assert.Equal((2, 0), (result.Imported, result.Errors.Count));
        var city = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == "990100000000", Ct);
        Assert.Equal((null, $"/{city.Id}/"), (city.ParentId, city.OrgPath));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_RootCityAsCityAdmin_IsRejected(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var problem = await (await UploadAsync(admin, Encoding.UTF8.GetBytes("代码,名称,层级\n980100000000,别的市,市\n"), "x.csv")).JsonAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("parentCode", Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_AsStreetOfficial_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var official = await app.ClientAsync(Roles.Official, tree.Street);

        var response = await UploadAsync(official, Encoding.UTF8.GetBytes($"代码,名称,层级,上级代码\n{tree.Community2.Code}005,网格,网格,{tree.Community2.Code}\n"), "x.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ImportTemplate_AsAdmin_IsAnXlsxWithTheColumnHeaders(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.AdminAsync(tree);

        var response = await admin.GetAsync("/api/v1/org-units/import/template", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = MiniExcel.Query(await response.Content.ReadAsStreamAsync(Ct)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["代码", "名称", "层级", "上级代码", "排序"], Assert.Single(rows).Values.Select(v => v?.ToString()));
    }
}
