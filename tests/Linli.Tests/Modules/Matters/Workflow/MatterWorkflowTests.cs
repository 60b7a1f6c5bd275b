using Linli.Modules.Matters;
using static Linli.Modules.Matters.MatterRelation;
using static Linli.Modules.Matters.MatterState;

namespace Linli.Tests.Modules.Matters.Workflow;

// The state machine against the issue's table: every allowed transition, and every other combination refused.
public sealed class MatterWorkflowTests
{
    // action → (states it starts from, relations that may take it, official only)
    static readonly Dictionary<MatterAction, (MatterState[] From, MatterRelation Who, bool UnitStaff, bool Official)> Table = new()
    {
        [MatterAction.Accept] = ([Registered, Escalated], Handler, true, false),
        [MatterAction.Reject] = ([Registered, Escalated], Handler, true, false),
        [MatterAction.Dispatch] = ([Accepted, Dispatched, Returned, Reopened], Handler, true, false),
        [MatterAction.Start] = ([Accepted, Dispatched, Returned, Reopened], Handler, false, false),
        [MatterAction.Return] = ([Dispatched, InProgress], Handler, false, false),
        [MatterAction.Escalate] = ([Registered, Escalated, Accepted, Dispatched, InProgress, Returned, Reopened], Handler, true, false),
        [MatterAction.RequestExtension] = ([Accepted, Dispatched, InProgress, Reopened], Handler | Assignee, false, false),
        [MatterAction.ApproveExtension] = ([ExtensionRequested], Above | Dispatcher, false, false),
        [MatterAction.RefuseExtension] = ([ExtensionRequested], Above | Dispatcher, false, false),
        [MatterAction.Supervise] = ([Registered, Accepted, Dispatched, InProgress, Returned, Escalated, ExtensionRequested, Suspended, Reopened], Above, false, true),
        [MatterAction.Suspend] = ([Accepted, Dispatched, InProgress, Returned, Reopened], Above | Dispatcher, false, false),
        [MatterAction.Resume] = ([Suspended], Above | Dispatcher | Handler, false, false),
        [MatterAction.Resolve] = ([Accepted, Dispatched, InProgress, Reopened], Handler | Assignee, false, false),
        [MatterAction.Verify] = ([Resolved], Owner, false, false),
        [MatterAction.FollowUp] = ([Verified], Owner, false, false),
        [MatterAction.Rate] = ([Verified, FollowedUp], Resident, false, false),
        [MatterAction.Close] = ([FollowedUp], Owner, false, false),
    };

    static readonly MatterRelation[] Actors =
        [None, Owner, Handler, Handler | DepartmentStaff, Assignee, Assignee | DepartmentStaff, Owner | Resolver, Above, Dispatcher, Resident];

    public static TheoryData<MatterState, MatterAction> Combinations()
    {
        var data = new TheoryData<MatterState, MatterAction>();
        foreach (var s in Enum.GetValues<MatterState>())
            foreach (var a in Enum.GetValues<MatterAction>()) data.Add(s, a);
        return data;
    }

    [Theory, MemberData(nameof(Combinations))]
    public void Next_EveryStateActionAndRelation_AllowedExactlyAsTheTableSays(MatterState state, MatterAction action)
    {
        var rule = Table[action];
        foreach (var who in Actors)
            foreach (var official in new[] { false, true })
            {
                var expected = rule.From.Contains(state) && (rule.Who & who) != 0 && !(rule.UnitStaff && who.HasFlag(DepartmentStaff))
                    && (!rule.Official || official) && !(action == MatterAction.Verify && who.HasFlag(Resolver));
                var next = MatterWorkflow.Next(state, action, who, official);
                Assert.True(expected == next is not null, $"{state} {action} by {who} (official {official}): expected {(expected ? "allowed" : "refused")}");
            }
    }

    public static TheoryData<MatterState, MatterAction, MatterRelation, bool, MatterState> Transitions() => new()
    {
        { Registered, MatterAction.Accept, Handler, true, Accepted },
        { Escalated, MatterAction.Accept, Handler, true, Accepted },
        { Registered, MatterAction.Reject, Handler, true, Rejected },
        { Accepted, MatterAction.Dispatch, Handler, true, Dispatched },
        { Returned, MatterAction.Dispatch, Handler, true, Dispatched },
        { Dispatched, MatterAction.Start, Handler | DepartmentStaff, true, InProgress },
        { Reopened, MatterAction.Start, Handler, true, InProgress },
        { InProgress, MatterAction.Return, Handler | DepartmentStaff, true, Returned },
        { Registered, MatterAction.Escalate, Handler, true, Escalated },
        { Escalated, MatterAction.Escalate, Handler, true, Escalated },
        { InProgress, MatterAction.RequestExtension, Assignee, true, ExtensionRequested },
        { ExtensionRequested, MatterAction.ApproveExtension, Above, true, InProgress },
        { ExtensionRequested, MatterAction.RefuseExtension, Dispatcher, true, InProgress },
        { InProgress, MatterAction.Supervise, Above, true, InProgress },
        { InProgress, MatterAction.Suspend, Dispatcher, true, Suspended },
        { Suspended, MatterAction.Resume, Handler, true, InProgress },
        { InProgress, MatterAction.Resolve, Assignee, true, Resolved },
        { Reopened, MatterAction.Resolve, Handler, true, Resolved },
        { Resolved, MatterAction.Verify, Owner, true, Verified },
        { Resolved, MatterAction.Verify, Owner, false, InProgress },
        { Verified, MatterAction.FollowUp, Owner, true, FollowedUp },
        { Verified, MatterAction.FollowUp, Owner, false, Reopened },
        { Verified, MatterAction.Rate, Resident, true, FollowedUp },
        { FollowedUp, MatterAction.Rate, Resident, false, Reopened },
        { FollowedUp, MatterAction.Close, Owner, true, Closed },
    };

    [Theory, MemberData(nameof(Transitions))]
    public void Next_AllowedAction_LeadsToItsState(MatterState state, MatterAction action, MatterRelation who, bool positive, MatterState expected) =>
        Assert.Equal(expected, MatterWorkflow.Next(state, action, who, official: true, positive));

    [Fact]
    public void Next_ExtensionDecisionAndResume_ReturnToTheStateBefore()
    {
        Assert.Equal(Dispatched, MatterWorkflow.Next(ExtensionRequested, MatterAction.ApproveExtension, Above, false, resumeTo: Dispatched));
        Assert.Equal(Reopened, MatterWorkflow.Next(Suspended, MatterAction.Resume, Dispatcher, false, resumeTo: Reopened));
    }

    [Fact]
    public void Allowed_ResolverWhoOwnsIt_CannotVerify_AnotherOwnerCan()
    {
        Assert.DoesNotContain(MatterAction.Verify, MatterWorkflow.Allowed(Resolved, Owner | Resolver, false));
        Assert.Equal([MatterAction.Verify], MatterWorkflow.Allowed(Resolved, Owner, false));
    }

    [Fact]
    public void Allowed_DepartmentHandler_NeverAcceptsDispatchesOrEscalates()
    {
        var allowed = MatterWorkflow.Allowed(Dispatched, Handler | DepartmentStaff, false);
        Assert.Equal([MatterAction.Start, MatterAction.Return, MatterAction.RequestExtension, MatterAction.Resolve], allowed);
    }
}
