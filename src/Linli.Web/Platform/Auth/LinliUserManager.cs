using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Auth;

// Keeps the password history and change date for every way a password changes, in one place.
public sealed class LinliUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    Data.AppDbContext db)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override Task<IdentityResult> CreateAsync(AppUser user)
    {
        if (user.PasswordHash is not null) user.PasswordChangedAt ??= DateTime.UtcNow;
        return base.CreateAsync(user);
    }

    // Change, reset and add-password all end here; the tracked original value tells whether the hash changed.
    protected override Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            var oldHash = entry.Property(u => u.PasswordHash).OriginalValue;
            if (oldHash != user.PasswordHash)
            {
                if (oldHash is not null)
                    db.PasswordHistory.Add(new PasswordHistoryEntry { UserId = user.Id, PasswordHash = oldHash, ChangedAt = DateTime.UtcNow });
                user.PasswordChangedAt = DateTime.UtcNow;
            }
        }
        return base.UpdateUserAsync(user);
    }
}
