namespace Linli.Platform.Auth;

// Defaults follow 等保 level-3 practice. Bound from the "Security" configuration section.
public sealed class SecurityOptions
{
    public int MinPasswordLength { get; set; } = 10;
    public int RequiredCharacterClasses { get; set; } = 3;   // of: lower, upper, digit, symbol
    public int PasswordMaxAgeDays { get; set; } = 90;
    public int PasswordHistory { get; set; } = 5;            // the new password may not equal any of the last N
    public int MaxFailedAccessAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int IdleTimeoutMinutes { get; set; } = 30;
    public int AbsoluteTimeoutHours { get; set; } = 12;
    public int TokenLifetimeMinutes { get; set; } = 60;      // capped at 60
    public bool RequireTwoFactorForAdmins { get; set; } = true;
}

public static class LinliClaims
{
    public const string OrgUnitId = "linli:org";
    public const string OrgPath = "linli:org_path";
    public const string OrgUnitName = "linli:org_name";
    public const string DepartmentId = "linli:dept";
    public const string DisplayName = "linli:name";
    public const string MustChangePassword = "linli:must_change_password";
    public const string MustEnrollTwoFactor = "linli:must_enroll_2fa";
}
