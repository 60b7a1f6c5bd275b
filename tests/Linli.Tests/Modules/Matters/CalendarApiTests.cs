using System.Net;
using Linli.Modules.Matters.Calendar;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters;

// The calendar is one city-wide table shared by parallel tests: writes use years nobody else reads (2091–2099).
public sealed class CalendarApiTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Get_Seeded2026_ListsSpringFestivalAndMakeUpDays(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var body = await worker.GetJsonAsync("/api/v1/calendar/2026");

        var days = body.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!, d => (d.GetProperty("kind").GetString(), d.GetProperty("name").GetString()));
        Assert.Equal(("Holiday", "春节"), days["2026-02-17"]);
        Assert.Equal(("MakeUpWorkday", "春节"), days["2026-02-14"]);
        Assert.Equal(("MakeUpWorkday", "国庆节"), days["2026-09-20"]);
        Assert.Equal(33 + 6, days.Count); // 33 days off, 6 make-up workdays in the 2026 notice
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Put_AsSystemAdmin_ReplacesTheYearAuditsAndRefreshesWorkingTime(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);
        var year = provider == Provider.Sqlite ? 2091 : 2092;
        var monday = Enumerable.Range(1, 7).Select(d => new DateOnly(year, 3, d)).First(d => d.DayOfWeek == DayOfWeek.Monday);
        await admin.SendAsync(HttpMethod.Put, $"/api/v1/calendar/{year}", new { days = new[] { new { date = monday.ToString("yyyy-MM-dd"), kind = "Holiday", name = "旧" } } });
        var loadedBefore = await LoadAsync(app, year);

        var (status, body, text) = await admin.SendAsync(HttpMethod.Put, $"/api/v1/calendar/{year}", new
        {
            days = new[] { new { date = $"{year}-01-01", kind = "Holiday", name = "元旦" }, new { date = $"{year}-01-06", kind = "MakeUpWorkday", name = "元旦" } },
        });

        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal([$"{year}-01-01", $"{year}-01-06"], body.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("date").GetString()));
        var stored = await app.WithDbAsync(db => db.CalendarDays.Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToListAsync(Ct));
        Assert.Equal([new DateOnly(year, 1, 1), new DateOnly(year, 1, 6)], stored.Select(d => d.Date));
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "Calendar.Replace", Ct)));
        Assert.False(loadedBefore.IsWorkingDay(monday));
        var loadedAfter = await LoadAsync(app, year);
        Assert.True(loadedAfter.IsWorkingDay(monday));
        Assert.False(loadedAfter.IsWorkingDay(new DateOnly(year, 1, 1)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Put_DateOutsideYearDuplicateOrBadKind_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);

        var (status, body, _) = await admin.SendAsync(HttpMethod.Put, "/api/v1/calendar/2093", new
        {
            days = new[]
            {
                new { date = "2094-01-01", kind = "Holiday", name = "元旦" },
                new { date = "2093-05-01", kind = "Holiday", name = "劳动节" },
                new { date = "2093-05-01", kind = "Holiday", name = "劳动节" },
                new { date = "2093-05-09", kind = "Vacation", name = "劳动节" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(body.Errors("days[0].date"));
        Assert.NotEmpty(body.Errors("days[2].date"));
        Assert.NotEmpty(body.Errors("days[3].kind"));
        Assert.False(await app.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date.Year == 2093, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Put_AsCommunityWorker_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var (status, _, _) = await worker.SendAsync(HttpMethod.Put, "/api/v1/calendar/2026", new { days = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.True(await app.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 2, 17), Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task CalendarPage_AddsAndRemovesADay(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);
        var year = provider == Provider.Sqlite ? 2095 : 2096;
        var url = $"/admin/calendar?year={year}";

        var (status, html, _) = await admin.PostFormAsync(url, "calendar-add", new Dictionary<string, string>
        {
            ["Input.Date"] = $"{year}-10-01", ["Input.Kind"] = "Holiday", ["Input.Name"] = "国庆节",
        });
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, html);
        var (_, page, _) = await admin.GetPageAsync(url);
        Assert.Contains($"data-date=\"{year}-10-01\"", page);
        Assert.Contains("国庆节", page);

        await admin.PostFormAsync(url, $"remove-{year}1001", new Dictionary<string, string>());
        Assert.False(await app.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(year, 10, 1), Ct)));
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetPageAsync(url)).Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task NextYear_IsSeededProvisionally_TheAdminPageSaysSo_AndSavingConfirmsIt(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);
        var year = provider == Provider.Sqlite ? 2097 : 2098;
        await app.WithDbAsync(async db =>
        {
            db.CalendarDays.Add(new CalendarDay { Date = new(year, 1, 1), Kind = CalendarDayKind.Holiday, Name = "元旦", Provisional = true });
            return await db.SaveChangesAsync(Ct);
        });

        var seeded = await admin.GetJsonAsync("/api/v1/calendar/2027");
        var (_, page2027, _) = await admin.GetPageAsync("/admin/calendar?year=2027");
        var (_, before, _) = await admin.GetPageAsync($"/admin/calendar?year={year}");
        var (putStatus, _, _) = await admin.SendAsync(HttpMethod.Put, $"/api/v1/calendar/{year}", new { days = new[] { new { date = $"{year}-01-01", kind = "Holiday", name = "元旦" } } });
        Assert.Equal(HttpStatusCode.OK, putStatus);
        var (_, after, _) = await admin.GetPageAsync($"/admin/calendar?year={year}");

        var springFestival = seeded.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2027-02-08");
        Assert.True(springFestival.GetProperty("provisional").GetBoolean());
        Assert.Contains("data-testid=\"provisional\"", page2027);
        Assert.Contains("data-testid=\"provisional\"", before);
        Assert.DoesNotContain("data-testid=\"provisional\"", after);
        Assert.False(await app.WithDbAsync(db => db.CalendarDays.Where(d => d.Date == new DateOnly(year, 1, 1)).Select(d => d.Provisional).SingleAsync(Ct)));
    }

    static async Task<WorkingTime> LoadAsync(LinliApp app, int year)
    {
        using var scope = app.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<WorkCalendar>().LoadAsync(year, year, Ct);
    }
}
