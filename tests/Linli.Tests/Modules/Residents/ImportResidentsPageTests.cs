using System.Net;
using System.Text;
using Linli.Tests.Modules.Organization;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Residents;

public sealed class ImportResidentsPageTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ImportPage_CsvWithABadRow_ShowsCountsErrorTableAndReportLink(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var good = TestIds.New(new DateOnly(1988, 8, 8));
        var csv = $"{ImportResidentsTests.Header}\n冯一,{good},,,,,,,,3幢,1,502\n陈二,{good[..17]}{(good[17] == '0' ? '1' : '0')},,,,,,,,3幢,1,502\n";

        var response = await home.Worker.PostFileAsync("/residents/import", "resident-import", "ImportFile", ImportResidentsTests.Gbk(csv), "居民.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("新增 1 人，更新 0 人，1 行有错误未导入。", html);
        Assert.Contains("data-testid=\"import-errors\"", html);
        Assert.Contains("/api/v1/residents/import/reports/", html);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ResidentsPage_LinksImportAndHasTheExportForm(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();

        var (status, html, _) = await home.Worker.GetPageAsync("/residents?name=张");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/residents/import\"", html);
        Assert.Contains("action=\"/api/v1/residents/export\"", html);
        Assert.Contains("name=\"name\" value=\"张\"", html);
        var (importStatus, importHtml, _) = await home.Worker.GetPageAsync("/residents/import");
        Assert.Equal(HttpStatusCode.OK, importStatus);
        Assert.Contains(Linli.Modules.Residents.ImportResidents.TemplateUrl, importHtml);
    }
}
