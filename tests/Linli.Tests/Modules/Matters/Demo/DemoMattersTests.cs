using Linli.Data;
using Linli.Modules.Matters;
using Linli.Modules.Organization;
using Linli.Tests.Modules.Residents.Demo;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.Matters.Demo;

public sealed class DemoMattersTests
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_AYearOfMatters_StatesMilestonesAndTimelinesAgree(Provider provider)
    {
        await using var app = DemoResidentsTests.Fresh(provider, residents: 3_000);
        var started = DateTime.UtcNow;
        await DemoResidentsTests.SeedAsync(app);
        var ct = TestContext.Current.CancellationToken;
        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var matters = await db.Matters.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var events = (await db.MatterEvents.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct)).ToLookup(e => e.MatterId);
        var units = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var departments = await db.Departments.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var now = DateTime.UtcNow;

        Assert.Equal(DemoMatters.DefaultCount, matters.Count);
        Assert.Equal(matters.Count, matters.Select(m => m.TicketNumber).Distinct().Count());
        Assert.All(matters, m => Assert.InRange(m.CreatedAt, started.AddDays(-367), now));
        Assert.Equal(Enum.GetValues<MatterChannel>().Length, matters.Select(m => m.Channel).Distinct().Count());
        Assert.True(matters.Select(m => m.CategoryId).Distinct().Count() >= 20);

        // Every timeline starts with its registration, runs forward, and ends no later than now; its rows carry the owner's path.
        Assert.All(matters, m =>
        {
            var steps = events[m.Id].OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
            Assert.Equal(MatterEventType.Registered, steps[0].Type);
            Assert.Equal(m.CreatedAt, steps[0].At);
            Assert.True(steps[^1].At <= now);
            Assert.All(steps, e => Assert.Equal(m.OrgPath, e.OrgPath));
            Assert.Equal(m.ReworkCount, steps.Count(e => e.Type == MatterEventType.VerificationFailed));
            Assert.Equal(m.RedoCount, steps.Count(e => e.Type == MatterEventType.Reopened));
            Assert.Equal(m.EscalationCount, steps.Count(e => e.Type == MatterEventType.Escalated));
        });

        // Milestones agree with the state.
        Assert.All(matters.Where(m => m.State is MatterState.Closed or MatterState.Rejected), m => Assert.NotNull(m.ClosedAt));
        Assert.All(matters.Where(m => MatterClock.IsOpen(m.State)), m => Assert.Null(m.ClosedAt));
        Assert.All(matters.Where(m => m.State == MatterState.Registered), m => Assert.Null(m.AcceptedAt));
        Assert.All(matters.Where(m => MatterClock.InHandling(m.State)), m => Assert.NotNull(m.AcceptedAt ?? m.ResolveDueAt));
        Assert.All(matters.Where(m => m.State is MatterState.Verified or MatterState.FollowedUp or (MatterState.Closed)), m =>
        {
            Assert.NotNull(m.ResolvedAt);
            Assert.NotNull(m.VerifiedAt);
            var verifier = events[m.Id].Where(e => e.Type == MatterEventType.Verified).MaxBy(e => e.At)!;
            Assert.NotEqual(m.ResolvedById, verifier.ActorId);
        });
        Assert.All(matters.Where(m => m.State is MatterState.FollowedUp or MatterState.Closed), m => Assert.NotNull(m.Satisfaction));
        Assert.All(matters.Where(m => m.State == MatterState.InProgress), m => Assert.NotNull(m.AssigneeId));

        // Handled where the units and departments exist, seen along the handling unit's line.
        Assert.All(matters.Where(m => m.HandlingUnitId is not null), m => Assert.Equal(units[m.HandlingUnitId!.Value].OrgPath, m.HandlingPath));
        Assert.All(matters.Where(m => m.HandlingDepartmentId is not null), m => Assert.Equal(m.HandlingUnitId, departments[m.HandlingDepartmentId!.Value].OrgUnitId));
        Assert.All(matters, m => Assert.Contains(units[m.RegisteredByUnitId].Level, new[] { OrgLevel.Community, OrgLevel.Street }));
        Assert.Contains(matters, m => m.HandlingDepartmentId is not null);
        Assert.Contains(matters, m => m.HandlingUnitId is { } u && units[u].Level == OrgLevel.District && m.EscalationCount > 0);

        // Plausible shares: mostly closed, some open, about a tenth overdue, detours present, mostly satisfied.
        double Share(Func<Matter, bool> f) => matters.Count(f) / (double)matters.Count;
        Assert.InRange(Share(m => m.State == MatterState.Closed), 0.75, 0.97);
        Assert.InRange(Share(m => MatterClock.IsOpen(m.State)), 0.01, 0.15);
        Assert.InRange(Share(m => m.State == MatterState.Rejected), 0.01, 0.06);
        Assert.InRange(Share(m => events[m.Id].Any(e => e.Type == MatterEventType.Overdue)), 0.06, 0.2);
        Assert.InRange(Share(m => m.EscalationCount > 0), 0.03, 0.2);
        Assert.Contains(matters, m => m.EscalationCount >= 2);
        Assert.Contains(matters, m => m.ReworkCount > 0);
        Assert.Contains(matters, m => m.RedoCount > 0);
        Assert.Contains(matters, m => m.Supervised && m.SupervisedAt is not null);
        Assert.Contains(matters, m => events[m.Id].Any(e => e.Type == MatterEventType.ExtensionApproved));
        Assert.Contains(matters, m => events[m.Id].Any(e => e.Type == MatterEventType.Returned));
        var rated = matters.Where(m => m.Satisfaction is not null).ToList();
        Assert.InRange(rated.Count(m => m.Satisfaction != MatterSatisfaction.NotSatisfied) / (double)rated.Count, 0.85, 1);

        // Reporters: some residents of the registry, some anonymous.
        Assert.InRange(Share(m => m.ReporterResidentId is not null), 0.2, 0.6);
        Assert.InRange(Share(m => m.AnonymousToPublic), 0.1, 0.3);
        Assert.All(matters.Where(m => m.ReporterResidentId is not null && m.Channel is MatterChannel.Counter or MatterChannel.Hotline),
            m => Assert.NotNull(m.OnBehalfReason));

        // Today's counter is past the demo's numbers: the next ticket registered cannot collide.
        var counters = await db.Set<MatterTicketCounter>().AsNoTracking().ToDictionaryAsync(c => c.Day, ct);
        Assert.All(matters, m => Assert.True(counters[m.TicketNumber[1..9]].Last >= int.Parse(m.TicketNumber[10..])));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_SameDay_SameMatters(Provider provider)
    {
        var at = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(await MattersAsync(provider, at), await MattersAsync(provider, at));
    }

    static async Task<List<string>> MattersAsync(Provider provider, DateTimeOffset at)
    {
        await using var app = DemoResidentsTests.Fresh(provider, residents: 1_000);
        await DemoResidentsTests.SeedAsync(app, at);
        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Matters.IgnoreQueryFilters().AsNoTracking().OrderBy(m => m.TicketNumber)
            .Select(m => m.TicketNumber + m.State + m.CategoryId + m.HandlingUnitId + m.ReporterName + m.ClosedAt)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
