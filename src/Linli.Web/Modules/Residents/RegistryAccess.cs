using Linli.Platform.Auth;
using Linli.Platform.OrgScope;

namespace Linli.Modules.Residents;

// 权限判断 what the current caller may do in the registry, for decisions inside handlers and pages
// (endpoints and pages are guarded by their policies; this is for the parts of a page or query that differ).
public static class RegistryAccess
{
    // The role EnterSystemScope gives to start-up work, CLI verbs and jobs.
    const string SystemRole = "System";

    public static bool Has(this CurrentUser user, string permission) =>
        Permissions.Grants.TryGetValue(permission, out var roles)
        && user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(roles.Contains);

    /// <summary>Read by the "SensitiveTags" query filter: sensitive tags exist only for roles granted them.</summary>
    public static bool SeesSensitiveTags(this CurrentUser user) =>
        user.Roles == SystemRole || user.Has(Permissions.SensitiveTagsRead);

    /// <summary>
    /// The caller's own unit's ancestors and itself ("/1/", "/1/2/", …): a grid worker's houses lie in buildings
    /// owned by the community above, whose names (not contents) the worker needs for addresses.
    /// </summary>
    public static IReadOnlyList<string> AncestorPaths(this CurrentUser user)
    {
        if (user.ScopePath is not { } scope) return [];
        var list = new List<string>();
        for (var i = scope.IndexOf('/', 1); i > 0; i = scope.IndexOf('/', i + 1)) list.Add(scope[..(i + 1)]);
        return list;
    }
}
