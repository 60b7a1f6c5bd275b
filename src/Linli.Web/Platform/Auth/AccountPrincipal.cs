using System.Globalization;
using System.Security.Claims;
using Linli.Data;
using Microsoft.AspNetCore.Identity;

namespace Linli.Platform.Auth;

/// <summary>
/// The caller's principal, rebuilt from the database on every request (cookie and bearer alike) so a disabled account,
/// a changed role or a moved unit takes effect at once — in one query: the account, its role names and its unit's name.
/// Linli keeps no per-user or per-role claims, so Identity's claim tables are not read.
/// </summary>
public static class AccountPrincipal
{
    public sealed record Account(AppUser User, List<string> Roles, string? UnitName);

    /// <summary>The account with the given id; null when there is none.</summary>
    public static Task<Account?> LoadAsync(AppDbContext db, string userId, CancellationToken ct) =>
        Query(db, db.Users.Where(u => u.Id == userId)).FirstOrDefaultAsync(ct);

    /// <summary>The account holding an unexpired API token with this hash; null when there is none.</summary>
    public static Task<Account?> LoadByTokenAsync(AppDbContext db, string tokenHash, DateTime nowUtc, CancellationToken ct) =>
        Query(db, db.Users.Where(u => db.ApiTokens.Any(t => t.TokenHash == tokenHash && t.UserId == u.Id && t.ExpiresAt > nowUtc)))
            .FirstOrDefaultAsync(ct);

    // The unit's name is the caller's own unit, read before any scope exists (hence no query filters).
    static IQueryable<Account> Query(AppDbContext db, IQueryable<AppUser> users) =>
        users.IgnoreQueryFilters().AsNoTracking().Select(u => new Account(u,
            db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault()));

    /// <summary>The claims Identity's factory would give (id, name, e-mail, security stamp, roles) and Linli's own.</summary>
    public static ClaimsIdentity Identity(AppUser user, IReadOnlyCollection<string> roles, string? unitName, IdentityOptions options,
        SecurityOptions security, DateTime nowUtc)
    {
        var types = options.ClaimsIdentity;
        var id = new ClaimsIdentity(IdentityConstants.ApplicationScheme, types.UserNameClaimType, types.RoleClaimType);
        id.AddClaim(new(types.UserIdClaimType, user.Id));
        id.AddClaim(new(types.UserNameClaimType, user.UserName ?? ""));
        if (user.Email is { } email) id.AddClaim(new(types.EmailClaimType, email));
        id.AddClaim(new(types.SecurityStampClaimType, user.SecurityStamp ?? ""));
        foreach (var role in roles) id.AddClaim(new(types.RoleClaimType, role));
        id.AddClaim(new(LinliClaims.DisplayName, user.DisplayName));
        if (user.OrgUnitId is { } org) id.AddClaim(new(LinliClaims.OrgUnitId, org.ToString(CultureInfo.InvariantCulture)));
        if (user.DepartmentId is { } dept) id.AddClaim(new(LinliClaims.DepartmentId, dept.ToString(CultureInfo.InvariantCulture)));
        if (!string.IsNullOrEmpty(user.OrgPath)) id.AddClaim(new(LinliClaims.OrgPath, user.OrgPath));
        if (unitName is not null) id.AddClaim(new(LinliClaims.OrgUnitName, unitName));
        if (PasswordChangeRequired(user, security, nowUtc)) id.AddClaim(new(LinliClaims.MustChangePassword, "true"));
        if (TwoFactorEnrolmentRequired(user, roles, security)) id.AddClaim(new(LinliClaims.MustEnrollTwoFactor, "true"));
        return id;
    }

    /// <summary>Disabled, locked out, or gone: such an account holds no session and no token.</summary>
    public static bool Barred(AppUser user, DateTimeOffset now) => user.Disabled || user.LockoutEnd is { } end && end > now;

    public static bool PasswordChangeRequired(AppUser user, SecurityOptions o, DateTime nowUtc) =>
        !user.IsDemo && (user.MustChangePassword || user.PasswordChangedAt is null || user.PasswordChangedAt.Value.AddDays(o.PasswordMaxAgeDays) < nowUtc);

    public static bool TwoFactorEnrolmentRequired(AppUser user, IEnumerable<string> roles, SecurityOptions o) =>
        o.RequireTwoFactorForAdmins && !user.IsDemo && !user.TwoFactorEnabled && roles.Any(Roles.IsAdmin);
}
