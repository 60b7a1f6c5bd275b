using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Auth;

// Sign-in's principal: the same claims AccountPrincipal rebuilds on every later request, so org, flags and roles are never stale.
public sealed class LinliClaimsFactory(IOptions<IdentityOptions> options, IOptions<SecurityOptions> security, TimeProvider time, Data.AppDbContext db)
    : IUserClaimsPrincipalFactory<AppUser>
{
    public async Task<ClaimsPrincipal> CreateAsync(AppUser user)
    {
        var account = await AccountPrincipal.LoadAsync(db, user.Id, CancellationToken.None);
        return new(AccountPrincipal.Identity(user, account?.Roles ?? [], account?.UnitName, options.Value, security.Value, time.GetUtcNow().UtcDateTime));
    }

    public static async Task<bool> TwoFactorEnrolmentRequiredAsync(UserManager<AppUser> users, AppUser user, SecurityOptions o) =>
        AccountPrincipal.TwoFactorEnrolmentRequired(user, await users.GetRolesAsync(user), o);
}
