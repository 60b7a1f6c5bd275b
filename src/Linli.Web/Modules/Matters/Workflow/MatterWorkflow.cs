using System.Text.Json.Serialization;
using Linli.Modules.Residents;

namespace Linli.Modules.Matters;

// 办理流程 the matter state machine: which action who may take in which state, and the state it leads to.
// Pure: the caller works out the actor's relation to the matter (MatterRelations) and checks the data-dependent rules.
public static class MatterWorkflow
{
    const MatterState Registered = MatterState.Registered, Accepted = MatterState.Accepted, Dispatched = MatterState.Dispatched,
        InProgress = MatterState.InProgress, Returned = MatterState.Returned, Escalated = MatterState.Escalated,
        ExtensionRequested = MatterState.ExtensionRequested, Suspended = MatterState.Suspended, Resolved = MatterState.Resolved,
        Verified = MatterState.Verified, FollowedUp = MatterState.FollowedUp, Reopened = MatterState.Reopened;

    const MatterRelation Handler = MatterRelation.Handler, Assignee = MatterRelation.Assignee, Above = MatterRelation.Above,
        Dispatcher = MatterRelation.Dispatcher, Owner = MatterRelation.Owner, Resident = MatterRelation.Resident;

    sealed record Rule(MatterState[] From, MatterRelation Who, bool UnitStaffOnly = false, bool OfficialOnly = false, bool NotResolver = false);

    static readonly MatterState[] Working = [Accepted, Dispatched, InProgress, Reopened];

    static readonly Dictionary<MatterAction, Rule> Rules = new()
    {
        [MatterAction.Accept] = new([Registered, Escalated], Handler, UnitStaffOnly: true),
        [MatterAction.Reject] = new([Registered, Escalated], Handler, UnitStaffOnly: true),
        [MatterAction.Dispatch] = new([Accepted, Dispatched, Returned, Reopened], Handler, UnitStaffOnly: true),
        [MatterAction.Start] = new([Accepted, Dispatched, Returned, Reopened], Handler),
        [MatterAction.Return] = new([Dispatched, InProgress], Handler),
        [MatterAction.Escalate] = new([Registered, Escalated, Accepted, Dispatched, InProgress, Returned, Reopened], Handler, UnitStaffOnly: true),
        [MatterAction.RequestExtension] = new(Working, Handler | Assignee),
        [MatterAction.ApproveExtension] = new([ExtensionRequested], Above | Dispatcher),
        [MatterAction.RefuseExtension] = new([ExtensionRequested], Above | Dispatcher),
        [MatterAction.Supervise] = new([Registered, Accepted, Dispatched, InProgress, Returned, Escalated, ExtensionRequested, Suspended, Reopened],
            Above, OfficialOnly: true),
        [MatterAction.Suspend] = new([Accepted, Dispatched, InProgress, Returned, Reopened], Above | Dispatcher),
        [MatterAction.Resume] = new([Suspended], Above | Dispatcher | Handler),
        [MatterAction.Resolve] = new(Working, Handler | Assignee),
        [MatterAction.Verify] = new([Resolved], Owner, NotResolver: true),
        [MatterAction.FollowUp] = new([Verified], Owner),
        [MatterAction.Rate] = new([Verified, FollowedUp], Resident),
        [MatterAction.Close] = new([FollowedUp], Owner),
    };

    /// <summary>
    /// The state the action leads to, or null when this actor may not take it now. <paramref name="positive"/> is the
    /// outcome where an action has two (verify passed; follow-up or rating not "not satisfied").
    /// </summary>
    public static MatterState? Next(MatterState state, MatterAction action, MatterRelation who, bool official,
        bool positive = true, MatterState? resumeTo = null)
    {
        if (!Rules.TryGetValue(action, out var rule) || !rule.From.Contains(state) || (rule.Who & who) == 0) return null;
        if (rule.UnitStaffOnly && who.HasFlag(MatterRelation.DepartmentStaff)) return null;
        if (rule.OfficialOnly && !official) return null;
        if (rule.NotResolver && who.HasFlag(MatterRelation.Resolver)) return null;
        return action switch
        {
            MatterAction.Accept => Accepted,
            MatterAction.Reject => MatterState.Rejected,
            MatterAction.Dispatch => Dispatched,
            MatterAction.Start => InProgress,
            MatterAction.Return => Returned,
            MatterAction.Escalate => Escalated,
            MatterAction.RequestExtension => ExtensionRequested,
            MatterAction.ApproveExtension or MatterAction.RefuseExtension or MatterAction.Resume => resumeTo ?? InProgress,
            MatterAction.Supervise => state,
            MatterAction.Suspend => Suspended,
            MatterAction.Resolve => Resolved,
            MatterAction.Verify => positive ? Verified : InProgress,
            MatterAction.FollowUp or MatterAction.Rate => positive ? FollowedUp : Reopened,
            MatterAction.Close => MatterState.Closed,
            _ => null,
        };
    }

    public static bool Allows(MatterState state, MatterAction action, MatterRelation who, bool official) =>
        Next(state, action, who, official) is not null;

    /// <summary>Every staff action this actor may take now (rating is the resident's, through tracking).</summary>
    public static IReadOnlyList<MatterAction> Allowed(MatterState state, MatterRelation who, bool official) =>
        [.. Enum.GetValues<MatterAction>().Where(a => a != MatterAction.Rate && Allows(state, a, who, official))];
}

// The actor's standing toward one matter; several can hold at once.
[Flags]
public enum MatterRelation
{
    None = 0,
    Owner = 1,            // 首问责任: staff of the registering unit or a level above it
    Handler = 2,          // the handling unit's staff, or the department's when routed to one
    Assignee = 4,         // the person working on it
    Resolver = 8,         // who reported the result (may not verify it)
    Above = 16,           // a level above the handler: the unit over a department, or a higher unit
    Dispatcher = 32,      // staff of the unit that dispatched it
    Resident = 64,        // the reporter, holding the ticket and token
    DepartmentStaff = 128, // bound to a department: handles, never accepts, dispatches or escalates
}

// Every action of the workflow, as POST /api/v1/matters/{id}/{action} names it.
[JsonConverter(typeof(JsonStringEnumConverter<MatterAction>))]
public enum MatterAction
{
    [Label("受理", "Accept")] Accept,
    [Label("不予受理", "Reject")] Reject,
    [Label("派遣", "Dispatch")] Dispatch,
    [Label("开始办理", "Start")] Start,
    [Label("回退", "Return")] Return,
    [Label("上报", "Escalate")] Escalate,
    [Label("申请延期", "Request extension")] RequestExtension,
    [Label("同意延期", "Approve extension")] ApproveExtension,
    [Label("不同意延期", "Refuse extension")] RefuseExtension,
    [Label("督办", "Supervise")] Supervise,
    [Label("挂账", "Suspend")] Suspend,
    [Label("恢复办理", "Resume")] Resume,
    [Label("办结", "Resolve")] Resolve,
    [Label("核查", "Verify")] Verify,
    [Label("回访", "Follow up")] FollowUp,
    [Label("评价", "Rate")] Rate,
    [Label("关闭", "Close")] Close,
}
