using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Auth;
using Linli.Tests.Platform;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Accounts;

public sealed class ResetPasswordTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Reset_ForcesChange_TokenRefusedUntilTheUserChangesIt(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var target = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var targetClient = await app.ClientAsync(target);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.Street);
        const string issued = "Reset@Pass2026";

        var response = await admin.PostAsJsonAsync($"/api/v1/users/{target.Id}/reset-password", new { newPassword = issued }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await targetClient.GetAsync("/api/v1/me", Ct)).StatusCode); // old token gone
        var refused = await app.TokenAsync(target.UserName, issued);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("password_change_required", await refused.ProblemCodeAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "User.ResetPassword" && a.ObjectId == target.Id, Ct)));

        // The user changes it on the web page; then the API lets them in.
        var web = new WebSession(app);
        await web.LoginAsync(target.UserName, issued);
        var changed = await web.ChangePasswordAsync(issued, "Changed@Pass2026");
        Assert.Equal("/", WebSession.PathOf(changed));
        Assert.Equal(HttpStatusCode.OK, (await app.TokenAsync(target.UserName, "Changed@Pass2026")).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Reset_RecentPassword_Returns400UntilFiveNewerOnes(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var target = await app.CreateUserAsync(Roles.GridWorker, tree.Grid);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.Street);
        Task<HttpResponseMessage> ResetAsync(string password) =>
            admin.PostAsJsonAsync($"/api/v1/users/{target.Id}/reset-password", new { newPassword = password }, Ct);

        var current = await ResetAsync(LinliApp.Password);
        Assert.Equal(HttpStatusCode.BadRequest, current.StatusCode);
        Assert.Equal(["newPassword"], await current.ErrorFieldsAsync());
        for (var i = 1; i <= 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await ResetAsync($"Newer@Pass{i}000")).StatusCode);
        // The original is now the fifth most recent: still refused. One more change and it may return.
        Assert.Equal(HttpStatusCode.BadRequest, (await ResetAsync(LinliApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ResetAsync("Newer@Pass1000")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ResetAsync("Newer@Pass5000")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ResetAsync(LinliApp.Password)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Reset_WeakPassword_Returns400AndKeepsTheOldOne(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var target = await app.CreateUserAsync(Roles.GridWorker, tree.Grid);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.Street);

        var response = await admin.PostAsJsonAsync($"/api/v1/users/{target.Id}/reset-password", new { newPassword = "short1A" }, Ct);
        var missing = await admin.PostAsJsonAsync($"/api/v1/users/{target.Id}/reset-password", new { }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["newPassword"], await response.ErrorFieldsAsync());
        Assert.Equal(["newPassword"], await missing.ErrorFieldsAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.MustChangePassword).SingleAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, (await app.TokenAsync(target.UserName, target.Password)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Reset_OwnAccount_Returns422(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var self = await app.CreateUserAsync(Roles.SecurityAdmin, tree.Street);

        var response = await (await app.ClientAsync(self)).PostAsJsonAsync($"/api/v1/users/{self.Id}/reset-password", new { newPassword = AccountsTestData.StrongPassword }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("account-self", await response.ProblemCodeAsync());
    }
}
