using Linli.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Linli.Platform.Auth;

/// <summary>
/// Identity's store re-attaches the user on every update, which on an already tracked entity accepts its changes:
/// EF then sees old = new for every column, the audit capture finds nothing to record, and every column is written.
/// For tracked users this saves only what changed, so the audit log gets the before/after of each account change.
/// </summary>
public sealed class LinliUserStore(AppDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, AppDbContext, string>(context, describer)
{
    public override async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        if (Context.Entry(user).State == EntityState.Detached)
            return await base.UpdateAsync(user, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        user.ConcurrencyStamp = Guid.NewGuid().ToString(); // the tracked original stays the concurrency check
        try
        {
            await SaveChanges(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
        }
        return IdentityResult.Success;
    }
}
