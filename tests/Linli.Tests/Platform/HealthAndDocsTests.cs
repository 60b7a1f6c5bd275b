using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Tests.Support;

namespace Linli.Tests.Platform;

public sealed partial class HealthAndDocsTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Health_LiveAndReady_Answer200Anonymously(Provider provider)
    {
        var app = await apps.For(provider);
        var client = app.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task OpenApi_Document_IsJsonListingTheApi()
    {
        var app = await apps.For(Provider.Sqlite);

        var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me", out _));
        Assert.True(paths.TryGetProperty("/api/v1/audit/export", out _));
        Assert.Equal("Audit_Search", paths.GetProperty("/api/v1/audit").GetProperty("get").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task ApiDocs_Page_LoadsNothingFromAnotherHost()
    {
        var app = await apps.For(Provider.Sqlite);
        var client = app.Anonymous();

        var response = await client.GetAsync("/api-docs", Ct);
        if (response.StatusCode == HttpStatusCode.Redirect)   // Scalar sends /api-docs to /api-docs/
        {
            var target = new Uri(new Uri(client.BaseAddress!, "/api-docs"), response.Headers.Location!);
            Assert.Equal("/api-docs/", target.AbsolutePath);
            response = await client.GetAsync(target, Ct);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var external = ResourceUrl().Matches(html).Select(m => m.Groups[1].Value)
            .Where(u => u.StartsWith("//", StringComparison.Ordinal) || (Uri.TryCreate(u, UriKind.Absolute, out var abs) && abs.Host != client.BaseAddress!.Host))
            .ToList();
        Assert.True(external.Count == 0, "External resources on /api-docs: " + string.Join(", ", external));
        Assert.DoesNotMatch("@import\\s+url\\(\\s*['\"]?(https?:)?//", html);
        // The page's own script is served by the app.
        var scripts = ScriptSrc().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/api-docs/"), src), Ct)).StatusCode);
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["']([^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceUrl();

    [GeneratedRegex("""<script[^>]*\ssrc\s*=\s*["']([^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSrc();
}
