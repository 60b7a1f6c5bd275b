using Linli.Modules.Residents;

namespace Linli.Modules.Matters;

// 时限 which deadline is running for a matter in a given state, and its traffic light (绿/黄/红).
// Awaiting acceptance (registered, or raised to a new level) the accept limit runs; from acceptance until the
// result is in, the resolve limit runs; suspended (挂账), resolved or closed matters have no running deadline.
public static class MatterClock
{
    public static bool IsOpen(MatterState s) => s is not (MatterState.Closed or MatterState.Rejected);

    public static bool AwaitsAcceptance(MatterState s) => s is MatterState.Registered or MatterState.Escalated;

    public static bool InHandling(MatterState s) => s is MatterState.Accepted or MatterState.Dispatched or MatterState.InProgress
        or MatterState.Returned or MatterState.ExtensionRequested or MatterState.Reopened;

    public static DateTime? RunningDue(MatterState state, DateTime? acceptDueAt, DateTime? resolveDueAt) =>
        AwaitsAcceptance(state) ? acceptDueAt : InHandling(state) ? resolveDueAt : null;

    public static DateTime? RunningDue(Matter m) => RunningDue(m.State, m.AcceptDueAt, m.ResolveDueAt);

    /// <summary>Red when the running deadline has passed, yellow once the timer has warned, otherwise green; none without a deadline.</summary>
    public static DeadlineLight Light(MatterState state, DateTime? acceptDueAt, DateTime? resolveDueAt, DateTime? warnedAt, DateTime nowUtc) =>
        RunningDue(state, acceptDueAt, resolveDueAt) is not { } due ? DeadlineLight.None
        : due < nowUtc ? DeadlineLight.Red
        : warnedAt is not null ? DeadlineLight.Yellow
        : DeadlineLight.Green;

    public static DeadlineLight Light(Matter m, DateTime nowUtc) => Light(m.State, m.AcceptDueAt, m.ResolveDueAt, m.WarnedAt, nowUtc);

    /// <summary>The partial index of open matters with a running clock (IX_Matters_Running), as EF writes the IN list.</summary>
    public const string RunningFilter = "\"State\" IN ('Registered', 'Escalated', 'Accepted', 'Dispatched', 'InProgress', 'Returned', 'ExtensionRequested', 'Reopened')";

    /// <summary>The stored column Matter.RunningDueAt: <see cref="RunningDue(MatterState, DateTime?, DateTime?)"/> in SQL, the same on
    /// both databases.</summary>
    public const string RunningDueSql = "CASE WHEN \"State\" IN ('Registered', 'Escalated') THEN \"AcceptDueAt\" "
        + "WHEN \"State\" IN ('Accepted', 'Dispatched', 'InProgress', 'Returned', 'ExtensionRequested', 'Reopened') THEN \"ResolveDueAt\" END";

    /// <summary>Matters whose running deadline has passed (translates to SQL). "Not null" repeats the partial index's filter
    /// (IX_Matters_Overdue) so SQLite, which only matches a partial index's WHERE literally, uses it too.</summary>
    public static IQueryable<Matter> WhereOverdue(this IQueryable<Matter> q, DateTime nowUtc) =>
        q.Where(m => m.RunningDueAt != null && m.RunningDueAt < nowUtc);
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DeadlineLight>))]
public enum DeadlineLight
{
    [Label("无时限", "No deadline")] None,
    [Label("正常", "On time")] Green,
    [Label("临期", "Due soon")] Yellow,
    [Label("超期", "Overdue")] Red,
}
