using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Modules.Organization;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Residents;

public sealed class ImportResidentsTests(Apps apps)
{
    internal const string Header = "姓名,身份证号码,性别,出生日期,民族,联系电话,户籍地,人口类型,人户状态,楼栋,单元,房号";

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync("/api/v1/residents/import", new MultipartFormDataContent { { file, "file", fileName } }, Ct);
    }

    internal static async Task<JsonElement> ImportOkAsync(HttpClient client, byte[] bytes, string fileName) =>
        await (await UploadAsync(client, bytes, fileName)).JsonAsync(HttpStatusCode.OK);

    internal static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936).GetBytes(text);
    }

    static byte[] Xlsx(IEnumerable<string[]> rows)
    {
        var header = Header.Split(',');
        var data = rows.Select(r => header.Select((h, i) => (h, v: (object?)(i < r.Length ? r[i] : null))).ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    static Task<List<Resident>> ResidentsAsync(LinliApp app, FieldProtector protector, params string[] ids)
    {
        var indexes = ids.Select(id => protector.IdNumberIndex(id)).ToList();
        return app.WithDbAsync(db => db.Residents.AsNoTracking().Where(r => indexes.Contains(r.IdNumberIndex!)).OrderBy(r => r.Name).ToListAsync());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_GbkCsv_ImportsEveryRowIntoItsHouse(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var protector = app.Services.GetRequiredService<FieldProtector>();
        var (a, b) = (TestIds.New(new DateOnly(1950, 3, 7), male: false), TestIds.New(new DateOnly(1985, 11, 2)));
        var phone = TestIds.Phone();
        var csv = $"{Header}\r\n王秀英,{a},女,1950-03-07,汉族,{phone},浙江省宁波市,户籍人口,人户一致,3幢,1,502\r\n" +
                  $"\"李,明\",{b},,,回族,,\"安徽省,合肥市\",流动人口,人在户不在,3幢,1单元,502室\r\n";

        var fileName = $"居民-{Guid.NewGuid():N}.csv";
        var body = await ImportOkAsync(home.Worker, Gbk(csv), fileName);

        Assert.Equal((2, 0, 0), (body.GetProperty("imported").GetInt32(), body.GetProperty("updated").GetInt32(), body.GetProperty("failed").GetInt32()));
        var saved = await ResidentsAsync(app, protector, a, b);
        Assert.Equal(["李,明", "王秀英"], saved.Select(r => r.Name));
        Assert.All(saved, r => Assert.Equal(home.HouseId, r.HouseId));
        Assert.All(saved, r => Assert.Equal(home.Tree.Grid.Id, r.OrgUnitId));
        Assert.Equal((ResidenceType.Floating, RegistrationMatch.PresentNotRegistered, "安徽省,合肥市", "回族"),
            (saved[0].ResidenceType, saved[0].RegistrationMatch, saved[0].RegistrationPlace, saved[0].Ethnicity));
        Assert.Equal(Masking.Phone(phone), saved[1].PhoneMasked);
        Assert.Equal(protector.PhoneIndex(phone), saved[1].PhoneIndex);
        Assert.Equal(new DateOnly(1985, 11, 2), saved[0].BirthDate);          // from the ID number
        var ids = saved.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audited = await app.WithDbAsync(db => db.AuditLog.CountAsync(x => x.ObjectType == "Resident" && ids.Contains(x.ObjectId!)));
        Assert.Equal(2, audited);
        var importEvent = await app.WithDbAsync(db => db.AuditLog.SingleAsync(x => x.Action == "Resident.Import" && x.After!.Contains(fileName)));
        Assert.Contains("\"imported\":2", importEvent.After);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_XlsxWithBadRows_ReportsThemPerRowAndImportsTheGoodOnes(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var protector = app.Services.GetRequiredService<FieldProtector>();
        var elsewhere = TestIds.New(new DateOnly(1970, 5, 5));
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community3);
        await outsider.CreateResidentAsync(new { name = "赵六", idNumber = elsewhere, orgUnitId = home.Tree.Community3.Id });
        var good = TestIds.New(new DateOnly(1990, 1, 1));
        var valid = TestIds.New(new DateOnly(1980, 1, 1));
        var wrongDigit = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var unknownHouse = TestIds.New(new DateOnly(1991, 1, 1));
        var badDate = TestIds.New(new DateOnly(1992, 1, 1));

        var body = await ImportOkAsync(home.Worker, Xlsx([
            ["张三", good, "", "", "汉族", "", "", "", "", "3幢", "1", "502"],          // row 2
            ["李四", wrongDigit, "", "", "", "", "", "", "", "3幢", "1", "502"],       // row 3
            ["张三", good, "", "", "", "", "", "", "", "3幢", "1", "502"],             // row 4
            ["王五", unknownHouse, "", "", "", "", "", "", "", "3幢", "1", "999"],     // row 5
            ["赵六", elsewhere, "", "", "", "", "", "", "", "3幢", "1", "502"],        // row 6
            ["钱七", badDate, "", "1992-02-30", "", "", "", "", "", "3幢", "1", "502"], // row 7
        ]), "居民.xlsx");

        Assert.Equal((1, 0, 5), (body.GetProperty("imported").GetInt32(), body.GetProperty("updated").GetInt32(), body.GetProperty("failed").GetInt32()));
        var errors = body.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([(3, "idNumber"), (4, "idNumber"), (5, "building"), (6, "idNumber"), (7, "birthDate")], errors.Select(e => (e.Item1, e.Item2)));
        Assert.Equal(IdNumber.Message(IdNumber.Problem.CheckDigit), errors[0].Item3);
        Assert.Contains("重复", errors[1].Item3);
        Assert.Contains("找不到房屋", errors[2].Item3);
        Assert.Contains("其他单位", errors[3].Item3);
        Assert.Contains("1992-02-30", errors[4].Item3);
        Assert.Equal(["张三"], (await ResidentsAsync(app, protector, good, unknownHouse, badDate)).Select(r => r.Name));

        var report = await home.Worker.GetAsync(body.GetProperty("report").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var reportRows = (await report.Content.ReadAsStreamAsync(Ct)).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([3.0, 4.0, 5.0, 6.0, 7.0], reportRows.Select(r => Convert.ToDouble(r["行号"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("身份证号码", reportRows[0]["列"]);
        var stranger = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(body.GetProperty("report").GetString(), Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_SameFileTwice_SecondChangesNothingAndWritesNoRowAudit(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var protector = app.Services.GetRequiredService<FieldProtector>();
        var (a, b) = (TestIds.New(new DateOnly(1960, 2, 2)), TestIds.New(new DateOnly(1962, 3, 3), male: false));
        var csv = Encoding.UTF8.GetBytes($"{Header}\n甲,{a},,,,{TestIds.Phone()},,,,3幢,1,502\n乙,{b},,,,,,,,3幢,1,502\n");
        await ImportOkAsync(home.Worker, csv, "a.csv");
        var ids = (await ResidentsAsync(app, protector, a, b)).Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Task<int> AuditRowsAsync() => app.WithDbAsync(db => db.AuditLog.CountAsync(x => (x.ObjectType == "Resident" || x.ObjectType == "ResidentChange") && ids.Contains(x.ObjectId!)));
        var before = await AuditRowsAsync();

        var again = await ImportOkAsync(home.Worker, csv, "a.csv");

        Assert.Equal((0, 0, 0), (again.GetProperty("imported").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("failed").GetInt32()));
        Assert.Equal(before, await AuditRowsAsync());

        var changed = await ImportOkAsync(home.Worker, Encoding.UTF8.GetBytes($"{Header}\n甲,{a},,,,,北京市,,,3幢,1,502\n"), "b.csv");
        Assert.Equal((0, 1), (changed.GetProperty("imported").GetInt32(), changed.GetProperty("updated").GetInt32()));
        Assert.Equal("北京市", (await ResidentsAsync(app, protector, a))[0].RegistrationPlace);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_FailureHalfway_LeavesNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var protector = app.Services.GetRequiredService<FieldProtector>();
        var ids = Enumerable.Range(0, 4).Select(i => TestIds.New(new DateOnly(1970 + i, 1, 1))).ToArray();
        var csv = Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", ids.Select((id, i) => $"人{i},{id},,,,,,,,3幢,1,502")));

        await Assert.ThrowsAsync<IOException>(() => app.WithDbAsync(async db =>
        {
            using var stream = new MemoryStream(csv);
            // A disk or network failure after both chunks of two rows were saved: the rows already written must go too.
            return await ResidentImport.ExecuteAsync(db, protector, TimeProvider.System, stream, "x.csv", Ct,
                afterChunk: lastRow => lastRow == 5 ? throw new IOException("disk gone") : Task.CompletedTask, chunkSize: 2);
        }));

        Assert.Empty(await ResidentsAsync(app, protector, ids));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_HouseOfAnotherCommunity_IsUnknown(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var grid3 = await app.CreateGridAsync(home.Tree.Community3);
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community3);
        var building = await outsider.PostOkAsync("/api/v1/buildings", new { communityId = home.Tree.Community3.Id, name = "9幢", floors = 6, unitCount = 1 });
        await outsider.PostOkAsync("/api/v1/houses", new { buildingId = building.Id(), gridId = grid3.Id, unitNumber = 1, floor = 1, roomNumber = "101" });

        var body = await ImportOkAsync(home.Worker, Encoding.UTF8.GetBytes($"{Header}\n孙八,{TestIds.New(new DateOnly(1975, 6, 6))},,,,,,,,9幢,1,101\n"), "c.csv");

        Assert.Equal((0, 1), (body.GetProperty("imported").GetInt32(), body.GetProperty("failed").GetInt32()));
        var error = body.GetProperty("errors")[0];
        Assert.Equal(("building", 2), (error.GetProperty("field").GetString(), error.GetProperty("row").GetInt32()));
        Assert.Contains("找不到房屋", error.GetProperty("message").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_NoFileOrWrongType_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();

        var empty = await home.Worker.PostAsync("/api/v1/residents/import", new MultipartFormDataContent { { new StringContent("x"), "other" } }, Ct);
        var wrongType = await UploadAsync(home.Worker, [1, 2, 3], "a.pdf");
        var noHeader = await UploadAsync(home.Worker, Encoding.UTF8.GetBytes("a,b\n1,2\n"), "a.csv");

        Assert.Single((await empty.JsonAsync(HttpStatusCode.BadRequest)).Errors("file"));
        Assert.Single((await wrongType.JsonAsync(HttpStatusCode.BadRequest)).Errors("file"));
        Assert.Contains("姓名", (await noHeader.JsonAsync(HttpStatusCode.BadRequest)).Errors("file")[0]);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_OfficialWithoutWrite_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var official = await app.ClientAsync(Roles.Official, tree.Street);

        var response = await UploadAsync(official, Encoding.UTF8.GetBytes(Header + "\n"), "a.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync(ImportResidents.TemplateUrl, Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Template_HasTheChineseHeaders(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();

        var response = await home.Worker.GetAsync(ImportResidents.TemplateUrl, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var header = (await response.Content.ReadAsStreamAsync(Ct)).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString());
        Assert.Equal(Header.Split(','), header);
    }
}
