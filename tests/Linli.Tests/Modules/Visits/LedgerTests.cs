using Microsoft.EntityFrameworkCore;
using System.Net;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using MiniExcelLibs;
using UglyToad.PdfPig;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Visits;

public sealed class LedgerTests(Apps apps)
{
    static string Month => DateTime.Now.ToString("yyyy-MM");

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task VisitDiary_Xlsx_HoldsExactlyThatWorkersVisitsOfTheMonth_Masked(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var (second, _) = await v.Home.AddHouseholdAsync();
        var thisMonth = DateTime.Now.Day > 1 ? DateTime.Now.AddHours(-1) : DateTime.Now.AddMinutes(-5);
        await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId, thisMonth.AddMinutes(-30), "第一户情况良好"));
        await v.Worker.RecordAsync(VisitArrange.Visit(second, thisMonth, "第二户需要助餐", requests: "希望开通助餐"));
        var lastMonth = DateTime.Now.AddDays(-(DateTime.Now.Day + 1));
        if ((DateTime.Now - lastMonth).TotalDays <= 31) await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId, lastMonth, "上月的走访"));
        var colleague = await app.CreateUserAsync(Roles.CommunityWorker, v.Home.Tree.Community);
        await (await app.ClientAsync(colleague)).RecordAsync(VisitArrange.Visit(v.HouseholdId, thisMonth, "同事的走访"));

        var rows = await XlsxRowsAsync(v.Worker, $"/api/v1/ledgers/visit-diary?month={Month}&format=xlsx");

        Assert.Equal("社工走访日记", rows[0][0]);
        Assert.Contains(v.Home.Tree.Grid.Name, rows[1][0]);
        var data = rows.Skip(3).TakeWhile(r => r[0].Length > 0).ToList();
        Assert.Equal(["第一户情况良好", "第二户需要助餐"], data.Select(r => r[7]));
        Assert.Equal(["1", "2"], data.Select(r => r[0]));
        Assert.Equal("王老伯", data[0][3]);
        Assert.Equal(Masking.Phone(v.HeadPhone), data[0][4]);
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c == v.HeadPhone);
        Assert.Equal("希望开通助餐", data[1][8]);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task VisitDiary_RevealWithReason_ShowsWholePhonesAndIsAudited(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId));

        var noReason = await v.Worker.GetAsync($"/api/v1/ledgers/visit-diary?month={Month}&reveal=true", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var rows = await XlsxRowsAsync(v.Worker, $"/api/v1/ledgers/visit-diary?month={Month}&reveal=true&reason=%E6%A0%B8%E5%AF%B9%E8%81%94%E7%B3%BB%E6%96%B9%E5%BC%8F");

        Assert.Equal(v.HeadPhone, rows[3][4]);
        var audit = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "Ledger.Generate" && a.UserId == v.GridWorker.Id)
            .Select(a => a.After).ToListAsync(Ct));
        Assert.Contains(audit, a => a!.Contains("核对联系方式") && a.Contains("\"revealed\":true"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Sentiment_Pdf_ListsWhatResidentsRaised(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId, requests: "小区门口路灯不亮"));
        await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId, situation: "无诉求"));

        var response = await v.Home.Worker.GetAsync($"/api/v1/ledgers/sentiment?orgUnitId={v.Home.Tree.Community.Id}&month={Month}&format=pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("民情工作台账", text);
        Assert.Contains("小区门口路灯不亮", text);
        Assert.Contains("共 1 条", text);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task KeyPopulation_ListsTaggedPeople_VisitedOrNot_WithMaskedIdNumbers(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var (_, otherHead) = await v.Home.AddHouseholdAsync(name: "孙大爷");
        await v.Home.Worker.PostOkAsync($"/api/v1/residents/{v.HeadId}/tags", new { code = "elderly-alone" });
        await v.Home.Worker.PostOkAsync($"/api/v1/residents/{otherHead}/tags", new { code = "elderly-alone" });
        await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId, situation: "独居老人情况稳定"));

        var rows = await XlsxRowsAsync(v.Home.Worker, $"/api/v1/ledgers/key-population?orgUnitId={v.Home.Tree.Community.Id}&tag=elderly-alone&month={Month}");

        var data = rows.Skip(3).TakeWhile(r => r[0].Length > 0).ToList();
        Assert.Equal(2, data.Count);
        var visited = data.Single(r => r[1] == "王老伯");
        Assert.Equal("独居老人情况稳定", visited[6]);
        Assert.Matches(@"^\d{6}\*{8}\d{3}[\dX]$", visited[2]);
        Assert.Equal("本月未走访", data.Single(r => r[1] == "孙大爷")[6]);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Ledgers_Catalog_AndScope(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, v.Home.Tree.Community3);

        var catalog = await v.Worker.GetJsonAsync("/api/v1/ledgers");
        Assert.Equal(["visit-diary", "sentiment", "key-population"], catalog.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/ledgers/sentiment?orgUnitId={v.Home.Tree.Community.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/ledgers/visit-diary?workerId={v.GridWorker.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await v.Worker.GetAsync("/api/v1/ledgers/key-population?tag=correction", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await v.Worker.GetAsync("/api/v1/ledgers/unknown", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await v.Worker.GetAsync("/api/v1/ledgers/visit-diary?month=2026-13", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await v.Worker.GetAsync("/api/v1/ledgers/visit-diary?format=doc", Ct)).StatusCode);
    }

    static async Task<List<string[]>> XlsxRowsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        return stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(x => x?.ToString() ?? "").ToArray()).ToList();
    }
}
