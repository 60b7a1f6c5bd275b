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
    public async Task Seed_AYearOfVisits_TheGridWorkerKeepsUpAndACommunityWorkerFallsBehind(Provider provider)
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

        double OverdueShare(string userName)
        {
            var path = users[userName].OrgPath;
            var schedule = VisitSchedule.ForAsync(db, db.Households.Where(h => h.OrgPath.StartsWith(path)), today, ct).GetAwaiter().GetResult();
            return schedule.Count(d => d.Overdue) / (double)schedule.Count;
        }
        var grid = OverdueShare("demo.grid");
        var community = OverdueShare("demo.worker1");
        Assert.True(grid < 0.1, $"grid worker overdue share {grid:P0}");
        Assert.True(community > grid, $"community {community:P0} vs grid {grid:P0}");

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
