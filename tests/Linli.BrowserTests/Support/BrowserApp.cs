using System.Net;
using Linli.Data;
using Linli.Platform.Hosting;
using Linli.Platform.OrgScope;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

[assembly: AssemblyFixture(typeof(Linli.BrowserTests.Support.BrowserApp))]

namespace Linli.BrowserTests.Support;

/// <summary>
/// One Linli on a real loopback port (Kestrel, temp SQLite, demo city seeded at start-up) and one headless Debian
/// Chromium for the whole run. Each test gets a fresh browser context through <see cref="RunAsync"/>, which saves a
/// screenshot and the page HTML to artifacts/screenshots when the test fails.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"];

    readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"linli_browser_{Guid.NewGuid():N}.db");
    WebApplicationFactory<Program>? factory;
    IPlaywright? playwright;
    IBrowser? browser;

    public Uri BaseUrl { get; private set; } = null!;
    public IServiceProvider Services => factory!.Services;

    /// <summary>The demo accounts' password, as the app is configured.</summary>
    public string DemoPassword => Services.GetRequiredService<IOptions<DemoOptions>>().Value.Password;

    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return; // each test then fails (CI) or skips with the reason
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("urls", "http://127.0.0.1:0");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Linli", $"Data Source={databaseFile}");
            b.UseSetting("Demo:Enabled", "true");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer(); // migrates and seeds the demo city before it listens
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>
    /// Runs a journey in a fresh browser context (no cookies from other tests). On failure the page is saved as
    /// {test}.png and {test}.html; with LINLI_SCREENSHOTS=all it is saved after a passing journey too.
    /// </summary>
    public async Task RunAsync(Func<IPage, Task> journey, int width = 1280, int height = 800)
    {
        RequireBrowser();
        await using var context = await browser!.NewContextAsync(new()
        {
            BaseURL = BaseUrl.ToString(), Locale = "zh-CN", ViewportSize = new() { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        try
        {
            await journey(page);
            await SnapshotAsync(page, "passed");
        }
        catch
        {
            await SaveAsync(page, "failed");
            throw;
        }
    }

    /// <summary>With LINLI_SCREENSHOTS=all, saves the page as {test}.{step}.png/.html: for looking at a journey's steps.</summary>
    public static Task SnapshotAsync(IPage page, string step) =>
        Environment.GetEnvironmentVariable("LINLI_SCREENSHOTS") == "all" ? SaveAsync(page, step) : Task.CompletedTask;

    /// <summary>Logs in through the login page as a user would, and waits to land on the page after it.</summary>
    public async Task LoginAsync(IPage page, string userName, string? password = null)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password ?? DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Reads the database in whole-city scope, e.g. to find the id of a unit the user must not see.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().EnterSystemScope("browser-tests");
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    void RequireBrowser()
    {
        if (browser is not null) return;
        var reason = $"{ChromiumPath} not found: install Debian's chromium (apt-get install chromium fonts-noto-cjk) to run the browser tests.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(reason);
        Assert.Skip(reason);
    }

    static async Task SaveAsync(IPage page, string outcome)
    {
        var test = TestContext.Current.TestMethod?.MethodName ?? "journey";
        var stem = Path.Combine(ScreenshotDirectory, $"{test}.{outcome}");
        try
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            await page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true });
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
            TestContext.Current.TestOutputHelper?.WriteLine($"Saved {stem}.png and .html ({page.Url})");
        }
        catch (PlaywrightException e)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Could not save the page: {e.Message}");
        }
    }

    // artifacts/screenshots at the repository root (beside Linli.slnx); the output folder if there is none.
    static string FindScreenshotDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Linli.slnx")))
                return Path.Combine(dir.FullName, "artifacts", "screenshots");
        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}
