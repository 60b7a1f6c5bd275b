using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Problems;

namespace Linli.Modules.Matters;

// 办理步骤 what each action changes on the matter and the timeline rows it writes. Public rows speak to the resident;
// staff reasons go into private rows. Every new deadline clears the warning and overdue marks.
public sealed class MatterSteps(AppDbContext db, Matter m, MatterDeadlines deadlines, DateTime now, string actorId, string actorName)
{
    public sealed record Target(long UnitId, string UnitPath, string UnitName, long? DepartmentId, string? DepartmentName);

    public List<MatterEvent> Events { get; } = [];

    public async Task ApplyAsync(MatterAction action, MatterState next, MatterActions.Input input, Target? target, CancellationToken ct)
    {
        var reason = input.Reason?.Trim() is { Length: > 0 } r ? r : null;
        var limits = await db.MatterCategories.AsNoTracking().Where(c => c.Id == m.CategoryId)
            .Select(c => new { c.AcceptHours, c.ResolveDays }).SingleAsync(ct);
        var state = m.State;
        m.State = next;
        switch (action)
        {
            case MatterAction.Accept:
                m.AcceptedAt = now;
                if (m.HandlingUnitId is null) { m.HandlingUnitId = m.RegisteredByUnitId; m.HandlingPath = m.OrgPath; }
                NewDeadline(resolve: deadlines.AddDays(now, limits.ResolveDays));
                Add(MatterEventType.Accepted, true, Loc.T($"您的诉求已受理，将于 {Local(m.ResolveDueAt!.Value)} 前办结。",
                    $"Accepted; due by {Local(m.ResolveDueAt!.Value)}."));
                break;
            case MatterAction.Reject:
                m.ClosedAt = now;
                Add(MatterEventType.Rejected, true, Loc.T("不予受理：", "Not accepted: ") + reason);
                break;
            case MatterAction.Dispatch:
                m.DispatchedByUnitId = db.CurrentUser.OrgUnitId;
                HandTo(target!.UnitId, target.UnitPath, target.DepartmentId);
                m.DispatchedAt = now;
                var to = target.UnitName + (target.DepartmentName is null ? "" : " " + target.DepartmentName);
                Add(MatterEventType.Dispatched, true, Loc.T($"已转交{to}办理。", $"Passed to {to}."));
                if (reason is not null) Add(MatterEventType.StaffNote, false, reason);
                break;
            case MatterAction.Start:
                m.AssigneeId = actorId;
                m.AssigneeName = actorName;
                Add(MatterEventType.Started, false, reason);
                break;
            case MatterAction.Return:
                if (m.DispatchedByUnitId is not { } back) throw MatterActions.Refused(state, action);
                // The dispatcher may sit above the handler's scope: only its path is read.
                var path = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == back).Select(u => u.OrgPath).SingleAsync(ct);
                HandTo(back, path, null);
                m.DispatchedByUnitId = null;
                Add(MatterEventType.Returned, false, reason);
                break;
            case MatterAction.Escalate:
                var current = m.HandlingUnitId ?? m.RegisteredByUnitId;
                // The level above lies outside the handler's scope: only its id, name and path are read.
                var parentId = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == current).Select(u => u.ParentId).SingleAsync(ct);
                var up = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == parentId)
                    .Select(u => new { u.Id, u.Name, u.OrgPath }).SingleOrDefaultAsync(ct)
                    ?? throw new BusinessRuleException("matter.transition", Loc.T("已是最高层级，不能再上报。", "Already at the top level."));
                HandTo(up.Id, up.OrgPath, null);
                m.DispatchedByUnitId = null;
                m.EscalationCount++;
                NewDeadline(accept: deadlines.AddHours(now, limits.AcceptHours));
                Add(MatterEventType.Escalated, true, Loc.T($"已上报{up.Name}协调办理。", $"Raised to {up.Name}."));
                Add(MatterEventType.StaffNote, false, Loc.T("上报原因：", "Reason: ") + reason);
                break;
            case MatterAction.RequestExtension:
                m.ResumeState = state;
                m.ExtensionDays = input.Days;
                Add(MatterEventType.ExtensionRequested, false, Loc.T($"申请延期 {input.Days} 个工作日：", $"{input.Days} working days: ") + reason);
                break;
            case MatterAction.ApproveExtension:
                NewDeadline(resolve: deadlines.AddDays(m.ResolveDueAt ?? now, m.ExtensionDays ?? 0));
                Add(MatterEventType.ExtensionApproved, false, Loc.T($"同意延期 {m.ExtensionDays} 个工作日，新时限 {Local(m.ResolveDueAt!.Value)}。",
                    $"{m.ExtensionDays} working days granted; due {Local(m.ResolveDueAt!.Value)}.") + (reason is null ? "" : " " + reason));
                m.ResumeState = null;
                m.ExtensionDays = null;
                break;
            case MatterAction.RefuseExtension:
                m.ResumeState = null;
                m.ExtensionDays = null;
                Add(MatterEventType.ExtensionRefused, false, reason);
                break;
            case MatterAction.Supervise:
                m.Supervised = true;
                m.SupervisedAt = now;
                Add(MatterEventType.Supervised, false, reason);
                break;
            case MatterAction.Suspend:
                m.ResumeState = state;
                m.SuspendedAt = now;
                Add(MatterEventType.Suspended, false, reason);
                break;
            case MatterAction.Resume:
                // The clock stood still while suspended: what was left of the working time runs from now.
                if (m.ResolveDueAt is { } due)
                    NewDeadline(resolve: deadlines.AddHours(now, deadlines.HoursBetween(m.SuspendedAt ?? now, due)));
                m.SuspendedAt = null;
                m.ResumeState = null;
                Add(MatterEventType.Resumed, false, reason);
                break;
            case MatterAction.Resolve:
                m.ResolvedAt = now;
                m.ResolvedById = actorId;
                m.Result = input.Result!.Trim();
                Add(MatterEventType.Resolved, true, m.Result);
                break;
            case MatterAction.Verify when next == MatterState.Verified:
                m.VerifiedAt = now;
                Add(MatterEventType.Verified, false, reason);
                break;
            case MatterAction.Verify:
                m.ReworkCount++;
                NewDeadline(resolve: deadlines.AddDays(now, limits.ResolveDays));
                Add(MatterEventType.VerificationFailed, false, reason);
                break;
            case MatterAction.FollowUp or MatterAction.Rate:
                m.FollowedUpAt = now;
                m.Satisfaction = input.Satisfaction;
                if (action == MatterAction.Rate) m.RatedAt = now;
                Add(MatterEventType.FollowedUp, true, Loc.T("评价：", "Rating: ") + Labels.Of(input.Satisfaction) + (reason is null ? "" : "。" + reason));
                if (next != MatterState.Reopened) break;
                m.RedoCount++;
                NewDeadline(resolve: deadlines.AddDays(now, limits.ResolveDays));
                Add(MatterEventType.Reopened, true, Loc.T("您对结果不满意，诉求已重新办理。", "Not satisfied: the matter is being handled again."));
                break;
            case MatterAction.Close:
                m.ClosedAt = now;
                Add(MatterEventType.Closed, true, Loc.T("诉求已办结，感谢您的反映。", "Closed. Thank you for raising it."));
                break;
        }
    }

    void HandTo(long unitId, string unitPath, long? departmentId)
    {
        m.HandlingUnitId = unitId;
        m.HandlingPath = unitPath;
        m.HandlingDepartmentId = departmentId;
        m.AssigneeId = null;
        m.AssigneeName = null;
    }

    void NewDeadline(DateTime? accept = null, DateTime? resolve = null)
    {
        if (accept is not null) m.AcceptDueAt = accept;
        if (resolve is not null) m.ResolveDueAt = resolve;
        m.WarnedAt = null;
        m.OverdueAt = null;
    }

    void Add(MatterEventType type, bool isPublic, string? note) => Events.Add(new MatterEvent
    {
        MatterId = m.Id, Type = type, ActorId = actorId, ActorName = actorName, At = now, Note = note, IsPublic = isPublic, OrgPath = m.OrgPath,
    });

    string Local(DateTime utc) => deadlines.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");

    /// <summary>Where a dispatch goes: the given unit and/or department in the caller's subtree, else the routing suggestion.</summary>
    public static async Task<Target?> DispatchTargetAsync(AppDbContext db, Matter m, MatterActions.Input input, CancellationToken ct)
    {
        long? unitId = input.UnitId, departmentId = input.DepartmentId;
        if (unitId is null && departmentId is null)
        {
            var s = await MatterRouting.SuggestAsync(db, m.CategoryId, m.OrgPath, ct);
            if (s is not { InScope: true }) throw NoTarget(Loc.T("没有可派遣的建议单位，请选择单位或部门，或上报。", "No suggestion in your area: choose a unit or department, or escalate."));
            (unitId, departmentId) = (s.UnitId, s.DepartmentId);
        }
        string? departmentName = null;
        if (departmentId is { } d)
        {
            var dept = await db.Departments.AsNoTracking().Where(x => x.Id == d && x.Active).Select(x => new { x.OrgUnitId, x.Name }).SingleOrDefaultAsync(ct);
            if (dept is null) return null;
            if (unitId is not null && unitId != dept.OrgUnitId) throw NoTarget(Loc.T("该部门不属于所选单位。", "The department belongs to another unit."), "departmentId");
            (unitId, departmentName) = (dept.OrgUnitId, dept.Name);
        }
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId && u.Active).Select(u => new { u.Id, u.OrgPath, u.Name }).SingleOrDefaultAsync(ct);
        if (unit is null) return null;
        if (departmentId is null && unit.Id == (m.HandlingUnitId ?? m.RegisteredByUnitId))
            throw NoTarget(Loc.T("请选择下级单位或部门。", "Choose a unit below or a department."));
        return new Target(unit.Id, unit.OrgPath, unit.Name, departmentId, departmentName);
    }

    static FieldErrorsException NoTarget(string message, string field = "unitId") => new(new Dictionary<string, string[]> { [field] = [message] });
}
