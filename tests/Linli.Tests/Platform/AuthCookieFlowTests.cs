using System.Net;
using System.Text.RegularExpressions;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Linli.Tests.Platform;

public sealed partial class AuthCookieFlowTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Login_UserWhoMustChangePassword_IsSentToChangePasswordThenHome(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community, mustChangePassword: true);
        var web = new WebSession(app);

        var login = await web.LoginAsync(user.UserName, user.Password);
        Assert.Equal("/", WebSession.PathOf(login));
        var forced = await web.Client.GetAsync("/", Ct);
        Assert.Equal("/account/change-password", WebSession.PathOf(forced));
        var blockedApi = await web.Client.GetAsync("/api/v1/users", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, blockedApi.StatusCode);

        var reused = await web.ChangePasswordAsync(user.Password, user.Password);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode); // the form again, with the policy's message
        Assert.Contains("最近 5 次", await WebSession.TextAsync(reused));
        var wrongCurrent = await web.ChangePasswordAsync("Wrong@Pass2026", "Changed@Pass2026");
        Assert.Contains("当前密码不正确", await WebSession.TextAsync(wrongCurrent));

        var changed = await web.ChangePasswordAsync(user.Password, "Changed@Pass2026");
        Assert.Equal("/", WebSession.PathOf(changed));
        Assert.NotEqual("/account/change-password", WebSession.PathOf(await web.Client.GetAsync("/", Ct)));
        var stored = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id, Ct));
        Assert.False(stored.MustChangePassword);
        Assert.Equal(1, stored.AccessFailedCount); // the wrong current password counted
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "User.ChangePassword" && a.ObjectId == user.Id, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Login_SecurityAdminWithoutTwoFactor_EnrolsThenLandsOnAccounts(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.CreateUserAsync(Roles.SecurityAdmin, tree.District);
        using (var scope = app.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(admin.Id))!;
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        }
        var web = new WebSession(app);

        var login = await web.LoginAsync(admin.UserName, admin.Password);
        Assert.Equal("/accounts", WebSession.PathOf(login));
        Assert.Equal("/account/two-factor", WebSession.PathOf(await web.Client.GetAsync("/accounts", Ct)));
        // The first visit creates the key (a new security stamp) and must keep this session signed in.
        var page = await web.GetPageAsync("/account/two-factor");
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        Assert.Equal(32, key.Length);
        Assert.Contains($"secret={key}", page);
        var totp = new Totp(Base32Encoding.ToBytes(key));

        var wrong = await web.PostFormAsync("/account/two-factor", "two-factor", new Dictionary<string, string> { ["Input.Code"] = Other(totp.ComputeTotp()) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var enrolled = await web.PostFormAsync("/account/two-factor", "two-factor", new Dictionary<string, string> { ["Input.Code"] = totp.ComputeTotp() });

        Assert.Equal("/accounts", WebSession.PathOf(enrolled));
        var accounts = await web.Client.GetAsync("/accounts", Ct);
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        Assert.Contains("新建账号", await WebSession.TextAsync(accounts));
        // From now on the code is part of every login.
        var again = new WebSession(app);
        var asked = await again.PostFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.UserName"] = admin.UserName, ["Input.Password"] = admin.Password });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("id=\"totp\"", await WebSession.TextAsync(asked));
        Assert.Equal("/accounts", WebSession.PathOf(await again.LoginAsync(admin.UserName, admin.Password, totp.ComputeTotp())));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Session_UserDisabledMeanwhile_EndsAtNextRequest(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.GridWorker, tree.Grid);
        var web = new WebSession(app);
        await web.LoginAsync(user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await web.Client.GetAsync("/account/change-password", Ct)).StatusCode);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.Street);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{user.Id}/disable", null, Ct)).StatusCode);

        Assert.Equal("/account/login", WebSession.PathOf(await web.Client.GetAsync("/account/change-password", Ct)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.Client.GetAsync("/api/v1/me", Ct)).StatusCode);
        var relogin = await web.PostFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.UserName"] = user.UserName, ["Input.Password"] = user.Password });
        Assert.Contains("账号已停用", await WebSession.TextAsync(relogin));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Logout_EndsSessionOnTheLoggedOutPage(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.Official, tree.Street);
        var web = new WebSession(app);
        await web.LoginAsync(user.UserName, user.Password);

        var logout = await web.Client.PostAsync("/account/logout", null, Ct);

        Assert.Equal("/account/logged-out", WebSession.PathOf(logout));
        Assert.Contains("您已安全退出", await web.GetPageAsync("/account/logged-out"));
        Assert.Equal("/account/login", WebSession.PathOf(await web.Client.GetAsync("/account/change-password", Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Login_EachAdmin_LandsOnTheirOwnWork(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        foreach (var (role, home) in new[] { (Roles.SystemAdmin, "/org-units"), (Roles.SecurityAdmin, "/accounts"), (Roles.Auditor, "/audit"), (Roles.Official, "/") })
        {
            var user = await app.CreateUserAsync(role, tree.City);
            var code = Roles.IsAdmin(role) ? await TotpNowAsync(app, user) : null;

            var login = await new WebSession(app).LoginAsync(user.UserName, user.Password, code);

            Assert.Equal(home, WebSession.PathOf(login));
        }
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Login_ReturnUrl_IsFollowedOnlyWhenLocal(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.SecurityAdmin, tree.District);
        var web = new WebSession(app);
        var challenge = await web.Client.GetAsync("/accounts?q=abc", Ct);
        Assert.Equal("/account/login", WebSession.PathOf(challenge));
        var fields = new Dictionary<string, string>
        {
            ["Input.UserName"] = user.UserName, ["Input.Password"] = user.Password, ["Input.TotpCode"] = await TotpNowAsync(app, user),
        };

        var local = await web.PostFormAsync(challenge.Headers.Location!.PathAndQuery, "login", fields);
        var foreign = await new WebSession(app).PostFormAsync("/account/login?ReturnUrl=%2F%2Fevil.example%2F", "login", fields);

        Assert.Equal("/accounts?q=abc", local.Headers.Location!.PathAndQuery);
        Assert.Equal("/accounts", WebSession.PathOf(foreign));
        Assert.Equal("localhost", foreign.Headers.Location!.Host);
    }

    [Fact]
    public async Task Session_OlderThanTheAbsoluteLimit_EndsEvenWhenActive()
    {
        await using var app = LinliApp.Create(Provider.Sqlite, new Dictionary<string, string?> { ["Security:AbsoluteTimeoutHours"] = "0" });
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.Official, tree.Street);
        var web = new WebSession(app);

        await web.LoginAsync(user.UserName, user.Password);

        Assert.Equal("/account/login", WebSession.PathOf(await web.Client.GetAsync("/account/change-password", Ct)));
    }

    [Fact]
    public async Task AccessDenied_SignedInWithoutThePolicy_ShowsThePage()
    {
        var app = await apps.For(Provider.Sqlite);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var web = new WebSession(app);
        await web.LoginAsync(user.UserName, user.Password);

        var accounts = await web.Client.GetAsync("/accounts", Ct);

        Assert.Equal("/account/access-denied", WebSession.PathOf(accounts));
        Assert.Contains("无权访问", await web.GetPageAsync("/account/access-denied"));
    }

    internal static async Task<string> TotpNowAsync(LinliApp app, TestUser user)
    {
        using var scope = app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var key = await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!);
        return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
    }

    static string Other(string code) => ((int.Parse(code) + 1) % 1_000_000).ToString("000000");

    [GeneratedRegex("data-testid=\"shared-key\"[^>]*>([^<]+)<")]
    private static partial Regex SharedKey();
}
