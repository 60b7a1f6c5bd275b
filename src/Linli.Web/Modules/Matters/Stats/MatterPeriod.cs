using System.Globalization;

namespace Linli.Modules.Matters.Stats;

// 统计期间 whole local days From..To (inclusive), as the UTC range [FromUtc, ToUtc) the database compares with.
public sealed record MatterPeriod(DateOnly From, DateOnly To, DateTime FromUtc, DateTime ToUtc)
{
    public const int MaxYears = 2;

    public static MatterPeriod Of(DateOnly from, DateOnly to, TimeZoneInfo zone) => new(from, to, Utc(from, zone), Utc(to.AddDays(1), zone));

    public static DateTime Utc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), zone);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>from/to as yyyy-MM-dd; both default to this month's first and last day; from ≤ to, at most two years.</summary>
    public static MatterPeriod? Parse(string? fromText, string? toText, TimeProvider time, Dictionary<string, string[]> errors)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var from = string.IsNullOrWhiteSpace(fromText) ? monthStart : ParseDate(fromText);
        var to = string.IsNullOrWhiteSpace(toText) ? monthStart.AddMonths(1).AddDays(-1) : ParseDate(toText);
        if (from is null) errors["from"] = [Loc.T("日期格式应为 yyyy-MM-dd", "Use the date format yyyy-MM-dd")];
        if (to is null) errors["to"] = [Loc.T("日期格式应为 yyyy-MM-dd", "Use the date format yyyy-MM-dd")];
        if (from is not { } f || to is not { } t) return null;
        if (f > t) errors["to"] = [Loc.T("结束日期不能早于开始日期", "The end date must not be before the start date")];
        else if (t >= f.AddYears(MaxYears)) errors["to"] = [Loc.T($"统计期间最长 {MaxYears} 年", $"The period may span at most {MaxYears} years")];
        return errors.Count > 0 ? null : Of(f, t, time.LocalTimeZone);
    }

    /// <summary>ISO weeks (Monday first) touching the period, each clipped to it.</summary>
    public IReadOnlyList<Bucket> Weeks()
    {
        var list = new List<Bucket>();
        var monday = From.AddDays(-(((int)From.DayOfWeek + 6) % 7));
        for (var start = monday; start <= To; start = start.AddDays(7))
        {
            var dt = start.ToDateTime(TimeOnly.MinValue);
            list.Add(new Bucket($"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}", Max(start, From), Min(start.AddDays(6), To)));
        }
        return list;
    }

    /// <summary>Calendar months touching the period, each clipped to it.</summary>
    public IReadOnlyList<Bucket> Months()
    {
        var list = new List<Bucket>();
        for (var start = new DateOnly(From.Year, From.Month, 1); start <= To; start = start.AddMonths(1))
            list.Add(new Bucket(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), Max(start, From), Min(start.AddMonths(1).AddDays(-1), To)));
        return list;
    }

    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public sealed record Bucket(string Label, DateOnly From, DateOnly To);
}
