using Linli.Data;
using Linli.Modules.Visits;
using Linli.Tests.Modules.Residents.Demo;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.Visits;

public sealed class DemoVisitsTests
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_AYearOfVisits_SomeWorkersKeepUpAndSomeFallBehind(Provider provider)
    {
        await using var app = DemoResidentsTests.Fresh(provider, residents: 3_000);
        await DemoResidentsTests.SeedAsync(app);
        var ct = TestContext.Current.CancellationToken;
        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.Now;
        var today = DateOnly.FromDateTime(now);

        var visits = await db.Visits.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        Assert.True(visits.Count > 100, $"{visits.Count} visits");
        Assert.All(visits, v => Assert.InRange(v.VisitedAt, now.AddDays(-366), now));
        var users = await db.Users.AsNoTracking().Where(u => u.IsDemo).ToDictionaryAsync(u => u.UserName!, ct);

        // Some workers keep up, some fall behind: the share of their households overdue, per worker who visits.
        var shares = new List<(string Name, double Share)>();
        foreach (var id in visits.Select(v => v.WorkerId).Distinct())
        {
            var worker = await WorkerHouseholds.FindAsync(db, id, ct);
            var schedule = await VisitSchedule.ForAsync(db, WorkerHouseholds.Of(db, worker!), today, ct);
            if (schedule.Count >= 5) shares.Add((worker!.Name, schedule.Count(d => d.Overdue) / (double)schedule.Count));
        }
        Assert.True(shares.Count >= 3, $"{shares.Count} workers");
        Assert.Contains(shares, s => s.Share <= 0.05);
        Assert.Contains(shares, s => s.Share >= 0.10);

        // Weekly households of the grid worker are visited about weekly all year.
        var gridWorker = users["demo.grid"].Id;
        var weekly = visits.Where(v => v.WorkerId == gridWorker && v.Type == VisitType.KeyPopulationCare).GroupBy(v => v.HouseholdId)
            .Where(g => g.Count() > 20).ToList();
        Assert.All(weekly, g =>
        {
            var days = g.Select(v => v.VisitedAt.Date).Order().ToList();
            Assert.All(days.Zip(days.Skip(1)), pair => Assert.InRange((pair.Second - pair.First).TotalDays, 1, 10));
        });
    }
}
