namespace Linli.Platform.OrgScope;

/// <summary>
/// Who is acting in this DI scope (one HTTP request, one CLI run, one job tick): identity for the audit log
/// and the org subtree every scoped query is limited to. A fresh instance sees nothing (fails closed).
/// </summary>
public sealed class CurrentUser
{
    public string? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string Roles { get; private set; } = "";
    public long? OrgUnitId { get; private set; }
    public long? DepartmentId { get; private set; }
    public string? Ip { get; set; }

    /// <summary>The subtree this caller may see; null means nothing.</summary>
    public string? ScopePath { get; private set; }

    public bool IsAuthenticated => UserId is not null;

    public void SetUser(string userId, string userName, string roles, long? orgUnitId, long? departmentId, string? scopePath)
    {
        UserId = userId;
        UserName = userName;
        Roles = roles;
        OrgUnitId = orgUnitId;
        DepartmentId = departmentId;
        ScopePath = scopePath;
    }

    /// <summary>
    /// Whole-city scope for system work: start-up migration and seeding, CLI verbs, background jobs.
    /// Only files on the allow-list in the scope tests may call this.
    /// </summary>
    public void EnterSystemScope(string actor)
    {
        UserName = actor;
        Roles = "System";
        ScopePath = "/";
    }

    public bool CanSee(string orgPath) => ScopePath is not null && orgPath.StartsWith(ScopePath, StringComparison.Ordinal);
}
