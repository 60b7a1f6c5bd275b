using Linli.BrowserTests.Support;

namespace Linli.BrowserTests.Journeys;

// 中文 is the default; the switch in the top bar changes the UI to English and back.
public sealed class LanguageTests(BrowserApp app)
{
    [Fact]
    public Task TopBar_LanguageSwitch_ChangesToEnglishAndBack() => app.RunAsync(async page =>
    {
        await app.LoginAsync(page, "demo.worker1");
        var nav = page.Locator("nav.app-nav");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "本单位首页" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();

        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My unit" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Child units")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        Assert.Equal("/", new Uri(page.Url).AbsolutePath); // back where the user was
        await BrowserApp.SnapshotAsync(page, "english");

        await page.GetByRole(AriaRole.Link, new() { Name = "中文", Exact = true }).ClickAsync();

        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "本单位首页" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("下级单位")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
    });
}
