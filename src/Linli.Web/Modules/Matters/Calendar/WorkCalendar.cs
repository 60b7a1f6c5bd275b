using Linli.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Linli.Modules.Matters.Calendar;

// 工作日历 loads the exception days into a WorkingTime, cached until the calendar is edited.
public sealed class WorkCalendar(AppDbContext db, IMemoryCache cache, IConfiguration configuration)
{
    static readonly object VersionKey = new();

    public Task<WorkingTime> LoadAsync(int fromYear, int toYear, CancellationToken ct = default) =>
        LoadAsync(db, cache, configuration, fromYear, toYear, ct);

    public static async Task<WorkingTime> LoadAsync(AppDbContext db, IMemoryCache cache, IConfiguration configuration,
        int fromYear, int toYear, CancellationToken ct = default)
    {
        var version = cache.GetOrCreate(VersionKey, _ => 0);
        var key = ("work-calendar", version, fromYear, toYear);
        if (cache.TryGetValue(key, out WorkingTime? cached)) return cached!;
        var from = new DateOnly(fromYear, 1, 1);
        var to = new DateOnly(toYear, 12, 31);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);
        var time = new WorkingTime(days.ToDictionary(d => d.Date, d => d.Kind), configuration["Matters:WorkingHours"] ?? WorkingTime.DefaultHours);
        return cache.Set(key, time, TimeSpan.FromHours(12));
    }

    /// <summary>Call after editing the calendar: every cached WorkingTime is dropped (its key no longer matches).</summary>
    public static void Invalidate(IMemoryCache cache) => cache.Set(VersionKey, cache.GetOrCreate(VersionKey, _ => 0) + 1);
}
