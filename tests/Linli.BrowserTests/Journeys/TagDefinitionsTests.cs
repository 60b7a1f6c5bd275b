using Linli.BrowserTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.BrowserTests.Journeys;

// 系统管理员 defines a key-population tag of the city's own, renames it and deactivates it.
public sealed class TagDefinitionsTests(BrowserApp app)
{
    [Fact]
    public Task Admin_CreatesRenamesAndDeactivatesCustomTag() => app.RunAsync(async page =>
    {
        await app.LoginAsync(page, "admin");

        await page.Locator("nav.app-nav").GetByRole(AriaRole.Link, new() { Name = "重点人群标签" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("重点人群标签");
        await Assertions.Expect(page.GetByTestId("tag-definitions")).ToContainTextAsync("低保对象"); // sensitive built-ins listed too
        await page.GetByLabel("标签代码").FillAsync("browser-shidu");
        await page.GetByLabel("中文名称").FillAsync("失独家庭");
        await page.GetByLabel("英文名称").FillAsync("Bereaved parents");
        await page.GetByLabel("敏感标签").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "新建", Exact = true }).ClickAsync();

        var row = page.GetByTestId("tag-definitions").Locator("tr[data-code='browser-shidu']");
        await Assertions.Expect(row).ToContainTextAsync("失独家庭");
        await Assertions.Expect(row).ToContainTextAsync("敏感");
        await row.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("修改标签"); // the list has a 中文名称 field too
        await page.GetByLabel("中文名称").FillAsync("失独家庭（测试）");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("失独家庭（测试）");
        await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已停用");

        var stored = await app.WithDbAsync(db => db.TagDefinitions.SingleAsync(d => d.Code == "browser-shidu"));
        Assert.Equal(("失独家庭（测试）", true, false, false), (stored.NameZh, stored.Sensitive, stored.Active, stored.BuiltIn));
    });
}
