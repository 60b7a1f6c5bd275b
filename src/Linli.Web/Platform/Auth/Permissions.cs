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
    public const string ResidentsRead = "Residents.Read";      // 人口与户籍: residents, households, houses, buildings
    public const string ResidentsWrite = "Residents.Write";
    public const string ResidentsReveal = "Residents.Reveal";  // see a whole ID number or phone, with a stated reason
    public const string SensitiveTagsRead = "SensitiveTags.Read"; // disability, 低保/特困, 社区矫正, 刑释解教
    public const string TagDefinitionsRead = "TagDefinitions.Read";     // the key-population tag catalogue
    public const string TagDefinitionsManage = "TagDefinitions.Manage"; // 自定义重点人群标签
    public const string VisitsRead = "Visits.Read";            // 走访: visits, due lists, coverage, ledgers
    public const string VisitsRecord = "Visits.Record";        // record a visit as the worker who made it
    public const string VisitRulesRead = "VisitRules.Read";    // 走访频次
    public const string VisitRulesManage = "VisitRules.Manage";
    public const string GridsManage = "Grids.Manage";          // 网格管理: assign workers, re-draw grids, boundaries
    public const string MattersConfigRead = "MattersConfig.Read";   // 工作日历、事项分类: read
    public const string MattersConfigure = "Matters.Configure";     // 工作日历、事项分类: edit (city-wide)
    public const string MattersRead = "Matters.Read";          // 民情诉求: lists, detail and timeline in scope
    public const string MattersRegister = "Matters.Register";  // register a matter (一门受理, 代办)
    public const string Open311Clients = "Open311.Clients";     // Open311 接入系统: issue and revoke api keys
    public const string NotificationsRead = "Notifications.Read"; // 收件箱: one's own messages
    public const string MattersHandle = "Matters.Handle";      // workflow actions on matters in scope (受理, 派遣, 办结 …)
    public const string MattersSupervise = "Matters.Supervise"; // 督办 from a higher level

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
        [ResidentsRead] = [Roles.CommunityWorker, Roles.GridWorker, Roles.Official],
        [ResidentsWrite] = [Roles.CommunityWorker, Roles.GridWorker],
        [ResidentsReveal] = [Roles.CommunityWorker, Roles.GridWorker, Roles.Official],
        [SensitiveTagsRead] = [Roles.CommunityWorker, Roles.Official],
        [TagDefinitionsRead] = [Roles.CommunityWorker, Roles.GridWorker, Roles.Official, Roles.SystemAdmin],
        [TagDefinitionsManage] = [Roles.SystemAdmin],
        [VisitsRead] = [Roles.CommunityWorker, Roles.GridWorker, Roles.Official],
        [VisitsRecord] = [Roles.CommunityWorker, Roles.GridWorker],
        [VisitRulesRead] = [Roles.CommunityWorker, Roles.GridWorker, Roles.Official, Roles.SystemAdmin],
        [VisitRulesManage] = [Roles.SystemAdmin],
        [GridsManage] = [Roles.Official, Roles.CommunityWorker],
        [MattersConfigRead] = [.. Roles.Staff, Roles.SystemAdmin],
        [MattersConfigure] = [Roles.SystemAdmin],
        [MattersRead] = Roles.Staff,
        [MattersRegister] = [Roles.CommunityWorker, Roles.GridWorker, Roles.Official],
        [Open311Clients] = [Roles.SecurityAdmin],
        [NotificationsRead] = Roles.Staff,
        [MattersHandle] = Roles.Staff,
        [MattersSupervise] = [Roles.Official],
    };
}
