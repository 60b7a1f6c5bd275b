using Linli.BrowserTests.Support;

namespace Linli.BrowserTests.Journeys;

// 375 px, a small phone: no sideways scrolling, and the menu folds and still works.
public sealed class MobileTests(BrowserApp app)
{
    const int Width = 375;

    [Fact]
    public Task UnitHome_At375px_HasNoHorizontalScrollAndUsableMenu() => app.RunAsync(async page =>
    {
        await app.LoginAsync(page, "demo.street");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("月湖街道");

        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Width, "the page scrolls sideways");

        var menu = page.Locator("nav.app-nav summary");
        var homeLink = page.Locator("nav.app-nav").GetByRole(AriaRole.Link, new() { Name = "本单位首页" });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(homeLink).ToBeVisibleAsync();
        await menu.ClickAsync();
        await Assertions.Expect(homeLink).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Assertions.Expect(homeLink).ToBeVisibleAsync();
        var box = await homeLink.BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= Width, "the menu link lies outside the screen");

        await page.GetByTestId("child-units").GetByRole(AriaRole.Link, new() { Name = "青石社区" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("青石社区");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Width, "the unit page scrolls sideways");
        await homeLink.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("月湖街道");
    }, width: Width, height: 812);
}
