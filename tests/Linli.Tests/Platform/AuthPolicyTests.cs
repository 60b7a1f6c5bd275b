using System.Security.Claims;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linli.Tests.Platform;

public sealed class AuthPolicyTests(Apps apps)
{
    [Fact]
    public void SecurityOptions_Defaults_FollowDengbaoLevel3()
    {
        var o = new SecurityOptions();

        Assert.Equal((10, 3, 90, 5), (o.MinPasswordLength, o.RequiredCharacterClasses, o.PasswordMaxAgeDays, o.PasswordHistory));
        Assert.Equal((5, 15), (o.MaxFailedAccessAttempts, o.LockoutMinutes));
        Assert.Equal((30, 12, 60), (o.IdleTimeoutMinutes, o.AbsoluteTimeoutHours, o.TokenLifetimeMinutes));
        Assert.True(o.RequireTwoFactorForAdmins);
    }

    [Fact]
    public void SecurityOptions_FromConfiguration_DriveIdentityAndTheCookie()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:MinPasswordLength"] = "14", ["Security:MaxFailedAccessAttempts"] = "3", ["Security:LockoutMinutes"] = "30",
            ["Security:IdleTimeoutMinutes"] = "10",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddLinliAuth(config).BuildServiceProvider();

        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(14, services.GetRequiredService<IOptions<SecurityOptions>>().Value.MinPasswordLength);
        Assert.Equal(3, identity.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(30), identity.Lockout.DefaultLockoutTimeSpan);
        Assert.Equal(TimeSpan.FromMinutes(10), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.True(cookie.Cookie.HttpOnly);
        Assert.Equal(Microsoft.AspNetCore.Http.SameSiteMode.Lax, cookie.Cookie.SameSite);
    }

    // 三权分立: no admin role is granted another admin's permission, whatever endpoints exist yet.
    [Theory]
    [InlineData(Roles.SystemAdmin, Permissions.OrgUnitsManage, Permissions.AccountsManage)]
    [InlineData(Roles.SystemAdmin, Permissions.OrgUnitsManage, Permissions.AuditRead)]
    [InlineData(Roles.SecurityAdmin, Permissions.AccountsManage, Permissions.OrgUnitsManage)]
    [InlineData(Roles.SecurityAdmin, Permissions.AccountsManage, Permissions.DepartmentsManage)]
    [InlineData(Roles.SecurityAdmin, Permissions.AccountsManage, Permissions.AuditRead)]
    [InlineData(Roles.Auditor, Permissions.AuditRead, Permissions.AccountsManage)]
    [InlineData(Roles.Auditor, Permissions.AuditRead, Permissions.OrgUnitsRead)]
    [InlineData(Roles.Auditor, Permissions.AuditRead, Permissions.OrgUnitsManage)]
    public async Task Policies_AdminRole_HasOwnPermissionButNotAnothersAdmin(string role, string own, string other)
    {
        var app = await apps.For(Provider.Sqlite);
        var authz = app.Services.GetRequiredService<IAuthorizationService>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x"), new Claim(ClaimTypes.Role, role)], "test"));

        Assert.True((await authz.AuthorizeAsync(principal, own)).Succeeded);
        Assert.False((await authz.AuthorizeAsync(principal, other)).Succeeded);
    }
}
