using Linli.Data;
using Linli.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Auth;

/// <summary>
/// The password (+ TOTP) check shared by the login page and the token endpoint: lockout counting, disabled
/// accounts, two-factor for the admin roles, and audit rows for success, failure and lockout.
/// </summary>
public static class PasswordLogin
{
    // Code is stable for API clients (problem "code" extension); Message is for people, in the request's language.
    public sealed record Outcome(AppUser? User, int Status, string Message, string Code = "", bool NeedsTotp = false);

    public static async Task<Outcome> CheckAsync(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db,
        string userName, string password, string? totpCode, string channel, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
            return await FailAsync(db, null, userName, "Login.Failed", "unknown user", channel, ct,
                new(null, 401, Loc.T("用户名或密码错误。", "Wrong user name or password."), "invalid_credentials"));

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var minutes = signIn.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes;
            return await FailAsync(db, user, userName, "Login.LockedOut", "locked out", channel, ct,
                new(null, 423, Loc.T($"登录失败次数过多，账号已锁定 {minutes:0} 分钟。", $"Too many failed attempts; the account is locked for {minutes:0} minutes."), "locked_out"));
        }
        if (!result.Succeeded)
            return await FailAsync(db, user, userName, "Login.Failed", "wrong password", channel, ct,
                new(null, 401, Loc.T("用户名或密码错误。", "Wrong user name or password."), "invalid_credentials"));
        // Checked after the password, so only the holder of the right password learns that the account is disabled.
        if (user.Disabled)
            return await FailAsync(db, user, userName, "Login.Failed", "disabled", channel, ct,
                new(null, 401, Loc.T("账号已停用，请联系安全管理员。", "This account is disabled; contact the security admin."), "account_disabled"));

        var security = signIn.Context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (user.TwoFactorEnabled && !user.IsDemo)
        {
            if (string.IsNullOrWhiteSpace(totpCode))
                return new(null, 401, Loc.T("请输入动态验证码。", "Enter the authenticator code."), "totp_required", NeedsTotp: true);
            var ok = await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, totpCode.Replace(" ", ""));
            if (!ok)
            {
                await users.AccessFailedAsync(user);
                return await FailAsync(db, user, userName, "Login.Failed", "wrong totp", channel, ct,
                    new(null, 401, Loc.T("动态验证码错误。", "Wrong authenticator code."), "totp_invalid", NeedsTotp: true));
            }
        }
        else if (channel == "api" && await LinliClaimsFactory.TwoFactorEnrolmentRequiredAsync(users, user, security))
        {
            return await FailAsync(db, user, userName, "Login.Failed", "two-factor not enrolled", channel, ct,
                new(null, 403, Loc.T("管理员账号须先在网页上绑定动态验证码。", "Admin accounts must enrol two-factor authentication in the web UI first."), "two_factor_enrolment_required"));
        }

        if (channel == "api" && AccountPrincipal.PasswordChangeRequired(user, security, DateTime.UtcNow))
            return await FailAsync(db, user, userName, "Login.Failed", "password change required", channel, ct,
                new(null, 403, Loc.T("须先在网页上修改密码。", "The password must be changed in the web UI first."), "password_change_required"));

        user.LastLoginAt = DateTime.UtcNow;
        await users.ResetAccessFailedCountAsync(user);
        db.AddAuditEvent("Login.Succeeded", "User", user.Id, AuditOutcome.Success, after: new { channel, user = user.UserName }, claimedUserName: user.UserName);
        await db.SaveChangesAsync(ct);
        return new(user, 200, "");
    }

    static async Task<Outcome> FailAsync(AppDbContext db, AppUser? user, string userName, string action, string reason,
        string channel, CancellationToken ct, Outcome outcome)
    {
        db.AddAuditEvent(action, "User", user?.Id, action == "Login.LockedOut" ? AuditOutcome.Denied : AuditOutcome.Failure,
            after: new { channel, user = userName, reason }, claimedUserName: user?.UserName ?? userName.Trim());
        await db.SaveChangesAsync(ct);
        return outcome;
    }
}
