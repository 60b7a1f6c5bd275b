namespace Linli.Platform.Auth;

public static class Roles
{
    // 三权分立: the three separated admin roles. None can do another's work; no account holds two of them.
    public const string SystemAdmin = "SystemAdmin";     // 系统管理员
    public const string SecurityAdmin = "SecurityAdmin"; // 安全管理员
    public const string Auditor = "Auditor";             // 安全审计员

    public const string Official = "Official";                 // 市/区/街道 工作人员
    public const string DepartmentStaff = "DepartmentStaff";   // 部门工作人员
    public const string CommunityWorker = "CommunityWorker";   // 社区工作者
    public const string GridWorker = "GridWorker";             // 网格员
    public const string Resident = "Resident";                 // 居民

    public static readonly string[] AdminRoles = [SystemAdmin, SecurityAdmin, Auditor];
    public static readonly string[] All = [SystemAdmin, SecurityAdmin, Auditor, Official, DepartmentStaff, CommunityWorker, GridWorker, Resident];
    public static readonly string[] Staff = [Official, DepartmentStaff, CommunityWorker, GridWorker];

    public static bool IsAdmin(string role) => AdminRoles.Contains(role);

    public static string DisplayName(string role) => role switch
    {
        SystemAdmin => Loc.T("系统管理员", "System admin"),
        SecurityAdmin => Loc.T("安全管理员", "Security admin"),
        Auditor => Loc.T("安全审计员", "Auditor"),
        Official => Loc.T("机关工作人员", "Official"),
        DepartmentStaff => Loc.T("部门工作人员", "Department staff"),
        CommunityWorker => Loc.T("社区工作者", "Community worker"),
        GridWorker => Loc.T("网格员", "Grid worker"),
        Resident => Loc.T("居民", "Resident"),
        _ => role,
    };
}
