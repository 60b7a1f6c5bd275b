using System.Security.Claims;

namespace Linli.Platform.Auth;

// Where a user lands after login: the three admins have no unit home, each goes to their own work.
public static class Landing
{
    public static string For(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return set.Contains(Roles.SystemAdmin) ? "/org-units"
            : set.Contains(Roles.SecurityAdmin) ? "/accounts"
            : set.Contains(Roles.Auditor) ? "/audit"
            : "/";
    }

    public static string For(ClaimsPrincipal user) => For(user.FindAll(ClaimTypes.Role).Select(c => c.Value));

    /// <summary>A local return URL if one was asked for, else the role's home ("/" counts as "no preference").</summary>
    public static string After(string? returnUrl, IEnumerable<string> roles) =>
        returnUrl is { Length: > 1 } u && u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal)
            ? u : For(roles);
}
