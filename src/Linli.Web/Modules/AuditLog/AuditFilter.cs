using System.Globalization;
using Linli.Platform.Audit;

namespace Linli.Modules.AuditLog;

// 审计查询条件 audit filters, as typed into the page's GET form or an API query string; shared by list, export and page.
public sealed class AuditFilter
{
    public string? UserName { get; set; }    // part of the user name
    public string? Action { get; set; }      // action prefix: "Login" matches Login.Failed and Login.Succeeded
    public string? ObjectType { get; set; }
    public string? ObjectId { get; set; }
    public string? Outcome { get; set; }     // Success | Failure | Denied
    public string? From { get; set; }        // inclusive; ISO date or date-time, UTC with "Z"/offset, else China time
    public string? To { get; set; }          // a bare date includes that whole day

    public static readonly string[] Outcomes = [AuditOutcome.Success, AuditOutcome.Failure, AuditOutcome.Denied];

    // China has one time zone and no daylight saving: local = UTC+8.
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateTime ToChinaTime(DateTime utc) => utc + ChinaOffset;

    /// <summary>The filter as a query string (no leading "?"), for export links and pager links.</summary>
    public string ToQueryString() => string.Join("&", new[]
        {
            ("userName", UserName), ("action", Action), ("objectType", ObjectType), ("objectId", ObjectId),
            ("outcome", Outcome), ("from", From), ("to", To),
        }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
        .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));

    /// <summary>Parses the dates and checks the outcome; errors are keyed by field, as validation problems are.</summary>
    public bool TryParse(out AuditCriteria criteria, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var outcome = Clean(Outcome);
        if (outcome is not null && !Outcomes.Contains(outcome, StringComparer.OrdinalIgnoreCase))
            errors["outcome"] = [Loc.T("结果只能是 Success、Failure 或 Denied。", "Outcome must be Success, Failure or Denied.")];
        outcome = Outcomes.FirstOrDefault(o => o.Equals(outcome, StringComparison.OrdinalIgnoreCase)) ?? outcome;
        if (!TryParseTime(From, isEnd: false, out var from, out _))
            errors["from"] = [Loc.T("开始时间格式不正确，请用 2026-01-31 或 2026-01-31T08:00。", "Invalid start time; use 2026-01-31 or 2026-01-31T08:00.")];
        if (!TryParseTime(To, isEnd: true, out var to, out var toExclusive))
            errors["to"] = [Loc.T("结束时间格式不正确，请用 2026-01-31 或 2026-01-31T18:00。", "Invalid end time; use 2026-01-31 or 2026-01-31T18:00.")];
        else if (from is not null && to is not null && (toExclusive ? from >= to : from > to))
            errors["to"] = [Loc.T("结束时间不能早于开始时间。", "The end time is before the start time.")];
        criteria = new AuditCriteria(Clean(UserName), Clean(Action), Clean(ObjectType), Clean(ObjectId), outcome, from, to, toExclusive);
        return errors.Count == 0;
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // A bare date is a China-time calendar day; as an end it means "before the next day".
    static bool TryParseTime(string? text, bool isEnd, out DateTime? utc, out bool exclusive)
    {
        utc = null;
        exclusive = false;
        if (Clean(text) is not { } s) return true;
        if (DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            exclusive = isEnd;
            utc = DateTime.SpecifyKind((isEnd ? day.AddDays(1) : day) - ChinaOffset, DateTimeKind.Utc);
            return true;
        }
        if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t)) return false;
        utc = t.Kind switch
        {
            DateTimeKind.Utc => t,
            DateTimeKind.Local => t.ToUniversalTime(), // had an explicit offset
            _ => DateTime.SpecifyKind(t - ChinaOffset, DateTimeKind.Utc),
        };
        return true;
    }
}

/// <summary>Parsed filters, applied the same way by the list, the export and the page.</summary>
public sealed record AuditCriteria(string? UserName, string? Action, string? ObjectType, string? ObjectId, string? Outcome,
    DateTime? FromUtc, DateTime? ToUtc, bool ToExclusive)
{
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> q)
    {
        if (UserName is not null) q = q.Where(a => a.UserName != null && a.UserName.Contains(UserName));
        if (Action is not null) q = q.Where(a => a.Action.StartsWith(Action));
        if (ObjectType is not null) q = q.Where(a => a.ObjectType == ObjectType);
        if (ObjectId is not null) q = q.Where(a => a.ObjectId == ObjectId);
        if (Outcome is not null) q = q.Where(a => a.Outcome == Outcome);
        if (FromUtc is { } from) q = q.Where(a => a.TimeUtc >= from);
        if (ToUtc is { } to) q = ToExclusive ? q.Where(a => a.TimeUtc < to) : q.Where(a => a.TimeUtc <= to);
        // Newest first; ids follow time along the chain.
        return q.OrderByDescending(a => a.Id);
    }
}
