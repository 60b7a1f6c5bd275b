using Linli.Data;
using Linli.Modules.Matters.Calendar;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Linli.Modules.Matters;

// 办理时限 deadlines in working time. The calendar counts local days and hours; the database keeps UTC.
public sealed class MatterDeadlines(WorkingTime working, TimeZoneInfo zone)
{
    public static async Task<MatterDeadlines> LoadAsync(WorkCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var year = time.GetLocalNow().Year;
        return new(await calendar.LoadAsync(year - 1, year + 2, ct), time.LocalTimeZone);
    }

    /// <summary>
    /// The accept deadline of a newly registered matter. Registration is called from several places with only the
    /// context at hand, so the calendar comes from the request's services through the context.
    /// </summary>
    public static async Task<DateTime> AcceptDueAtAsync(AppDbContext db, TimeProvider time, double acceptHours, DateTime nowUtc, CancellationToken ct)
    {
        var deadlines = await LoadAsync(Services(db).GetRequiredService<WorkCalendar>(), time, ct);
        return deadlines.AddHours(nowUtc, acceptHours);
    }

    /// <summary>The request's services, for the few static paths that get only the context.</summary>
    public static IServiceProvider Services(AppDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
        ?? throw new InvalidOperationException("The context has no application services.");

    public DateTime AddHours(DateTime utc, double hours) => ToUtc(working.AddWorkingHours(ToLocal(utc), Math.Max(0, hours)));

    public DateTime AddDays(DateTime utc, int days) => ToUtc(working.AddWorkingDays(ToLocal(utc), Math.Max(0, days)));

    public double HoursBetween(DateTime fromUtc, DateTime toUtc) => working.WorkingHoursBetween(ToLocal(fromUtc), ToLocal(toUtc));

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
}
