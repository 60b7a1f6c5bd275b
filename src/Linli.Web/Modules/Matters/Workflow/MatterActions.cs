using Linli.Data;
using Linli.Modules.Matters.Calendar;
using Linli.Modules.Notifications;
using Linli.Modules.Residents;
using Linli.Platform.Problems;

namespace Linli.Modules.Matters;

// 办理动作 the one path every workflow action takes: load in scope (else 404), check the state machine (else 409),
// check the input (else 400), change the matter, record the step, notify, audit, save.
public static class MatterActions
{
    /// <summary>What an action may carry; each action reads only its own fields.</summary>
    public sealed record Input(string? Reason = null, string? Result = null, long? UnitId = null, long? DepartmentId = null,
        int? Days = null, bool? Passed = null, MatterSatisfaction? Satisfaction = null);

    public const int MaxExtensionDays = 60;

    /// <summary>False when the matter (or the dispatch target) is not visible to the caller.</summary>
    public static async Task<bool> ApplyAsync(AppDbContext db, WorkCalendar calendar, TimeProvider time, long id, MatterAction action,
        Input input, CancellationToken ct)
    {
        var m = await db.Matters.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return false;
        var me = db.CurrentUser;
        Validate(action, input);
        var positive = action switch
        {
            MatterAction.Verify => input.Passed == true,
            MatterAction.FollowUp => input.Satisfaction != MatterSatisfaction.NotSatisfied,
            _ => true,
        };
        var next = MatterWorkflow.Next(m.State, action, MatterRelations.Of(m, me), MatterRelations.IsOfficial(me), positive, m.ResumeState)
            ?? throw Refused(m.State, action);
        MatterSteps.Target? target = null;
        if (action == MatterAction.Dispatch && (target = await MatterSteps.DispatchTargetAsync(db, m, input, ct)) is null) return false;
        var deadlines = await MatterDeadlines.LoadAsync(calendar, time, ct);
        var step = new MatterSteps(db, m, deadlines, time.GetUtcNow().UtcDateTime, me.UserId!, me.UserName ?? "");
        await step.ApplyAsync(action, next, input, target, ct);
        await SaveAsync(db, m, step, action, ct);
        return true;
    }

    /// <summary>The reporter's rating through tracking (回访 by the resident): the matter was found by its ticket and token.</summary>
    public static async Task RateAsync(AppDbContext db, WorkCalendar calendar, TimeProvider time, Matter m, MatterSatisfaction satisfaction,
        string? comment, CancellationToken ct)
    {
        var next = MatterWorkflow.Next(m.State, MatterAction.Rate, MatterRelation.Resident, false,
            satisfaction != MatterSatisfaction.NotSatisfied);
        if (next is null || m.RatedAt is not null) throw Refused(m.State, MatterAction.Rate);
        var deadlines = await MatterDeadlines.LoadAsync(calendar, time, ct);
        var step = new MatterSteps(db, m, deadlines, time.GetUtcNow().UtcDateTime, "resident", Loc.T("反映人", "Reporter"));
        await step.ApplyAsync(MatterAction.Rate, next.Value, new Input(Reason: comment, Satisfaction: satisfaction), null, ct);
        await SaveAsync(db, m, step, MatterAction.Rate, ct);
    }

    static async Task SaveAsync(AppDbContext db, Matter m, MatterSteps step, MatterAction action, CancellationToken ct)
    {
        foreach (var e in step.Events)
        {
            db.MatterEvents.Add(e);
            await MatterNotifications.OnEventAsync(db, m, e, ct);
        }
        db.AuditAction = $"Matter.{action}";
        await db.SaveChangesAsync(ct);
    }

    public static BusinessRuleException Refused(MatterState state, MatterAction action) => new("matter.transition",
        Loc.T($"诉求当前为“{Labels.Zh(state)}”，您不能执行“{Labels.Zh(action)}”。", $"The matter is {state}: you cannot {action} it now."));

    static void Validate(MatterAction action, Input input)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = input.Reason?.Trim();
        var needsReason = action is MatterAction.Reject or MatterAction.Return or MatterAction.Escalate or MatterAction.Suspend
            or MatterAction.RequestExtension or MatterAction.RefuseExtension || (action == MatterAction.Verify && input.Passed == false);
        if (needsReason && string.IsNullOrEmpty(reason)) errors["reason"] = [Loc.T("请填写原因。", "Enter the reason.")];
        if (reason?.Length > 500) errors["reason"] = [Loc.T("原因不超过 500 字。", "The reason has at most 500 characters.")];
        if (action == MatterAction.Resolve && (string.IsNullOrWhiteSpace(input.Result) || input.Result.Trim().Length > 2000))
            errors["result"] = [Loc.T("请填写办理结果（不超过 2000 字）。", "Enter the result (at most 2000 characters).")];
        if (action == MatterAction.RequestExtension && input.Days is not (>= 1 and <= MaxExtensionDays))
            errors["days"] = [Loc.T($"延期天数为 1 至 {MaxExtensionDays} 个工作日。", $"Ask for 1 to {MaxExtensionDays} working days.")];
        if (action == MatterAction.Verify && input.Passed is null) errors["passed"] = [Loc.T("请选择核查结论。", "Choose whether it passed.")];
        if (action == MatterAction.FollowUp && input.Satisfaction is null)
            errors["satisfaction"] = [Loc.T("请选择满意程度。", "Choose the resident's verdict.")];
        if (errors.Count > 0) throw new FieldErrorsException(errors);
    }
}
