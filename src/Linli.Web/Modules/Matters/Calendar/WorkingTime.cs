namespace Linli.Modules.Matters.Calendar;

// 工作时间 working-time arithmetic for deadlines: Monday–Friday plus 调休上班 days, minus 法定节假日, within the daily
// working hours (local time). Pure: built from the exception days and the hours, no database.
public sealed class WorkingTime
{
    public const string DefaultHours = "09:00-12:00,13:30-17:30";
    const int MaxDays = 3660; // a deadline further than ten years is a bug, not a plan

    readonly IReadOnlyDictionary<DateOnly, CalendarDayKind> exceptions;
    readonly (TimeSpan Start, TimeSpan End)[] hours;

    public WorkingTime(IReadOnlyDictionary<DateOnly, CalendarDayKind> exceptions, string workingHours = DefaultHours)
    {
        this.exceptions = exceptions;
        hours = ParseHours(workingHours);
    }

    public static (TimeSpan Start, TimeSpan End)[] ParseHours(string text)
    {
        var spans = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TimeOnly.TryParse(ends[0], out var s) || !TimeOnly.TryParse(ends[1], out var e) || e <= s)
                throw new FormatException($"Bad working-hours span '{part}' (expected HH:mm-HH:mm).");
            return (s.ToTimeSpan(), e.ToTimeSpan());
        }).OrderBy(x => x.Item1).ToArray();
        if (spans.Length == 0) throw new FormatException("Working hours are empty.");
        for (var i = 1; i < spans.Length; i++)
            if (spans[i].Item1 < spans[i - 1].Item2) throw new FormatException("Working-hours spans overlap.");
        return spans;
    }

    public bool IsWorkingDay(DateOnly day) => exceptions.TryGetValue(day, out var kind)
        ? kind == CalendarDayKind.MakeUpWorkday
        : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The moment when <paramref name="hours"/> working hours have passed since <paramref name="start"/>.</summary>
    public DateTime AddWorkingHours(DateTime start, double hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        var left = TimeSpan.FromHours(hours);
        if (left == TimeSpan.Zero) return start;
        var day = start.Date;
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(DateOnly.FromDateTime(day))) continue;
            foreach (var (s, e) in this.hours)
            {
                var from = Max(day + s, start);
                var to = day + e;
                if (to <= from) continue;
                if (to - from >= left) return from + left;
                left -= to - from;
            }
        }
        throw new InvalidOperationException("Working-time deadline beyond ten years.");
    }

    /// <summary>The end of the working day that is the <paramref name="days"/>-th working day after the start's day.</summary>
    public DateTime AddWorkingDays(DateTime start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = DateOnly.FromDateTime(start);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
            if (day.DayNumber - DateOnly.FromDateTime(start).DayNumber > MaxDays)
                throw new InvalidOperationException("Working-time deadline beyond ten years.");
        }
        return day.ToDateTime(TimeOnly.MinValue) + hours[^1].End;
    }

    /// <summary>Working hours between two moments; negative when <paramref name="b"/> is before <paramref name="a"/>.</summary>
    public double WorkingHoursBetween(DateTime a, DateTime b)
    {
        if (b < a) return -WorkingHoursBetween(b, a);
        var total = TimeSpan.Zero;
        for (var day = a.Date; day <= b.Date; day = day.AddDays(1))
        {
            if (!IsWorkingDay(DateOnly.FromDateTime(day))) continue;
            foreach (var (s, e) in hours)
            {
                var from = Max(day + s, a);
                var to = Min(day + e, b);
                if (to > from) total += to - from;
            }
        }
        return total.TotalHours;
    }

    static DateTime Max(DateTime x, DateTime y) => x > y ? x : y;
    static DateTime Min(DateTime x, DateTime y) => x < y ? x : y;
}
