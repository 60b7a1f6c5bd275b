using System.Net;
using Linli.Modules.Matters;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Workflow;

public sealed class MatterDeadlineActionsTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Extension_RequestedThenApprovedByTheDispatcher_MovesResolveDueByWorkingDays(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var dept = await app.AddDepartmentAsync(tree.Community, "物业");
        var community = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var staff = await app.ClientAsync(Roles.DepartmentStaff, tree.Community, dept.Id);
        var (id, _, _) = await community.RegisterInAsync();
        await community.ActAsync(id, "accept");
        await community.ActAsync(id, "dispatch", new { departmentId = dept.Id });
        await staff.ActAsync(id, "start");
        var before = (await app.MatterAsync(id)).ResolveDueAt!.Value;
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.TryAsync(id, "request-extension", new { days = 0, reason = "等配件" })).Status);

        var requested = await staff.ActAsync(id, "request-extension", new { days = 3, reason = "需等厂家配件到货" });
        Assert.Equal("ExtensionRequested", requested.State());
        (await staff.TryAsync(id, "approve-extension")).AssertRefused();   // not by the one who asked
        var approved = await community.ActAsync(id, "approve-extension");

        Assert.Equal("InProgress", approved.State());
        var m = await app.MatterAsync(id);
        var deadlines = await app.DeadlinesAsync();
        Assert.Equal(deadlines.AddDays(before, 3), m.ResolveDueAt);
        Assert.Equal(21, deadlines.HoursBetween(before, m.ResolveDueAt!.Value), 3);   // three working days of seven hours
        Assert.Null(m.ResumeState);
        Assert.Null(m.ExtensionDays);
        Assert.Null(m.WarnedAt);
        var events = await app.EventsAsync(id);
        Assert.Contains(events, e => e.Type == MatterEventType.ExtensionRequested && !e.IsPublic);
        Assert.Contains(events, e => e.Type == MatterEventType.ExtensionApproved && !e.IsPublic);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Extension_Refused_KeepsTheDeadline(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var community = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var street = await app.ClientAsync(Roles.Official, tree.Street);
        var (id, _, _) = await community.RegisterInAsync();
        await community.ActAsync(id, "accept");
        await community.ActAsync(id, "start");
        var before = (await app.MatterAsync(id)).ResolveDueAt;
        await community.ActAsync(id, "request-extension", new { days = 5, reason = "工作量大" });

        Assert.Equal(HttpStatusCode.BadRequest, (await street.TryAsync(id, "refuse-extension")).Status);
        var refused = await street.ActAsync(id, "refuse-extension", new { reason = "小修不需延期" });

        Assert.Equal("InProgress", refused.State());
        Assert.Equal(before, (await app.MatterAsync(id)).ResolveDueAt);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Suspend_ByTheLevelAbove_StopsTheClock_ResumeGoesBack(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var community = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var street = await app.ClientAsync(Roles.Official, tree.Street);
        var (id, _, _) = await community.RegisterInAsync();
        await community.ActAsync(id, "accept");
        await community.ActAsync(id, "start");
        var before = (await app.MatterAsync(id)).ResolveDueAt!.Value;

        (await community.TryAsync(id, "suspend", new { reason = "等待规划" })).AssertRefused();   // the handler cannot approve its own
        var suspended = await street.ActAsync(id, "suspend", new { reason = "涉及旧改规划，暂缓办理" });
        Assert.Equal("Suspended", suspended.State());
        Assert.Equal("None", suspended.Flow().GetProperty("light").GetString());
        Assert.NotNull((await app.MatterAsync(id)).SuspendedAt);
        var resumed = await community.ActAsync(id, "resume");

        Assert.Equal("InProgress", resumed.State());
        var m = await app.MatterAsync(id);
        Assert.Null(m.SuspendedAt);
        Assert.Null(m.ResumeState);
        Assert.True(m.ResolveDueAt >= before.AddMinutes(-1));
        var events = await app.EventsAsync(id);
        Assert.Contains(events, e => e.Type == MatterEventType.Suspended && e.Note == "涉及旧改规划，暂缓办理" && !e.IsPublic);
        Assert.Contains(events, e => e.Type == MatterEventType.Resumed);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Supervise_ByAnOfficialAbove_MarksItWithoutChangingState(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var community = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var street = await app.ClientAsync(Roles.Official, tree.Street);
        var (id, _, _) = await community.RegisterInAsync();
        await community.ActAsync(id, "accept");

        Assert.Equal(HttpStatusCode.Forbidden, (await community.TryAsync(id, "supervise")).Status);   // wrong role
        var supervised = await street.ActAsync(id, "supervise", new { note = "请三日内办结" });

        Assert.Equal("Accepted", supervised.State());
        Assert.True(supervised.Flow().GetProperty("supervised").GetBoolean());
        Assert.Equal(1, await app.AuditCountAsync("Matter.Supervise", id));
    }
}
