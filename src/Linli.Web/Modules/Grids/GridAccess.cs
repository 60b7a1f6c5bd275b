using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;

namespace Linli.Modules.Grids;

// 网格查找 grids and the accounts that may work on them, as the caller's scope allows.
public static class GridAccess
{
    /// <summary>A grid the caller can see; null otherwise (answered 404).</summary>
    public static Task<OrgUnit?> FindAsync(AppDbContext db, long id, CancellationToken ct) =>
        db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.Level == OrgLevel.Grid, ct);

    /// <summary>A visible unit, or the caller's own unit when none is asked for; null when not visible.</summary>
    public static async Task<OrgUnit?> UnitOrOwnAsync(AppDbContext db, long? orgUnitId, CancellationToken ct)
    {
        var id = orgUnitId ?? db.CurrentUser.OrgUnitId;
        return id is null ? null : await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
    }

    public sealed record Candidate(string Id, string DisplayName, string UserName, long? OrgUnitId);

    /// <summary>
    /// Accounts that may be assigned to the grid: grid workers and community workers bound to the grid or its
    /// community, enabled, and inside the caller's subtree (accounts have no query filter, so it is explicit here).
    /// </summary>
    public static IQueryable<Candidate> Candidates(AppDbContext db, OrgUnit grid) =>
        CandidateUsers(db, grid).OrderBy(u => u.DisplayName).Select(u => new Candidate(u.Id, u.DisplayName, u.UserName!, u.OrgUnitId));

    public static IQueryable<AppUser> CandidateUsers(AppDbContext db, OrgUnit grid)
    {
        var scope = db.CurrentUser.ScopePath;
        if (scope is null) return db.Users.Where(u => false);
        string[] roles = [Roles.GridWorker, Roles.CommunityWorker];
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        return db.Users
            .Where(u => u.OrgPath.StartsWith(scope) && !u.Disabled && (u.OrgUnitId == grid.Id || u.OrgUnitId == grid.ParentId))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
    }

    public static string Ids(IEnumerable<long> ids) => string.Join(',', ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
