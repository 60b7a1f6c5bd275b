using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Linli.Modules.Residents;

namespace Linli.Modules.Matters.Stats;

// 统计口径 the counted figures. Each is a predicate over the matters received (registered) in the period in the unit's
// subtree; the dashboard's numbers and the drill-down list (?metric=) use these same expressions, so they always agree.
// Every figure reads the matter's latest milestone fields (a matter accepted again after 四级联动 counts its last acceptance).
[JsonConverter(typeof(JsonStringEnumConverter<MatterMetric>))]
public enum MatterMetric
{
    [Label("受理", "Accepted")] Accepted,                         // AcceptedAt set
    [Label("按时受理", "Accepted on time")] OnTimeAccepted,      // AcceptedAt ≤ AcceptDueAt
    [Label("办结", "Resolved")] Resolved,                         // ResolvedAt set
    [Label("按期办结", "Resolved on time")] OnTimeResolved,      // ResolvedAt ≤ ResolveDueAt
    [Label("解决（已核查）", "Resolved and verified")] ResolvedVerified, // VerifiedAt set and now Verified/FollowedUp/Closed
    [Label("返工", "Reworked")] Reworked,                         // resolved and ReworkCount > 0
    [Label("已回访", "Followed up")] FollowedUp,                  // FollowedUpAt set
    [Label("满意", "Satisfied")] Satisfied,                       // followed up, Satisfied or Basic
    [Label("重办", "Redone")] Redone,                             // followed up and RedoCount > 0
    [Label("上报", "Escalated")] Escalated,                       // an Escalated step in the period (by event time, not registration)
}

public static class MatterMetrics
{
    /// <summary>The counted metrics, in the order of the counts array of a tally.</summary>
    public static readonly MatterMetric[] Counted =
    [
        MatterMetric.Accepted, MatterMetric.OnTimeAccepted, MatterMetric.Resolved, MatterMetric.OnTimeResolved,
        MatterMetric.ResolvedVerified, MatterMetric.Reworked, MatterMetric.FollowedUp, MatterMetric.Satisfied, MatterMetric.Redone,
    ];

    public static Expression<Func<Matter, bool>> Predicate(MatterMetric metric) => metric switch
    {
        MatterMetric.Accepted => m => m.AcceptedAt != null,
        MatterMetric.OnTimeAccepted => m => m.AcceptedAt != null && m.AcceptDueAt != null && m.AcceptedAt <= m.AcceptDueAt,
        MatterMetric.Resolved => m => m.ResolvedAt != null,
        MatterMetric.OnTimeResolved => m => m.ResolvedAt != null && m.ResolveDueAt != null && m.ResolvedAt <= m.ResolveDueAt,
        // A verified matter sent back (reopened on dissatisfaction) is no longer counted as solved.
        MatterMetric.ResolvedVerified => m => m.VerifiedAt != null
            && (m.State == MatterState.Verified || m.State == MatterState.FollowedUp || m.State == MatterState.Closed),
        MatterMetric.Reworked => m => m.ResolvedAt != null && m.ReworkCount > 0,
        MatterMetric.FollowedUp => m => m.FollowedUpAt != null,
        MatterMetric.Satisfied => m => m.FollowedUpAt != null
            && (m.Satisfaction == MatterSatisfaction.Satisfied || m.Satisfaction == MatterSatisfaction.Basic),
        MatterMetric.Redone => m => m.FollowedUpAt != null && m.RedoCount > 0,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "escalations are counted from the timeline"),
    };

    /// <summary>Matters with a 上报 step in [fromUtc, toUtc): the drill-down of the 四级联动 figures.</summary>
    public static IQueryable<Matter> WhereEscalated(this IQueryable<Matter> q, IQueryable<MatterEvent> events, DateTime? fromUtc, DateTime? toUtc) =>
        q.Where(m => events.Any(e => e.MatterId == m.Id && e.Type == MatterEventType.Escalated
            && (fromUtc == null || e.At >= fromUtc) && (toUtc == null || e.At < toUtc)));

    /// <summary>The traffic light as SQL, the same rule as <see cref="MatterClock.Light(Matter, DateTime)"/>.</summary>
    public static IQueryable<Matter> WhereLight(this IQueryable<Matter> q, DeadlineLight light, DateTime nowUtc) => light switch
    {
        DeadlineLight.Red => q.WhereOverdue(nowUtc),
        DeadlineLight.Yellow => q.Where(m => m.WarnedAt != null
            && ((AwaitingStates.Contains(m.State) && m.AcceptDueAt >= nowUtc) || (HandlingStates.Contains(m.State) && m.ResolveDueAt >= nowUtc))),
        DeadlineLight.Green => q.Where(m => m.WarnedAt == null
            && ((AwaitingStates.Contains(m.State) && m.AcceptDueAt >= nowUtc) || (HandlingStates.Contains(m.State) && m.ResolveDueAt >= nowUtc))),
        _ => q.Where(m => !((AwaitingStates.Contains(m.State) && m.AcceptDueAt != null) || (HandlingStates.Contains(m.State) && m.ResolveDueAt != null))),
    };

    /// <summary>Open matters that need a higher level's attention: overdue (red), warned (yellow) or under 督办.</summary>
    public static IQueryable<Matter> WhereNeedsSupervision(this IQueryable<Matter> q, DateTime nowUtc) => q.Where(m =>
        m.State != MatterState.Closed && m.State != MatterState.Rejected && (m.Supervised
            || (AwaitingStates.Contains(m.State) && m.AcceptDueAt != null && (m.AcceptDueAt < nowUtc || m.WarnedAt != null))
            || (HandlingStates.Contains(m.State) && m.ResolveDueAt != null && (m.ResolveDueAt < nowUtc || m.WarnedAt != null))));

    // MatterClock's state rules as lists EF translates to IN (...).
    public static readonly MatterState[] AwaitingStates = [.. Enum.GetValues<MatterState>().Where(MatterClock.AwaitsAcceptance)];
    public static readonly MatterState[] HandlingStates = [.. Enum.GetValues<MatterState>().Where(MatterClock.InHandling)];
}
