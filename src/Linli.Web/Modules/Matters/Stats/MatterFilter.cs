using Linli.Data;
using Linli.Modules.Residents;

namespace Linli.Modules.Matters.Stats;

// 诉求筛选 the list filters behind every dashboard number (drill-down). Registration time (CreatedAt) from/to, except
// metric=escalated, whose from/to are the time of the 上报 step (the 四级联动 table counts steps by week).
public sealed record MatterFilter(long? OrgUnitId = null, DateOnly? From = null, DateOnly? To = null, int? CategoryId = null,
    MatterChannel? Channel = null, MatterState? State = null, bool Overdue = false, DeadlineLight? Light = null, MatterMetric? Metric = null,
    long? OwnerUnitId = null, long? HandlingUnitId = null, string? Q = null)
{
    /// <summary>The query-string values as the API and the page take them; field errors for the ones that do not parse.</summary>
    public static MatterFilter Parse(Dictionary<string, string[]> errors, long? orgUnitId, string? from, string? to, long? categoryId,
        string? channel, string? state, bool? overdue, string? light, string? metric, long? ownerUnitId, long? handlingUnitId, string? q)
    {
        T? Enum<T>(string name, string? text) where T : struct, System.Enum
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (Labels.Parse<T>(text) is { } v) return v;
            errors[name] = [Labels.Expected<T>()];
            return null;
        }
        DateOnly? Date(string name, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (MatterPeriod.ParseDate(text) is { } d) return d;
            errors[name] = [Loc.T("日期格式应为 yyyy-MM-dd", "Use the date format yyyy-MM-dd")];
            return null;
        }
        var f = new MatterFilter(orgUnitId, Date("from", from), Date("to", to), categoryId is { } c && c is > 0 and <= int.MaxValue ? (int)c : null,
            Enum<MatterChannel>("channel", channel), Enum<MatterState>("state", state), overdue == true, Enum<DeadlineLight>("light", light),
            Enum<MatterMetric>("metric", metric), ownerUnitId, handlingUnitId, string.IsNullOrWhiteSpace(q) ? null : q.Trim());
        if (categoryId is not null && f.CategoryId is null) errors["categoryId"] = [Loc.T("未知的事项分类", "Unknown category")];
        if (f.From > f.To) errors["to"] = [Loc.T("结束日期不能早于开始日期", "The end date must not be before the start date")];
        return f;
    }

    /// <summary>The matters in scope this filter selects; null when the org unit is outside the caller's scope (404).</summary>
    public async Task<IQueryable<Matter>?> ApplyAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var query = db.Matters.AsNoTracking();
        if (OrgUnitId is { } unitId)
        {
            var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.OrgPath).SingleOrDefaultAsync(ct);
            if (path is null) return null;
            query = query.Where(m => m.OrgPath.StartsWith(path));
        }
        if (OwnerUnitId is { } owner) query = query.Where(m => m.RegisteredByUnitId == owner);
        if (HandlingUnitId is { } handler) query = query.Where(m => (m.HandlingUnitId ?? m.RegisteredByUnitId) == handler);
        var zone = time.LocalTimeZone;
        DateTime? fromUtc = From is { } f ? MatterPeriod.Utc(f, zone) : null;
        DateTime? toUtc = To is { } t ? MatterPeriod.Utc(t.AddDays(1), zone) : null;
        if (Metric == MatterMetric.Escalated) query = query.WhereEscalated(db.MatterEvents, fromUtc, toUtc);
        else
        {
            if (fromUtc is { } a) query = query.Where(m => m.CreatedAt >= a);
            if (toUtc is { } b) query = query.Where(m => m.CreatedAt < b);
            if (Metric is { } metric) query = query.Where(MatterMetrics.Predicate(metric));
        }
        if (CategoryId is { } cat)
        {
            var ids = await CategoryTree.SelfAndDescendantsAsync(db, cat, ct);
            query = query.Where(m => ids.Contains(m.CategoryId));
        }
        if (Channel is { } channel) query = query.Where(m => m.Channel == channel);
        if (State is { } state) query = query.Where(m => m.State == state);
        var now = time.GetUtcNow().UtcDateTime;
        if (Overdue) query = query.WhereOverdue(now);
        if (Light is { } light) query = query.WhereLight(light, now);
        if (Q is { } text) query = query.Where(m => m.TicketNumber == text || m.Description.Contains(text) || m.CategoryName.Contains(text));
        return query;
    }
}
