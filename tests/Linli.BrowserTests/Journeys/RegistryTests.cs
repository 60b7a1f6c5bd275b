using System.Globalization;
using System.Text;
using Linli.BrowserTests.Support;
using Linli.Modules.Residents;
using Linli.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Linli.BrowserTests.Journeys;

// 人口与户籍 registry: demo.worker1 of 青石社区 searches, opens a card, reveals an ID number, imports a file and
// looks at a building. Reads the demo data it expects from the database; the import adds one resident of its own.
public sealed class RegistryTests(BrowserApp app)
{
    const string Worker = "demo.worker1";
    const string Community = "青石社区";
    const int Phone = 375;

    [Fact]
    public Task Worker_At375px_SearchesOpensCardAndRevealsIdNumber_AuditLogged() => app.RunAsync(async page =>
    {
        var (residentId, name, idNumber) = await ResidentOfCommunityAsync();
        await app.LoginAsync(page, Worker);

        await page.Locator("nav.app-nav").GetByRole(AriaRole.Link, new() { Name = "居民信息" }).ClickAsync();
        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Masking.IdNumber(idNumber) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        Assert.DoesNotContain(idNumber, await page.ContentAsync());                 // masked in the list
        Assert.True(await ScrollWidthAsync(page) <= Phone, "the search page scrolls sideways");
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByTestId("id-number")).ToHaveTextAsync(Masking.IdNumber(idNumber));
        Assert.True(await ScrollWidthAsync(page) <= Phone, "the card scrolls sideways");
        await page.GetByLabel("身份证号码查看理由").FillAsync("浏览器测试：上门核实身份");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看完整身份证号码" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("revealed-value")).ToContainTextAsync(idNumber);
        var audit = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "Resident.Reveal" && a.ObjectId == residentId.ToString(CultureInfo.InvariantCulture))
            .Select(a => new { a.UserName, a.After }).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(Worker, entry.UserName);
        Assert.Contains("上门核实身份", entry.After);
        Assert.DoesNotContain(idNumber, entry.After ?? "");                       // the log says who looked and why, not the number
    }, width: Phone, height: 812);

    [Fact]
    public Task Worker_ImportsCsvWithBadRow_DownloadsErrorReport() => app.RunAsync(async page =>
    {
        var house = await HouseOfCommunityAsync();
        var goodId = NewIdNumber(new DateOnly(1988, 8, 8));
        var badId = goodId[..17] + (goodId[17] == '1' ? '2' : '1');            // wrong check character
        var csv = new StringBuilder()
            .AppendLine(string.Join(",", ResidentImportFile.Columns.Select(c => c.Header)))
            .AppendLine($"浏览器导入甲,{goodId},男,1988-08-08,汉族,,,户籍人口,人户一致,{house.Building},{house.Unit},{house.Room}")
            .AppendLine($"浏览器导入乙,{badId},女,1988-08-08,汉族,,,户籍人口,人户一致,{house.Building},{house.Unit},{house.Room}")
            .ToString();
        await app.LoginAsync(page, Worker);

        await page.GotoAsync("/residents");
        await page.GetByRole(AriaRole.Link, new() { Name = "导入居民" }).ClickAsync();
        await page.GetByLabel("选择文件").SetInputFilesAsync(new FilePayload { Name = "居民.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("新增 1 人");
        var errorRow = page.GetByTestId("import-errors").Locator("tbody tr");
        await Assertions.Expect(errorRow).ToHaveCountAsync(1);
        var shown = await errorRow.Locator("td").AllInnerTextsAsync();
        Assert.Equal("3", shown[0]);                                              // the header is row 1
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载错误报告" }).ClickAsync());

        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"linli_report_{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(file);
            var report = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            var line = Assert.Single(report);
            Assert.Equal(3, Convert.ToInt32(line["行号"], CultureInfo.InvariantCulture));
            Assert.Equal(shown[1], line["列"]?.ToString());
            Assert.Equal(shown[2], line["问题"]?.ToString());
            Assert.Contains("校验位", shown[2]);
        }
        finally
        {
            File.Delete(file);
        }
        var imported = await app.WithDbAsync(db => db.Residents.Where(r => r.Name == "浏览器导入甲" || r.Name == "浏览器导入乙").Select(r => r.Name).ToListAsync());
        Assert.Equal(["浏览器导入甲"], imported);
    });

    [Fact]
    public Task Worker_At375px_OpensBuilding_SeesFloorsByUnitsGrid() => app.RunAsync(async page =>
    {
        var building = await app.WithDbAsync(async db =>
        {
            var community = await db.OrgUnits.SingleAsync(u => u.Name == Community);
            var b = await db.Buildings.Where(x => x.CommunityId == community.Id).OrderBy(x => x.Id).FirstAsync();
            var houses = await db.Houses.Where(h => h.BuildingId == b.Id).Select(h => new { h.Floor, h.UnitNumber, h.RoomNumber }).ToListAsync();
            return (b.Id, b.Name, b.Floors, b.UnitCount, Houses: houses);
        });
        await app.LoginAsync(page, Worker);

        await page.Locator("nav.app-nav").GetByRole(AriaRole.Link, new() { Name = "楼栋房屋" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = building.Name, Exact = true }).ClickAsync();

        var grid = page.GetByTestId("building-grid");
        await Assertions.Expect(grid).ToBeVisibleAsync();
        Assert.Equal(building.UnitCount + 1, await grid.Locator("thead th").CountAsync());          // floor column + one per unit
        Assert.Equal(building.Floors, await grid.Locator("tbody tr").CountAsync());
        await Assertions.Expect(grid.GetByTestId("house-cell")).ToHaveCountAsync(building.Houses.Count);
        var top = building.Houses.Where(h => h.Floor == building.Floors && h.UnitNumber == 1).Select(h => h.RoomNumber).Order().ToList();
        var topCell = grid.Locator("tbody tr").Nth(await TopRowIndexAsync(grid, building.Floors)).Locator("td").First; // unit 1
        foreach (var room in top) await Assertions.Expect(topCell).ToContainTextAsync(room);
        Assert.True(await ScrollWidthAsync(page) <= Phone, "the building page scrolls sideways (the grid must scroll in its own box)");

        await grid.GetByTestId("house-cell").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/houses/", StringComparison.Ordinal));
    }, width: Phone, height: 812);

    // The row whose header reads "{floor} 层".
    static async Task<int> TopRowIndexAsync(ILocator grid, int floor)
    {
        var headers = await grid.Locator("tbody tr th").AllInnerTextsAsync();
        var index = headers.ToList().FindIndex(h => h.Trim() == $"{floor} 层");
        Assert.True(index >= 0, $"no row for floor {floor}: {string.Join(", ", headers)}");
        return index;
    }

    static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("document.documentElement.scrollWidth");

    // A registered resident of 青石社区 with an ID number, and a name shared by few enough to list on one page.
    async Task<(long Id, string Name, string IdNumber)> ResidentOfCommunityAsync()
    {
        using var scope = app.Services.CreateScope();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var r = await app.WithDbAsync(async db =>
        {
            var community = await db.OrgUnits.SingleAsync(u => u.Name == Community);
            var candidates = db.Residents.Where(x => x.OrgPath.StartsWith(community.OrgPath) && x.IdNumberCipher != null && x.Status == ResidentStatus.Active);
            return await candidates.Where(x => candidates.Count(y => y.Name == x.Name) == 1).OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.Name, x.IdNumberCipher }).FirstAsync();
        });
        return (r.Id, r.Name, protector.Decrypt(r.IdNumberCipher!));
    }

    Task<(string Building, int Unit, string Room)> HouseOfCommunityAsync() => app.WithDbAsync(async db =>
    {
        var community = await db.OrgUnits.SingleAsync(u => u.Name == Community);
        var h = await db.Houses.Where(x => x.OrgPath.StartsWith(community.OrgPath)).OrderBy(x => x.Id).FirstAsync();
        var building = await db.Buildings.Where(b => b.Id == h.BuildingId).Select(b => b.Name).SingleAsync();
        return (building, h.UnitNumber, h.RoomNumber);
    });

    // Beijing 东城区 numbers: the demo city's residents are all registered in 宁波 or the floating population's home places.
    static string NewIdNumber(DateOnly birth)
    {
        var seq = Random.Shared.Next(0, 500) * 2 + 1;
        var first17 = $"110101{birth:yyyyMMdd}{seq:000}";
        return first17 + IdNumber.CheckChar(first17);
    }
}
