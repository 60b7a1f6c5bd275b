namespace Linli.Modules.Matters.Calendar;

// 法定节假日种子 from 《国务院办公厅关于2026年部分节假日安排的通知》(2025-11-04, gov.cn content_7047090).
// The 2027 notice was not available when this was written: admins enter 2027 at /admin/calendar.
public static class HolidaySeed
{
    static readonly (string Name, string From, string To, string[] MakeUp)[] Y2026 =
    [
        ("元旦", "2026-01-01", "2026-01-03", ["2026-01-04"]),
        ("春节", "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
        ("清明节", "2026-04-04", "2026-04-06", []),
        ("劳动节", "2026-05-01", "2026-05-05", ["2026-05-09"]),
        ("端午节", "2026-06-19", "2026-06-21", []),
        ("中秋节", "2026-09-25", "2026-09-27", []),
        ("国庆节", "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),
    ];

    public static IEnumerable<CalendarDay> All()
    {
        foreach (var (name, from, to, makeUp) in Y2026)
        {
            for (var d = DateOnly.Parse(from); d <= DateOnly.Parse(to); d = d.AddDays(1))
                yield return new CalendarDay { Date = d, Kind = CalendarDayKind.Holiday, Name = name };
            foreach (var m in makeUp)
                yield return new CalendarDay { Date = DateOnly.Parse(m), Kind = CalendarDayKind.MakeUpWorkday, Name = name };
        }
    }
}
