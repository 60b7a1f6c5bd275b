using Linli.BrowserTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.BrowserTests.Journeys;

// 社区工作者 community worker: logs in and sees their own community, nothing of another street's.
public sealed class CommunityWorkerTests(BrowserApp app)
{
    const string OwnCommunity = "青石社区";
    const string OtherCommunityCode = "330203002001"; // demo.worker2's 中山社区, in another street

    [Fact]
    public Task UnitHome_Worker1_SeesOnlyOwnCommunity() => app.RunAsync(async page =>
    {
        await app.LoginAsync(page, "demo.worker1");

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.Equal(["宁波市", "海曙区", "月湖街道", OwnCommunity],
            await page.GetByTestId("org-breadcrumb").Locator("li").AllInnerTextsAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(OwnCommunity);
        await Assertions.Expect(page.GetByTestId("current-unit")).ToHaveTextAsync(OwnCommunity); // top bar: user and unit
        Assert.Equal(["第一网格", "第二网格", "第三网格", "第四网格", "第五网格", "第六网格", "第七网格", "第八网格"],
            await page.GetByTestId("child-units").GetByRole(AriaRole.Link).AllInnerTextsAsync());
        var other = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Code == OtherCommunityCode));
        Assert.DoesNotContain(other.Name, await page.ContentAsync());

        // Asking for the other community by URL shows nothing of it.
        foreach (var url in new[] { $"/units/{other.Id}", $"/org-units/{other.Id}" })
        {
            var response = await page.GotoAsync(url);
            var html = await page.ContentAsync();
            Assert.DoesNotContain(other.Name, html);
            Assert.DoesNotContain(other.Code, html);
            Assert.True(response!.Status is 403 or 404 || page.Url.Contains("access-denied", StringComparison.Ordinal),
                $"{url} answered {response.Status} at {page.Url}");
        }
    });

    [Fact]
    public Task UnitHome_Worker1_OpensOwnGrid() => app.RunAsync(async page =>
    {
        await app.LoginAsync(page, "demo.worker1");

        await page.GetByTestId("child-units").GetByRole(AriaRole.Link, new() { Name = "第三网格" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("第三网格");
        await Assertions.Expect(page.GetByText("没有下级单位。")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = OwnCommunity, Exact = true }).ClickAsync(); // back to the parent
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(OwnCommunity);
    });
}
