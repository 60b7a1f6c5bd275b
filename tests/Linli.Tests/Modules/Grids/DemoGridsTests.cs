using Linli.Data;
using Linli.Modules.Grids;
using Linli.Platform.Auth;
using Linli.Platform.Hosting;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.Grids;

// Seeds a database of its own: the demo city's codes and user names are global.
public sealed class DemoGridsTests
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DemoSeed_WorkloadHasNormalAndOverLimitWorkersAndUncoveredGrids_DemoCommunityHasBoundaries(Provider provider)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
        {
            if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
        }
        await using var app = LinliApp.Create(provider); // the full default registry: the loads depend on it
        var ct = TestContext.Current.CancellationToken;
        using (var scope = app.SystemScope())
            await ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).SeedAsync(ct);

        var city = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Code == DemoCity.CityCode, ct));
        var view = await app.WithDbAsync(db => Workload.LoadAsync(db, 250, city.Id, ct));
        Assert.NotNull(view);
        Assert.Contains(view.Workers, w => w.OverLimit);
        Assert.Contains(view.Workers, w => !w.OverLimit && w.Households > 0);
        Assert.NotEmpty(view.GridsWithoutWorker);
        var (gridId, worker1Id) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.UserName == "demo.grid").Select(u => u.OrgUnitId!.Value).SingleAsync(ct),
            await db.Users.Where(u => u.UserName == "demo.worker1").Select(u => u.Id).SingleAsync(ct)));
        var leader = await app.WithDbAsync(db => db.GridAssignments.Where(a => a.GridId == gridId && a.Duty == GridDuty.Leader)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => u.UserName).SingleAsync(ct));
        Assert.Equal("demo.grid", leader);
        Assert.Contains(view.Workers, w => w.UserId == worker1Id);
        var boundaries = await app.WithDbAsync(db => db.GridBoundaries.CountAsync(b => db.OrgUnits.Any(u => u.Id == b.GridId && u.Code.StartsWith(DemoGrids.DemoCommunityCode)), ct));
        Assert.Equal(DemoCity.GridsPerCommunity, boundaries);

        // A second run adds nothing.
        var before = await app.WithDbAsync(db => db.GridAssignments.CountAsync(ct));
        using (var scope = app.SystemScope())
            await ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).SeedAsync(ct);
        Assert.Equal(before, await app.WithDbAsync(db => db.GridAssignments.CountAsync(ct)));
    }

    [Fact]
    public void DemoBoundaries_AreValidPolygons()
    {
        var (geometry, error) = GeoJsonShape.Check(System.Text.Json.JsonDocument.Parse(
            "{\"type\":\"Polygon\",\"coordinates\":[[[121.54,29.868],[121.543,29.868],[121.543,29.8705],[121.54,29.8705],[121.54,29.868]]]}").RootElement);
        Assert.Null(error);
        Assert.NotNull(geometry);
    }
}
