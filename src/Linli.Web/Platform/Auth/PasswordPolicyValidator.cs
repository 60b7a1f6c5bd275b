using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Auth;

// Length, character classes and no reuse of the last N passwords.
public sealed class PasswordPolicyValidator(IOptions<SecurityOptions> options, Data.AppDbContext db) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var o = options.Value;
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length < o.MinPasswordLength)
            errors.Add(new() { Code = "PasswordTooShort", Description = Loc.T($"密码至少需要 {o.MinPasswordLength} 个字符。", $"Passwords must be at least {o.MinPasswordLength} characters.") });
        if (CharacterClasses(password) < o.RequiredCharacterClasses)
            errors.Add(new() { Code = "PasswordClasses", Description = Loc.T($"密码需包含小写字母、大写字母、数字、符号中的至少 {o.RequiredCharacterClasses} 类。", $"Passwords must contain at least {o.RequiredCharacterClasses} of: lower case, upper case, digits, symbols.") });
        if (errors.Count == 0 && o.PasswordHistory > 0 && await WasUsedRecentlyAsync(manager, user, password, o.PasswordHistory))
            errors.Add(new() { Code = "PasswordReused", Description = Loc.T($"不能使用最近 {o.PasswordHistory} 次用过的密码。", $"Passwords may not repeat any of the last {o.PasswordHistory}.") });
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    public static int CharacterClasses(string p) =>
        (p.Any(char.IsLower) ? 1 : 0) + (p.Any(char.IsUpper) ? 1 : 0) + (p.Any(char.IsDigit) ? 1 : 0) + (p.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

    async Task<bool> WasUsedRecentlyAsync(UserManager<AppUser> manager, AppUser user, string password, int count)
    {
        var hashes = new List<string>();
        if (user.PasswordHash is not null) hashes.Add(user.PasswordHash);
        if (user.Id is not null)
            hashes.AddRange(await db.PasswordHistory.Where(h => h.UserId == user.Id)
                .OrderByDescending(h => h.Id).Take(count - 1).Select(h => h.PasswordHash).ToListAsync());
        return hashes.Take(count).Any(h => manager.PasswordHasher.VerifyHashedPassword(user, h, password) != PasswordVerificationResult.Failed);
    }
}
