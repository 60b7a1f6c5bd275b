using Linli.Data;
using Linli.Platform.OrgScope;

namespace Linli.Modules.Matters;

// 办理情况 the workflow side of a matter's detail: who handles it, its deadlines and light, the counters, and the
// actions the caller may take now.
public sealed record MatterFlowView(long? HandlingUnitId, string? HandlingUnitName, long? HandlingDepartmentId, string? HandlingDepartmentName,
    long? DispatchedByUnitId, string? AssigneeId, string? AssigneeName, DateTime? AcceptDueAt, DateTime? ResolveDueAt, DateTime? RunningDueAt,
    DeadlineLight Light, bool Supervised, DateTime? SupervisedAt, DateTime? SuspendedAt, MatterState? ResumeState, int? ExtensionDays,
    DateTime? AcceptedAt, DateTime? DispatchedAt, DateTime? ResolvedAt, string? Result, DateTime? VerifiedAt, DateTime? FollowedUpAt,
    MatterSatisfaction? Satisfaction, DateTime? ClosedAt, int EscalationCount, int ReworkCount, int RedoCount, IReadOnlyList<MatterAction> Allowed)
{
    public static async Task<MatterFlowView> LoadAsync(AppDbContext db, Matter m, CancellationToken ct)
    {
        var now = MatterDeadlines.Services(db).GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var unitId = m.HandlingUnitId ?? m.RegisteredByUnitId;
        // The handler may sit above or beside the caller's scope (escalated, dispatched): its name only.
        var unitName = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        var deptName = m.HandlingDepartmentId is not { } d ? null
            : await db.Departments.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct);
        return Of(m, unitName, deptName, now, db.CurrentUser);
    }

    /// <summary>The view from names already at hand (a matter just registered: its handler is the caller's unit).</summary>
    public static MatterFlowView Of(Matter m, string? unitName, string? deptName, DateTime nowUtc, CurrentUser me) =>
        new(m.HandlingUnitId ?? m.RegisteredByUnitId, unitName, m.HandlingDepartmentId, deptName, m.DispatchedByUnitId, m.AssigneeId, m.AssigneeName,
            m.AcceptDueAt, m.ResolveDueAt, MatterClock.RunningDue(m), MatterClock.Light(m, nowUtc), m.Supervised, m.SupervisedAt, m.SuspendedAt,
            m.ResumeState, m.ExtensionDays, m.AcceptedAt, m.DispatchedAt, m.ResolvedAt, m.Result, m.VerifiedAt, m.FollowedUpAt, m.Satisfaction,
            m.ClosedAt, m.EscalationCount, m.ReworkCount, m.RedoCount, AllowedFor(m, me));

    public static IReadOnlyList<MatterAction> AllowedFor(Matter m, CurrentUser me) =>
        MatterWorkflow.Allowed(m.State, MatterRelations.Of(m, me), MatterRelations.IsOfficial(me))
            .Where(a => a != MatterAction.Return || m.DispatchedByUnitId is not null).ToList();
}
