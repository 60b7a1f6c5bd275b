using Linli.Modules.Matters;
using Linli.Modules.Matters.Deadlines;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Notifications;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Deadlines;

// The deadline timer's tick. Each test sweeps its own city only (other tests share the database); assertions read
// the database, which is where the timer's state lives.
public sealed class DeadlineSweepTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DueSoon_WarnsOnce_AndNotifiesTheHandlers(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var handler = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var matter = await app.AddMatterAsync(tree.Community, m => m.InHandling(tree.Community, DateTime.UtcNow.AddMinutes(30)));

        await MatterDeadlineSweep.RunOnceAsync(app.Services, tree.City.OrgPath, Ct);
        await MatterDeadlineSweep.RunOnceAsync(app.Services, tree.City.OrgPath, Ct);

        var after = await app.ReloadAsync(matter.Id);
        Assert.NotNull(after.WarnedAt);
        Assert.Null(after.OverdueAt);
        Assert.Equal(DeadlineLight.Yellow, MatterClock.Light(after, DateTime.UtcNow));
        var warning = Assert.Single(await app.EventsOfAsync(matter.Id), e => e.Type == MatterEventType.DeadlineWarning);
        Assert.False(warning.IsPublic);
        Assert.Equal(MatterDeadlineSweep.ActorId, warning.ActorId);
        var note = Assert.Single(await app.NotificationsOfAsync(matter.Id));
        Assert.Equal(handler.Id, note.UserId);
        Assert.Single(await app.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "Matter.DeadlineWarning" && a.ObjectType == "MatterEvent" && a.ObjectId == warning.Id.ToString()).ToListAsync(Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DueInAMonth_NoWarning(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var matter = await app.AddMatterAsync(tree.Community, m => m.InHandling(tree.Community, DateTime.UtcNow.AddDays(30)));

        await MatterDeadlineSweep.RunOnceAsync(app.Services, tree.City.OrgPath, Ct);

        var after = await app.ReloadAsync(matter.Id);
        Assert.Null(after.WarnedAt);
        Assert.DoesNotContain(await app.EventsOfAsync(matter.Id), e => e.Type == MatterEventType.DeadlineWarning);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task PastDue_FlagsOverdueOnce_Supervises_AndNotifiesHandlersAndSupervisors(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var handler = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var supervisor = await app.CreateUserAsync(Roles.Official, tree.Street);
        var matter = await app.AddMatterAsync(tree.Community, m => m.InHandling(tree.Community, DateTime.UtcNow.AddHours(-2)));

        await MatterDeadlineSweep.RunOnceAsync(app.Services, tree.City.OrgPath, Ct);
        await MatterDeadlineSweep.RunOnceAsync(app.Services, tree.City.OrgPath, Ct);

        var after = await app.ReloadAsync(matter.Id);
        Assert.NotNull(after.OverdueAt);
        Assert.True(after.Supervised);
        Assert.Equal(after.OverdueAt, after.SupervisedAt);
        var events = await app.EventsOfAsync(matter.Id);
        Assert.Single(events, e => e.Type == MatterEventType.Overdue);
        Assert.DoesNotContain(events, e => e.Type == MatterEventType.DeadlineWarning);
        var to = (await app.NotificationsOfAsync(matter.Id)).Select(n => n.UserId).Order().ToList();
        Assert.Equal(new[] { handler.Id, supervisor.Id }.Order().ToList(), to);
        Assert.Contains(await app.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "Matter.Overdue" && a.ObjectType == "Matter").Select(a => a.ObjectId).ToListAsync(Ct)),
            id => id == matter.Id.ToString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task AcceptDeadlinePassed_WhileRegistered_IsFlaggedToo(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var owner = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var matter = await app.AddMatterAsync(tree.Community, m => m.AcceptDueAt = DateTime.UtcNow.AddMinutes(-5));

        await MatterDeadlineSweep.RunOnceAsync(app.Services, tree.City.OrgPath, Ct);

        Assert.NotNull((await app.ReloadAsync(matter.Id)).OverdueAt);
        Assert.Contains(await app.NotificationsOfAsync(matter.Id), n => n.UserId == owner.Id); // nobody else has it yet
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ClosedOrSuspended_PastDue_AreLeftAlone(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var closed = await app.AddMatterAsync(tree.Community, m => { m.InHandling(tree.Community, DateTime.UtcNow.AddDays(-1)); m.State = MatterState.Closed; });
        var suspended = await app.AddMatterAsync(tree.Community, m => { m.InHandling(tree.Community, DateTime.UtcNow.AddDays(-1)); m.State = MatterState.Suspended; });

        await MatterDeadlineSweep.RunOnceAsync(app.Services, tree.City.OrgPath, Ct);

        Assert.Null((await app.ReloadAsync(closed.Id)).OverdueAt);
        Assert.Null((await app.ReloadAsync(suspended.Id)).OverdueAt);
        Assert.Empty(await app.EventsOfAsync(closed.Id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task TwoInstances_SweepingAtOnce_FlagEachMatterOnce(Provider provider)
    {
        var app = await apps.For(provider);
        await using var second = app.SecondInstance();
        var tree = await app.CreateTreeAsync();
        var handler = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var supervisor = await app.CreateUserAsync(Roles.Official, tree.Street);
        var matters = new List<Matter>();
        for (var i = 0; i < 6; i++)
            matters.Add(await app.AddMatterAsync(tree.Community, m => m.InHandling(tree.Community, DateTime.UtcNow.AddHours(-1 - i))));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => MatterDeadlineSweep.RunOnceAsync(i % 2 == 0 ? app.Services : second.Services, tree.City.OrgPath, Ct))));

        Assert.Equal(matters.Count, outcomes.Sum(o => o.Overdue));
        foreach (var m in matters)
        {
            Assert.Single(await app.EventsOfAsync(m.Id), e => e.Type == MatterEventType.Overdue);
            var to = (await app.NotificationsOfAsync(m.Id)).Select(n => n.UserId).Order().ToList();
            Assert.Equal(new[] { handler.Id, supervisor.Id }.Order().ToList(), to);
        }
    }
}
