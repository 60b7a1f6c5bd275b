using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Platform;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Accounts;

// The static-SSR pages through real form posts (the browser tests drive them in Chromium).
public sealed class AccountPagesTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<WebSession> SignInAsync(LinliApp app, TestUser admin)
    {
        var web = new WebSession(app);
        await web.LoginAsync(admin.UserName, admin.Password, await AuthCookieFlowTests.TotpNowAsync(app, admin));
        return web;
    }

    static Dictionary<string, string> CreateForm(string userName, string password, long unitId, params string[] roles)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = password, ["Input.DisplayName"] = "王五",
            ["Input.OrgUnitId"] = unitId.ToString(), ["Input.DepartmentId"] = "",
        };
        for (var i = 0; i < Roles.All.Length; i++)
        {
            form[$"Input.Roles[{i}].Name"] = Roles.All[i];
            if (roles.Contains(Roles.All[i])) form[$"Input.Roles[{i}].Selected"] = "true";
        }
        return form;
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Pages_CreateThenDisable_ThroughTheForms(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var web = await SignInAsync(app, await app.CreateUserAsync(Roles.SecurityAdmin, tree.District));
        var name = AccountsTestData.NewUserName();

        var created = await web.PostFormAsync("/accounts/new", "account-create", CreateForm(name, AccountsTestData.StrongPassword, tree.Community.Id, Roles.CommunityWorker));

        var path = WebSession.PathOf(created);
        Assert.StartsWith("/accounts/", path);
        var stored = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == name, Ct));
        Assert.Equal($"/accounts/{stored.Id}", path);
        Assert.Equal(tree.Community.OrgPath, stored.OrgPath);
        Assert.True(stored.MustChangePassword);
        var edit = await web.GetPageAsync(path + "?created=1");
        Assert.Contains("账号已创建", edit);
        Assert.Contains("checked", edit[edit.IndexOf("id=\"role-CommunityWorker\"", StringComparison.Ordinal)..][..120]);

        var mismatch = await web.PostFormAsync(path!, "account-reset", new Dictionary<string, string> { ["Reset.NewPassword"] = "Another@Pass2026", ["Reset.ConfirmPassword"] = "Another@Pass2027" });
        Assert.Contains("两次输入不一致", await WebSession.TextAsync(mismatch));
        var reset = await web.PostFormAsync(path!, "account-reset", new Dictionary<string, string> { ["Reset.NewPassword"] = "Another@Pass2026", ["Reset.ConfirmPassword"] = "Another@Pass2026" });
        Assert.Contains("密码已重置", await WebSession.TextAsync(reset));

        var disabled = await web.PostFormAsync(path!, "account-disable", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Contains("账号已停用", await WebSession.TextAsync(disabled));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == stored.Id).Select(u => u.Disabled).SingleAsync(Ct)));
        var list = await web.GetPageAsync($"/accounts?q={name}&role=&orgUnitId=&disabled=true");
        Assert.Contains(name, list);
        var enabled = await web.PostFormAsync(path!, "account-enable", new Dictionary<string, string>());
        Assert.Contains("账号已启用", await WebSession.TextAsync(enabled));
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == stored.Id).Select(u => u.Disabled).SingleAsync(Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Pages_RefusedCreate_ShowsWhyAndKeepsWhatWasTyped(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var web = await SignInAsync(app, await app.CreateUserAsync(Roles.SecurityAdmin, tree.City));
        var name = AccountsTestData.NewUserName();

        var weak = await WebSession.TextAsync(await web.PostFormAsync("/accounts/new", "account-create", CreateForm(name, "weakpassword", tree.Street.Id, Roles.Official)));
        var twoAdmins = await WebSession.TextAsync(await web.PostFormAsync("/accounts/new", "account-create", CreateForm(name, AccountsTestData.StrongPassword, tree.City.Id, Roles.SystemAdmin, Roles.Auditor)));

        Assert.Contains("密码需包含", weak);
        Assert.Contains($"value=\"{name}\"", weak);
        Assert.Contains("三权分立", twoAdmins);
        Assert.Contains($"value=\"{name}\"", twoAdmins);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Pages_AccountOutsideSubtree_Answers404(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var outside = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community3);
        var web = await SignInAsync(app, await app.CreateUserAsync(Roles.SecurityAdmin, tree.Street));

        var response = await web.Client.GetAsync($"/accounts/{outside.Id}", Ct);
        var list = await web.GetPageAsync("/accounts");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(outside.UserName, await WebSession.TextAsync(response));
        Assert.DoesNotContain(outside.UserName, list);
    }
}
