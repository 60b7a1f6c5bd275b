using Linli.BrowserTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.BrowserTests.Journeys;

// 系统管理员 builds and reshapes the tree; 安全审计员 then finds those actions in the log.
// Works on a street of its own (code 330212009000) so the other journeys' demo units stay where they are.
public sealed class AdminAndAuditorTests(BrowserApp app)
{
    const string StreetCode = "330212009000";
    const string StreetName = "浏览器测试街道";

    [Fact]
    public Task Admin_CreatesCommunityAndGrid_MovesStreet_AuditorSeesIt() => app.RunAsync(async page =>
    {
        await app.LoginAsync(page, "admin");
        Assert.Equal("/org-units", new Uri(page.Url).AbsolutePath);

        var yinzhou = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Code == "330212000000"));
        await page.GotoAsync($"/org-units/{yinzhou.Id}");
        await CreateChildAsync(page, StreetCode, StreetName);
        await OpenChildAsync(page, StreetName);
        await CreateChildAsync(page, "330212009001", "浏览器社区");
        await OpenChildAsync(page, "浏览器社区");
        await CreateChildAsync(page, "330212009001001", "浏览器网格");
        await Assertions.Expect(page.GetByTestId("unit-breadcrumb").Locator("li"))
            .ToHaveTextAsync(["组织架构", "宁波市", "鄞州区", StreetName, "浏览器社区"]);

        // Move the street (with its community and grid) to 江北区: the breadcrumb and the codes follow.
        await page.GetByTestId("unit-breadcrumb").GetByRole(AriaRole.Link, new() { Name = StreetName }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(StreetName);
        await page.GetByLabel("新上级单位", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "江北区（330205000000）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "移动" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-breadcrumb").Locator("li"))
            .ToHaveTextAsync(["组织架构", "宁波市", "江北区", StreetName]);
        await Assertions.Expect(page.GetByTestId("unit-code")).ToHaveTextAsync("330205009000");
        await OpenChildAsync(page, "浏览器社区");
        await Assertions.Expect(page.GetByTestId("unit-breadcrumb").Locator("li"))
            .ToHaveTextAsync(["组织架构", "宁波市", "江北区", StreetName, "浏览器社区"]);
        await Assertions.Expect(page.GetByTestId("unit-code")).ToHaveTextAsync("330205009001");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/logged-out");

        await app.LoginAsync(page, "auditor");
        Assert.Equal("/audit", new Uri(page.Url).AbsolutePath);
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("操作").FillAsync("OrgUnit");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var rows = page.GetByTestId("audit-row");
        await Assertions.Expect(rows.Filter(new() { HasText = "OrgUnit.Move" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "OrgUnit.Create" })).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByText("OrgUnit.Move").First).ToBeVisibleAsync();
    });

    // Waits for the enhanced navigation to finish before the next form is filled.
    static async Task OpenChildAsync(IPage page, string name)
    {
        await page.GetByTestId("child-units").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
    }

    static async Task CreateChildAsync(IPage page, string code, string name)
    {
        await page.GetByLabel("下级单位代码").FillAsync(code);
        await page.GetByLabel("下级单位名称").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("child-units").GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
    }
}
