using System.Globalization;

namespace Linli.Modules.Matters.Stats;

// 下钻 the list URL behind each dashboard number: the same filters the figure was counted with (see MatterFilter).
public sealed record DrillLinks(long UnitId, DateOnly From, DateOnly To)
{
    static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Received(long? unitId = null) => $"/matters?orgUnitId={unitId ?? UnitId}&from={D(From)}&to={D(To)}";

    public string Metric(MatterMetric metric, long? unitId = null) => $"{Received(unitId)}&metric={metric}";

    public string Overdue(long? unitId = null) => $"/matters?orgUnitId={unitId ?? UnitId}&overdue=true";

    public string Category(int categoryId) => $"{Received()}&categoryId={categoryId}";

    public string Channel(MatterChannel channel) => $"{Received()}&channel={channel}";

    public static string Period(long unitId, DateOnly from, DateOnly to) => $"/matters?orgUnitId={unitId}&from={D(from)}&to={D(to)}";

    /// <summary>Escalation steps of one row (a community's subtree, or exactly the owner above community level) in one week.</summary>
    public static string Escalations(EscalationStats.Row row, DateOnly from, DateOnly to) =>
        $"/matters?{(row.ExactOwner ? "ownerUnitId" : "orgUnitId")}={row.Unit.Id}&from={D(from)}&to={D(to)}&metric={MatterMetric.Escalated}";
}
