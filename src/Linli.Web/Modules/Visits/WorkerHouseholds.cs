using Linli.Data;
using Linli.Modules.Grids;
using Linli.Modules.Residents;

namespace Linli.Modules.Visits;

// 包片联户 the households a worker looks after: those in the grids the worker is assigned to; a worker with no running
// assignment looks after the unit the account is bound to (a grid worker their grid, a community worker the community).
// Always within what the caller may see.
public static class WorkerHouseholds
{
    public sealed record Worker(string Id, string Name, long? OrgUnitId, string OrgPath, IReadOnlyList<long> GridIds);

    /// <summary>The worker, if the caller may see the unit the worker is bound to; null otherwise (→ 404).</summary>
    public static async Task<Worker?> FindAsync(AppDbContext db, string workerId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == workerId && !u.Disabled)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.OrgUnitId, u.OrgPath }).SingleOrDefaultAsync(ct);
        if (user is null || user.OrgPath.Length == 0) return null;
        if (!db.CurrentUser.CanSee(user.OrgPath) && user.Id != db.CurrentUser.UserId) return null;
        var grids = await db.GridAssignments.AsNoTracking().Where(a => a.UserId == user.Id && a.EndDate == null)
            .Select(a => a.GridId).Distinct().ToListAsync(ct);
        return new Worker(user.Id, user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? user.Id, user.OrgUnitId, user.OrgPath, grids);
    }

    public static IQueryable<Household> Of(AppDbContext db, Worker worker) =>
        worker.GridIds.Count > 0
            ? db.Households.Where(h => worker.GridIds.Contains(h.OrgUnitId))
            : db.Households.Where(h => h.OrgPath.StartsWith(worker.OrgPath));

    public static async Task<bool> CoversAsync(AppDbContext db, Worker worker, long householdId, CancellationToken ct) =>
        await Of(db, worker).AnyAsync(h => h.Id == householdId, ct);
}
