using Linli.BrowserTests.Support;
using Linli.Modules.Visits;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Linli.BrowserTests.Journeys;

// 走访 on a phone: demo.grid opens the due list, records a visit with a photo, sees the household leave the list and
// downloads the month's visit diary with the visit in it.
public sealed class VisitsTests(BrowserApp app)
{
    const string Worker = "demo.grid";

    // A 1×1 PNG, as a phone camera would send a (much larger) JPEG.
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public Task GridWorker_At375px_RecordsAVisitWithPhoto_HouseholdLeavesTheDueList_DiaryHasIt() => app.RunAsync(async page =>
    {
        var householdId = await MakeOneHouseholdDueAsync();
        var situation = $"浏览器测试走访：老人身体硬朗 {Guid.NewGuid():N}"[..24];
        await app.LoginAsync(page, Worker);

        await page.Locator("nav.app-nav").GetByRole(AriaRole.Link, new() { Name = "待走访" }).ClickAsync();
        var item = page.Locator($"[data-household='{householdId}']");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await item.GetByRole(AriaRole.Link, new() { Name = "记录走访" }).ClickAsync();

        await page.GetByLabel("接待人").FillAsync("户主本人");
        await page.GetByLabel("走访情况").FillAsync(situation);
        await page.GetByLabel("居民诉求").FillAsync("希望社区组织健康讲座");
        await page.GetByLabel("照片（JPEG/PNG/WebP，不超过 5 MB）").SetInputFilesAsync(new FilePayload { Name = "门口.png", MimeType = "image/png", Buffer = Png });
        Assert.True(await ScrollWidthAsync(page) <= 375, "the visit form scrolls sideways");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("走访已记录");
        await Assertions.Expect(page.Locator($"[data-household='{householdId}']")).ToHaveCountAsync(0);
        var saved = await app.WithDbAsync(db => db.Visits.IgnoreQueryFilters().Include(v => v.Photos).SingleAsync(v => v.Situation == situation));
        Assert.Equal(householdId, saved.HouseholdId);
        Assert.Equal(Png, Assert.Single(saved.Photos).Data);

        await page.Locator("nav.app-nav").GetByRole(AriaRole.Link, new() { Name = "电子台账" }).ClickAsync();
        var diary = page.Locator("section").Filter(new() { HasText = "社工走访日记" });
        var download = await page.RunAndWaitForDownloadAsync(() => diary.GetByRole(AriaRole.Button, new() { Name = "下载 Excel" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"linli_diary_{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(file);
            var rows = MiniExcel.Query(file, useHeaderRow: false).Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList();
            Assert.Equal("社工走访日记", rows[0][0]);
            var row = Assert.Single(rows, r => r.Contains(situation));
            Assert.Contains("希望社区组织健康讲座", row);
        }
        finally
        {
            File.Delete(file);
        }
    }, width: 375, height: 812);

    // One household of the worker that only the yearly rule covers, with its visits removed: due today.
    async Task<long> MakeOneHouseholdDueAsync() => await app.WithDbAsync(async db =>
    {
        var worker = await db.Users.SingleAsync(u => u.UserName == Worker);
        var found = await WorkerHouseholds.FindAsync(db, worker.Id, default);
        var schedule = await VisitSchedule.ForAsync(db, WorkerHouseholds.Of(db, found!), DateOnly.FromDateTime(DateTime.Now), default);
        var household = schedule.Where(d => d.IntervalDays >= 365).OrderBy(d => d.HouseholdId).First().HouseholdId;
        await db.Visits.IgnoreQueryFilters().Where(v => v.HouseholdId == household).ExecuteDeleteAsync();
        return household;
    });

    static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
