using Linli.Data;
using Linli.Platform.Auth;

namespace Linli.Modules.Accounts;

// 账号视图 account as the security admin sees it: never the password hash, stamps or authenticator key.
public sealed record UserView(
    string Id, string UserName, string DisplayName, string[] Roles,
    long? OrgUnitId, string? OrgUnitName, long? DepartmentId, string? DepartmentName,
    bool Disabled, bool LockedOut, DateTime? LastLoginAt,
    bool MustChangePassword, bool TwoFactorEnabled, DateTime CreatedAt)
{
    // One row before roles are attached; unit and department names come from the scoped sets.
    sealed record Row(string Id, string UserName, string DisplayName, long? OrgUnitId, string? OrgUnitName, long? DepartmentId,
        string? DepartmentName, bool Disabled, DateTimeOffset? LockoutEnd, DateTime? LastLoginAt, bool MustChangePassword,
        bool TwoFactorEnabled, DateTime CreatedAt);

    static IQueryable<Row> Project(AppDbContext db, IQueryable<AppUser> users) => users.Select(u => new Row(
        u.Id, u.UserName!, u.DisplayName, u.OrgUnitId,
        db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
        u.DepartmentId,
        db.Departments.Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault(),
        u.Disabled, u.LockoutEnd, u.LastLoginAt, u.MustChangePassword, u.TwoFactorEnabled, u.CreatedAt));

    /// <summary>A page of accounts, ordered as the query is; roles attached with one extra query.</summary>
    public static async Task<Linli.Platform.Api.Paged<UserView>> PageAsync(AppDbContext db, IQueryable<AppUser> users,
        int? page, int? pageSize, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await Linli.Platform.Api.Paging.ToPagedAsync(Project(db, users), page, pageSize, ct);
        var roles = await RolesOfAsync(db, rows.Items.Select(r => r.Id).ToList(), ct);
        return new(rows.Items.Select(r => From(r, roles, now)).ToList(), rows.Total);
    }

    public static async Task<UserView?> LoadAsync(AppDbContext db, string id, DateTimeOffset now, CancellationToken ct)
    {
        var row = await Project(db, AccountRules.Visible(db).Where(u => u.Id == id)).SingleOrDefaultAsync(ct);
        return row is null ? null : From(row, await RolesOfAsync(db, [id], ct), now);
    }

    static async Task<ILookup<string, string>> RolesOfAsync(AppDbContext db, List<string> ids, CancellationToken ct) =>
        (await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ids.Contains(ur.UserId)
                select new { ur.UserId, r.Name }).ToListAsync(ct))
        .ToLookup(x => x.UserId, x => x.Name!);

    static UserView From(Row r, ILookup<string, string> roles, DateTimeOffset now) => new(
        r.Id, r.UserName, r.DisplayName, [.. roles[r.Id].Order(StringComparer.Ordinal)],
        r.OrgUnitId, r.OrgUnitName, r.DepartmentId, r.DepartmentName,
        r.Disabled, r.LockoutEnd is { } end && end > now, r.LastLoginAt, r.MustChangePassword, r.TwoFactorEnabled, r.CreatedAt);
}
