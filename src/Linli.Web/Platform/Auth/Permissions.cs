namespace Linli.Platform.Auth;

/// <summary>
/// Function-level permissions. Each is an authorization policy satisfied by the roles listed in <see cref="Grants"/>.
/// Attach them at route groups and pages; data-level limits come from the OrgScope query filter.
/// </summary>
public static class Permissions
{
    public const string Staff = "Staff";                       // any signed-in staff member: unit home page
    public const string OrgUnitsRead = "OrgUnits.Read";
    public const string OrgUnitsManage = "OrgUnits.Manage";
    public const string DepartmentsManage = "Departments.Manage";
    public const string AccountsManage = "Accounts.Manage";
    public const string AuditRead = "Audit.Read";
    public const string Authenticated = "Authenticated";       // any signed-in account (profile, password change)
    public const string Portal = "Portal";                     // resident portal

    public static readonly IReadOnlyDictionary<string, string[]> Grants = new Dictionary<string, string[]>
    {
        [Staff] = Roles.Staff,
        [OrgUnitsRead] = [.. Roles.Staff, Roles.SystemAdmin, Roles.SecurityAdmin],
        [OrgUnitsManage] = [Roles.SystemAdmin],
        [DepartmentsManage] = [Roles.SystemAdmin],
        [AccountsManage] = [Roles.SecurityAdmin],
        [AuditRead] = [Roles.Auditor],
        [Authenticated] = Roles.All,
        [Portal] = [Roles.Resident],
    };
}
