namespace Linli.Modules.Matters.Calendar;

// 法定节假日种子 from 《国务院办公厅关于2026年部分节假日安排的通知》(2025-11-04, gov.cn content_7047090).
// 2027 is provisional: its notice was not in our sources, so the year holds the statutory days of 《全国年节及纪念日放假办法》
// (2024 revision) with the weekday 补假 the 办法 gives when a holiday falls on a weekend, but none of the notice's 调休
// swaps. /admin/calendar says so until an admin enters the notice.
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

    // 除夕 2027-02-05, 春节 02-06 (Sat), 清明 04-05, 端午 06-09, 中秋 09-15; weekend holidays are made good on the next weekdays.
    static readonly (string Name, string[] Days)[] Y2027Statutory =
    [
        ("元旦", ["2027-01-01"]),
        ("春节", ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"]),
        ("清明节", ["2027-04-05"]),
        ("劳动节", ["2027-05-03", "2027-05-04"]),
        ("端午节", ["2027-06-09"]),
        ("中秋节", ["2027-09-15"]),
        ("国庆节", ["2027-10-01", "2027-10-04", "2027-10-05"]),
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
        foreach (var (name, days) in Y2027Statutory)
            foreach (var d in days)
                yield return new CalendarDay { Date = DateOnly.Parse(d), Kind = CalendarDayKind.Holiday, Name = name, Provisional = true };
    }
}
