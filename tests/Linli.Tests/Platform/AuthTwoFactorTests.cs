using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Accounts;
using Linli.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

public sealed class AuthTwoFactorTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Token_AdminWithTwoFactor_OnlyWithValidCode(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var auditor = await app.CreateUserAsync(Roles.Auditor, tree.City);
        var code = await AuthCookieFlowTests.TotpNowAsync(app, auditor);
        var wrongCode = ((int.Parse(code) + 500_000) % 1_000_000).ToString("000000");

        var none = await app.TokenAsync(auditor.UserName, auditor.Password);
        var wrong = await app.TokenAsync(auditor.UserName, auditor.Password, wrongCode);
        var right = await app.TokenAsync(auditor.UserName, auditor.Password, code);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("totp_required", await none.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("totp_invalid", await wrong.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.False(string.IsNullOrEmpty((await right.JsonAsync()).GetProperty("accessToken").GetString()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Token_AdminNotEnrolled_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.CreateUserAsync(Roles.SystemAdmin, tree.City);
        using (var scope = app.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(admin.Id))!, false);
        }

        var response = await app.TokenAsync(admin.UserName, admin.Password);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("two_factor_enrolment_required", await response.ProblemCodeAsync());
    }
}
