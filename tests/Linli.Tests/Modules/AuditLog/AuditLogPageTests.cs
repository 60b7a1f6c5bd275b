using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.AuditLog;

public sealed partial class AuditLogPageTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Page_AsAuditor_ShowsFilteredRowsInChinaTimeWithDetailsAndExportLink(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var actor = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        await app.RecordAsync(actor, ("Test.PageAlpha", AuditOutcome.Success), ("Test.PageBeta", AuditOutcome.Denied));
        var auditor = await app.AuditorClientAsync(tree.City);

        var response = await auditor.GetAsync($"/audit?userName={actor.UserName}&outcome=Denied", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)); // the branch may encode Chinese as entities
        Assert.Equal(1, Regex.Count(html, "data-testid=\"audit-row\""));
        Assert.Contains("Test.PageBeta", html);
        Assert.DoesNotContain("Test.PageAlpha", html);
        var row = Assert.Single(await app.AuditRowsAsync(a => a.UserName == actor.UserName && a.Action == "Test.PageBeta"));
        Assert.Contains(row.TimeUtc.AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), html);
        Assert.Contains("<details>", html);
        Assert.Contains("\"note\": \"测试\"", html);          // the after JSON, shown in the details
        Assert.Contains(row.Hash, html);
        Assert.Contains($"href=\"/api/v1/audit/export?userName={actor.UserName}&outcome=Denied\"", html);
        Assert.Contains($"value=\"{actor.UserName}\"", html);                // the form keeps the filters
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Page_InvalidDate_ShowsMessageInsteadOfRows(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var auditor = await app.AuditorClientAsync(tree.City);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync("/audit?from=not-a-date", Ct));

        Assert.Contains("开始时间格式不正确", html);
        Assert.DoesNotContain("data-testid=\"audit-row\"", html);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Page_VerifyButton_ShowsChainResultAndIsAudited(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateEnrolledUserAsync(Roles.Auditor, tree.City);
        var auditor = await app.ClientAsync(user);
        var page = await auditor.GetStringAsync("/audit", Ct);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;

        var response = await auditor.PostAsync("/audit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "audit-verify",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-testid=\"verify-result\"", html);
        Assert.Contains("哈希链完整", html);
        var verify = Assert.Single(await app.AuditRowsAsync(a => a.UserName == user.UserName && a.Action == "Audit.Verify"));
        Assert.Equal(AuditOutcome.Success, verify.Outcome);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Page_SystemAdmin_IsRefused(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.CreateEnrolledUserAsync(Roles.SystemAdmin, tree.City);
        var client = await app.ClientAsync(admin);

        var response = await client.GetAsync("/audit", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(await app.AuditRowsAsync(a => a.UserName == admin.UserName && a.Action == "Access.Denied" && a.ObjectId == "GET /audit"));
    }

    [Fact]
    public async Task Page_Anonymous_RedirectsToLogin()
    {
        var app = await apps.For(Provider.Sqlite);
        var response = await app.Anonymous().GetAsync("/audit", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
