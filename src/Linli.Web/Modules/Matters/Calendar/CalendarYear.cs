using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.Extensions.Caching.Memory;

namespace Linli.Modules.Matters.Calendar;

// 工作日历 GET/PUT /api/v1/calendar/{year}: a year's holidays and make-up workdays; the system admin replaces them.
public static class CalendarYear
{
    public sealed record Day(DateOnly Date, CalendarDayKind Kind, string Name, bool Provisional = false);

    public sealed record Response(int Year, IReadOnlyList<Day> Days);

    public sealed record DayRequest(DateOnly? Date, string? Kind, string? Name);

    public sealed record Request(IReadOnlyList<DayRequest>? Days);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{year:int}", async (int year, AppDbContext db, CancellationToken ct) => TypedResults.Ok(await GetAsync(db, year, ct)))
            .WithName("Calendar_Get").WithSummary("A year's exception days: 法定节假日 (Holiday) and 调休上班 (MakeUpWorkday)");
        group.MapPut("/{year:int}", async (int year, Request request, AppDbContext db, IMemoryCache cache, CancellationToken ct) =>
                TypedResults.Ok(await ReplaceAsync(db, cache, year, request.Days ?? [], ct)))
            .RequireAuthorization(Permissions.MattersConfigure)
            .WithName("Calendar_Replace").WithSummary("Replace a year's exception days (weekends need no entry)");
    }

    public static async Task<Response> GetAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(Math.Clamp(year, 1, 9999), 1, 1), new DateOnly(Math.Clamp(year, 1, 9999), 12, 31));
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
        return new(year, days.Select(d => new Day(d.Date, d.Kind, d.Name, d.Provisional)).ToList());
    }

    public static async Task<Response> ReplaceAsync(AppDbContext db, IMemoryCache cache, int year, IReadOnlyList<DayRequest> days, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2000 or > 2100) errors["year"] = [Loc.T("年份应在 2000 到 2100 之间。", "The year is 2000 to 2100.")];
        var seen = new HashSet<DateOnly>();
        var parsed = new List<CalendarDay>();
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            if (d.Date is not { } date) errors[$"days[{i}].date"] = [Loc.T("请填写日期。", "The date is required.")];
            else if (date.Year != year) errors[$"days[{i}].date"] = [Loc.T($"日期不在 {year} 年内。", $"The date is not in {year}.")];
            else if (!seen.Add(date)) errors[$"days[{i}].date"] = [Loc.T("日期重复。", "The date appears twice.")];
            if (!Enum.TryParse<CalendarDayKind>(d.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || int.TryParse(d.Kind, out _))
                errors[$"days[{i}].kind"] = [Loc.T("类型应为 Holiday 或 MakeUpWorkday。", "The kind is Holiday or MakeUpWorkday.")];
            var name = d.Name?.Trim() ?? "";
            if (name.Length is 0 or > 40) errors[$"days[{i}].name"] = [Loc.T("名称应为 1 到 40 个字。", "The name is 1 to 40 characters.")];
            if (d.Date is { } ok) parsed.Add(new CalendarDay { Date = ok, Kind = kind, Name = name });
        }
        FieldErrorsException.ThrowIfAny(errors);

        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var existing = await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);
        foreach (var old in existing)
        {
            var now = parsed.FirstOrDefault(p => p.Date == old.Date);
            if (now is null) db.CalendarDays.Remove(old);
            else { old.Kind = now.Kind; old.Name = now.Name; old.Provisional = false; }
        }
        db.CalendarDays.AddRange(parsed.Where(p => existing.All(e => e.Date != p.Date)));
        db.AuditAction = "Calendar.Replace";
        await db.SaveChangesAsync(ct);
        WorkCalendar.Invalidate(cache);
        return await GetAsync(db, year, ct);
    }
}
