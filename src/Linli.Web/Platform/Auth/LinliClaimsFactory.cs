using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Auth;

// Rebuilt on every request by the security-stamp check, so org, flags and roles are never stale.
public sealed class LinliClaimsFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options, IOptions<SecurityOptions> security, TimeProvider time, Data.AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new(LinliClaims.DisplayName, user.DisplayName));
        if (user.OrgUnitId is { } org) id.AddClaim(new(LinliClaims.OrgUnitId, org.ToString(CultureInfo.InvariantCulture)));
        if (user.DepartmentId is { } dept) id.AddClaim(new(LinliClaims.DepartmentId, dept.ToString(CultureInfo.InvariantCulture)));
        if (!string.IsNullOrEmpty(user.OrgPath)) id.AddClaim(new(LinliClaims.OrgPath, user.OrgPath));
        // The unit's name for the top bar; the caller's own unit, read before any scope exists.
        if (user.OrgUnitId is { } unitId && await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync() is { } unitName)
            id.AddClaim(new(LinliClaims.OrgUnitName, unitName));
        if (PasswordChangeRequired(user, security.Value, time.GetUtcNow().UtcDateTime))
            id.AddClaim(new(LinliClaims.MustChangePassword, "true"));
        if (await TwoFactorEnrolmentRequiredAsync(UserManager, user, security.Value))
            id.AddClaim(new(LinliClaims.MustEnrollTwoFactor, "true"));
        return id;
    }

    public static bool PasswordChangeRequired(AppUser user, SecurityOptions o, DateTime nowUtc) =>
        !user.IsDemo && (user.MustChangePassword || user.PasswordChangedAt is null || user.PasswordChangedAt.Value.AddDays(o.PasswordMaxAgeDays) < nowUtc);

    public static async Task<bool> TwoFactorRequiredAsync(UserManager<AppUser> users, AppUser user, SecurityOptions o) =>
        o.RequireTwoFactorForAdmins && !user.IsDemo && (await users.GetRolesAsync(user)).Any(Roles.IsAdmin);

    public static async Task<bool> TwoFactorEnrolmentRequiredAsync(UserManager<AppUser> users, AppUser user, SecurityOptions o) =>
        !user.TwoFactorEnabled && await TwoFactorRequiredAsync(users, user, o);
}
