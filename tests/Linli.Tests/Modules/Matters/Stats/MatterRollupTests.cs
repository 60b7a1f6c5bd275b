using System.Text.Json;
using Linli.Data;
using Linli.Modules.Matters;
using Linli.Modules.Matters.Stats;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Platform.Generation;
using Linli.Tests.Modules.Matters.Workflow;
using Linli.Tests.Modules.Organization;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Modules.Residents.Demo;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.Matters.Stats;

// The rollup (MatterTallies, MatterBreakdowns) against the live count of the matters, on the demo year: every dashboard
// figure equal for the city, each district, a street, a community and a grid, after the seeding's rebuild, after
// workflow steps and direct edits kept by the save, after an org subtree moves, and a rebuild yields the same rows.
public sealed class MatterRollupTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Rollup_GivesTheLiveFigures_OnTheDemoYear_ThroughWorkflowMovesAndRebuild(Provider provider)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null) Assert.Skip("PostgreSQL not configured.");
        await using var app = LinliApp.Create(provider, new Dictionary<string, string?> { ["Demo:Residents"] = "1000", ["Demo:Matters"] = "2500" });
        await DemoResidentsTests.SeedAsync(app);
        await AssertRollupMatchesLiveAsync(app, "after seeding");

        // Workflow steps through the API (register, accept, escalate, reject), and direct edits through the save.
        var units = await app.WithDbAsync(db => db.OrgUnits.AsNoTracking().OrderBy(u => u.Id).ToListAsync(Ct));
        var community = units.First(u => u.Level == OrgLevel.Community);
        var worker = await app.ClientAsync(Roles.CommunityWorker, community);
        var (a, _, _) = await worker.RegisterInAsync("占道经营");
        var (b, _, _) = await worker.RegisterInAsync("健身器材");
        var (c, _, _) = await worker.RegisterInAsync("健身器材");
        await worker.ActAsync(a, "accept");
        await worker.ActAsync(b, "escalate", new { reason = "需执法" });
        await worker.TryAsync(c, "reject", new { reason = "不属于受理范围" });
        await app.WithDbAsync(async db =>
        {
            var some = await db.Matters.Where(m => m.ResolvedAt != null && m.FollowedUpAt == null).OrderBy(m => m.Id).Take(3).ToListAsync(Ct);
            foreach (var m in some) (m.FollowedUpAt, m.Satisfaction, m.State, m.RedoCount) = (m.ResolvedAt!.Value.AddHours(30), MatterSatisfaction.NotSatisfied, MatterState.Reopened, m.RedoCount + 1);
            var other = await db.Matters.Where(m => m.AcceptedAt == null).OrderByDescending(m => m.Id).FirstAsync(Ct);
            (other.AcceptedAt, other.State, other.CategoryId) = (other.CreatedAt.AddHours(1), MatterState.Accepted, some.Count > 0 ? some[0].CategoryId : other.CategoryId);
            var gone = await db.Matters.Include(m => m.Events).Where(m => m.State == MatterState.Closed).OrderBy(m => m.Id).FirstAsync(Ct);
            db.Matters.Remove(gone);
            return await db.SaveChangesAsync(Ct);
        });
        await AssertRollupMatchesLiveAsync(app, "after workflow steps");

        // A community moves to a new street of another district: its figures leave the old line and join the new.
        var district = units.First(u => u.Level == OrgLevel.District && u.Id != units.Single(s => s.Id == community.ParentId).ParentId);
        var admin = await app.StaffClientAsync(Roles.SystemAdmin, units.Single(u => u.ParentId == null));
        var created = await admin.PostOkAsync("/api/v1/org-units", new { parentId = district.Id, code = $"{district.Code[..6]}099000", name = "新设街道" });
        await admin.PostOkAsync($"/api/v1/org-units/{community.Id}/move", new { newParentId = created.GetProperty("id").GetInt64() });
        await AssertRollupMatchesLiveAsync(app, "after a move");

        var kept = await TallyRowsAsync(app);
        using (var scope = app.SystemScope())
            await Rollups.RebuildAllAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Ct);
        Assert.Equal(await TallyRowsAsync(app), kept);
    }

    static async Task AssertRollupMatchesLiveAsync(LinliApp app, string when)
    {
        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var time = TimeProvider.System;
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(Ct);
        var city = units.Single(u => u.ParentId == null);
        var community = units.First(u => u.Level == OrgLevel.Community && units.Any(g => g.ParentId == u.Id));
        var grid = units.First(u => u.ParentId == community.Id);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var periods = new[] { MatterPeriod.Of(today.AddDays(-364), today, time.LocalTimeZone), MatterPeriod.Of(today.AddDays(-40), today.AddDays(-20), time.LocalTimeZone) };
        var sample = new[] { city, community, grid }.Concat(units.Where(u => u.Level is OrgLevel.District or OrgLevel.Street));
        var compared = 0;
        foreach (var period in periods)
            foreach (var unit in sample)
            {
                var rolled = await MatterStats.LoadAsync(db, time, unit.Id, period, Ct);
                var live = await MatterStats.LoadAsync(db, time, unit.Id, period, Ct, live: true);
                Assert.True(JsonSerializer.Serialize(live) == JsonSerializer.Serialize(rolled), $"{when}: {unit.Name} {period.From}..{period.To}");
                compared += live!.Totals.Received;
            }
        Assert.True(compared > 1_000, $"{when}: the demo year has matters to compare ({compared})");
    }

    static Task<List<string>> TallyRowsAsync(LinliApp app) => app.WithDbAsync(async db =>
        (await db.MatterTallies.AsNoTracking().ToListAsync(Ct)).Where(t => t.Received != 0)
            .Select(t => JsonSerializer.Serialize(t)).Order(StringComparer.Ordinal).ToList());
}
