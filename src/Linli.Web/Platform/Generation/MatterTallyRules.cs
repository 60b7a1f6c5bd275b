using Linli.Modules.Matters;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Linli.Platform.Generation;

// 统计口径 of the rollup, once in C# (for a matter being saved) and once in SQL (for the rebuild): both must agree with
// MatterMetrics' predicates, which the live statistics and the drill-down lists use.
public static class MatterTallyRules
{
    /// <summary>The counted columns of MatterTallies, in the order of <see cref="Counts"/>.</summary>
    public static readonly string[] Columns =
    [
        nameof(MatterTally.Received), nameof(MatterTally.Accepted), nameof(MatterTally.OnTimeAccepted), nameof(MatterTally.Resolved),
        nameof(MatterTally.OnTimeResolved), nameof(MatterTally.ResolvedVerified), nameof(MatterTally.Reworked), nameof(MatterTally.FollowedUp),
        nameof(MatterTally.Satisfied), nameof(MatterTally.Redone), nameof(MatterTally.HandlingSeconds),
    ];

    /// <summary>The fields of a matter the figures depend on.</summary>
    public sealed record Facts(string OrgPath, DateTime CreatedAt, int CategoryId, MatterChannel Channel, MatterState State,
        DateTime? AcceptedAt, DateTime? AcceptDueAt, DateTime? ResolvedAt, DateTime? ResolveDueAt, DateTime? VerifiedAt,
        int ReworkCount, DateTime? FollowedUpAt, MatterSatisfaction? Satisfaction, int RedoCount)
    {
        public static Facts Of(PropertyValues v) => new(v.GetValue<string>(nameof(Matter.OrgPath)), v.GetValue<DateTime>(nameof(Matter.CreatedAt)),
            v.GetValue<int>(nameof(Matter.CategoryId)), v.GetValue<MatterChannel>(nameof(Matter.Channel)), v.GetValue<MatterState>(nameof(Matter.State)),
            v.GetValue<DateTime?>(nameof(Matter.AcceptedAt)), v.GetValue<DateTime?>(nameof(Matter.AcceptDueAt)), v.GetValue<DateTime?>(nameof(Matter.ResolvedAt)),
            v.GetValue<DateTime?>(nameof(Matter.ResolveDueAt)), v.GetValue<DateTime?>(nameof(Matter.VerifiedAt)), v.GetValue<int>(nameof(Matter.ReworkCount)),
            v.GetValue<DateTime?>(nameof(Matter.FollowedUpAt)), v.GetValue<MatterSatisfaction?>(nameof(Matter.Satisfaction)), v.GetValue<int>(nameof(Matter.RedoCount)));
    }

    public static long[] Counts(Facts m)
    {
        static long B(bool b) => b ? 1 : 0;
        var resolved = m.ResolvedAt is not null;
        var followedUp = m.FollowedUpAt is not null;
        return
        [
            1,
            B(m.AcceptedAt is not null),
            B(m.AcceptedAt is { } a && m.AcceptDueAt is { } ad && a <= ad),
            B(resolved),
            B(m.ResolvedAt is { } r && m.ResolveDueAt is { } rd && r <= rd),
            B(m.VerifiedAt is not null && m.State is MatterState.Verified or MatterState.FollowedUp or MatterState.Closed),
            B(resolved && m.ReworkCount > 0),
            B(followedUp),
            B(followedUp && m.Satisfaction is MatterSatisfaction.Satisfied or MatterSatisfaction.Basic),
            B(followedUp && m.RedoCount > 0),
            resolved ? Seconds(m.ResolvedAt!.Value) - Seconds(m.CreatedAt) : 0,
        ];
    }

    static long Seconds(DateTime utc) => utc.Ticks / TimeSpan.TicksPerSecond;

    /// <summary>The same figures as SQL over the matter aliased m, for SUM(…).</summary>
    public static string[] SqlCounts(bool postgres)
    {
        static string Q(string column) => $"m.\"{column}\"";
        static string Case(string condition) => $"CASE WHEN {condition} THEN 1 ELSE 0 END";
        string Secs(string column) => postgres ? $"floor(extract(epoch from {Q(column)}))::bigint" : $"CAST(strftime('%s', {Q(column)}) AS INTEGER)";
        var resolved = $"{Q("ResolvedAt")} IS NOT NULL";
        var followedUp = $"{Q("FollowedUpAt")} IS NOT NULL";
        return
        [
            "1",
            Case($"{Q("AcceptedAt")} IS NOT NULL"),
            Case($"{Q("AcceptedAt")} IS NOT NULL AND {Q("AcceptDueAt")} IS NOT NULL AND {Q("AcceptedAt")} <= {Q("AcceptDueAt")}"),
            Case(resolved),
            Case($"{resolved} AND {Q("ResolveDueAt")} IS NOT NULL AND {Q("ResolvedAt")} <= {Q("ResolveDueAt")}"),
            Case($"{Q("VerifiedAt")} IS NOT NULL AND {Q("State")} IN ('Verified', 'FollowedUp', 'Closed')"),
            Case($"{resolved} AND {Q("ReworkCount")} > 0"),
            Case(followedUp),
            Case($"{followedUp} AND {Q("Satisfaction")} IN ('Satisfied', 'Basic')"),
            Case($"{followedUp} AND {Q("RedoCount")} > 0"),
            $"CASE WHEN {resolved} THEN {Secs("ResolvedAt")} - {Secs("CreatedAt")} ELSE 0 END",
        ];
    }

    /// <summary>The channel's ordinal (the breakdown key) from its stored name.</summary>
    public static string SqlChannelOrdinal() =>
        "CASE m.\"Channel\" " + string.Concat(Enum.GetValues<MatterChannel>().Select(c => $"WHEN '{c}' THEN {(int)c} ")) + "ELSE -1 END";

    /// <summary>The unit ids on a path ("/1/5/23/"), root first.</summary>
    public static long[] PathIds(string orgPath) =>
        [.. orgPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => long.TryParse(s, out var id) ? id : 0).Where(id => id > 0)];
}
