using System.Globalization;
using Linli.Data;
using Linli.Modules.Matters;

namespace Linli.Platform.Generation;

// The local day a UTC instant falls on, as the statistics count days (TimeProvider.LocalTimeZone), in C# and in SQL.
public static class RollupDays
{
    public static TimeZoneInfo Zone(AppDbContext db)
    {
        try { return (MatterDeadlines.Services(db).GetService(typeof(TimeProvider)) as TimeProvider)?.LocalTimeZone ?? TimeZoneInfo.Local; }
        catch (InvalidOperationException) { return TimeZoneInfo.Local; }
    }

    public static DateOnly Of(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>
    /// SQL for the local day of column (a UTC timestamp) over [fromUtc, toUtc]: the zone's offset is constant between
    /// its transitions, so a CASE over the transitions in range (none for China Standard Time) shifts the instant.
    /// </summary>
    public static string Sql(bool postgres, string column, TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var segments = new List<(DateTime Until, int Minutes)>();
        var step = TimeSpan.FromMinutes(15);
        var at = new DateTime(fromUtc.Year, fromUtc.Month, fromUtc.Day, 0, 0, 0, DateTimeKind.Utc).AddDays(-1);
        var offset = Minutes(zone, at);
        for (; at <= toUtc.AddDays(1); at += step)
        {
            var now = Minutes(zone, at);
            if (now != offset) { segments.Add((at, offset)); offset = now; }
        }
        string Shift(int minutes) => postgres ? minutes.ToString(CultureInfo.InvariantCulture) : $"'{minutes.ToString("+0;-0;+0", CultureInfo.InvariantCulture)} minutes'";
        string Before(DateTime t) => postgres ? $"{column} < TIMESTAMPTZ '{Text(t)}+00'" : $"{column} < '{Text(t)}'";
        var shift = segments.Count == 0 ? Shift(offset)
            : "CASE " + string.Concat(segments.Select(s => $"WHEN {Before(s.Until)} THEN {Shift(s.Minutes)} ")) + $"ELSE {Shift(offset)} END";
        return postgres ? $"(({column} AT TIME ZONE 'UTC') + ({shift}) * INTERVAL '1 minute')::date" : $"date({column}, {shift})";
    }

    static string Text(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    static int Minutes(TimeZoneInfo zone, DateTime utc) => (int)zone.GetUtcOffset(utc).TotalMinutes;
}
