using Linli.Modules.Matters;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Notifications;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Deadlines;

// The timer itself, as a hosted service: on a database of its own, since a running timer sweeps the whole city.
public sealed class DeadlineTimerTests
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task FreshInstance_FirstTick_FlagsAMatterThatWentOverdueWhileDown(Provider provider)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
        {
            if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
        }
        await using var before = LinliApp.Create(provider); // the instance that was running (its timer off)
        var tree = await before.CreateTreeAsync();
        var handler = await before.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var matter = await before.AddMatterAsync(tree.Community, m => m.InHandling(tree.Community, DateTime.UtcNow.AddHours(-3)));

        // A restart: a new instance whose timer runs; its next tick would come only in an hour.
        await using var restarted = before.SecondInstance(new Dictionary<string, string?> { ["Matters:TimerSeconds"] = "3600" });
        _ = restarted.Services;
        var flagged = await WaitForAsync(async () => (await before.ReloadAsync(matter.Id)).OverdueAt is not null);

        Assert.True(flagged, "the first tick after start did not flag the overdue matter");
        Assert.Single(await before.EventsOfAsync(matter.Id), e => e.Type == MatterEventType.Overdue);
        Assert.Contains(await before.NotificationsOfAsync(matter.Id), n => n.UserId == handler.Id);
    }

    static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition()) return true;
            await Task.Delay(200, Ct);
        }
        return false;
    }
}
