using Microsoft.AspNetCore.Identity;

namespace Linli.Platform.Auth;

// 账号 account: bound to one org unit (or a department, which implies its unit) and one or more roles.
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public long? OrgUnitId { get; set; }
    public long? DepartmentId { get; set; }

    // Path of the bound unit at the time of the last write; kept current when units move.
    public string OrgPath { get; set; } = "";

    public bool Disabled { get; set; }
    public bool MustChangePassword { get; set; } = true;
    public DateTime? PasswordChangedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastLoginAt { get; set; }

    // Demo accounts skip the forced first password change and two-factor; they exist only in demo mode.
    public bool IsDemo { get; set; }
}

// Hashes of earlier passwords, so the last N cannot be reused.
public sealed class PasswordHistoryEntry
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string PasswordHash { get; set; }
    public DateTime ChangedAt { get; set; }
}

// An issued API bearer token. Only the SHA-256 of the token is stored; disabling the user deletes its tokens.
public sealed class ApiToken
{
    public required string TokenHash { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
