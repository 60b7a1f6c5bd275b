using Linli.Modules.Matters;
using Linli.Modules.Matters.Stats;
using Linli.Modules.Organization;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Stats;

/// <summary>
/// Matters with known milestone fields written straight into the database (the workflow actions are built elsewhere),
/// for a street in March 2025. Every expected figure of the tests follows from the comments here.
/// </summary>
public sealed record StatsCase(TestTree Tree, Dictionary<string, long> Ids)
{
    public const string From = "2025-03-01", To = "2025-03-31";

    /// <summary>10:00 local on 2025-03-{day} (the app counts whole local days), as UTC.</summary>
    public static DateTime Day(int day, int month = 3) => MatterPeriod.Utc(new DateOnly(2025, month, day), TimeZoneInfo.Local).AddHours(10);

    public static async Task<StatsCase> ArrangeAsync(LinliApp app)
    {
        var tree = await app.CreateTreeAsync();
        var now = DateTime.UtcNow;
        var ids = new Dictionary<string, long>();
        async Task Add(string key, OrgUnit owner, DateTime created, string category, MatterChannel channel, Action<Matter> set, params DateTime[] escalatedAt) =>
            ids[key] = await app.AddMatterAsync(owner, created, category, channel, set, escalatedAt);
        var (a, b) = (tree.Community, tree.Community2);

        // A1: accepted and resolved on time (48 h), verified, satisfied, closed.
        await Add("A1", a, Day(3), "city.env.litter", MatterChannel.Counter, m => Done(m, acceptedAfter: 1, acceptHours: 4, resolvedAfterHours: 48, resolveDays: 5,
            state: MatterState.Closed, satisfaction: MatterSatisfaction.Satisfied));
        // A2: accepted late, resolved late (96 h), reworked once, not satisfied → reopened (redone once), overdue now.
        await Add("A2", a, Day(4), "city.env.stall", MatterChannel.Hotline, m =>
        {
            Done(m, acceptedAfter: 6, acceptHours: 4, resolvedAfterHours: 96, resolveDays: 3, state: MatterState.Reopened, satisfaction: MatterSatisfaction.NotSatisfied);
            (m.ReworkCount, m.RedoCount) = (1, 1);
            Handle(m, a);
        });
        // A3: on time both, resolved in 10 h, verified, basically satisfied.
        await Add("A3", a, Day(10), "city.property.service", MatterChannel.Web, m => Done(m, acceptedAfter: 1, acceptHours: 4, resolvedAfterHours: 10,
            resolveDays: 5, state: MatterState.FollowedUp, satisfaction: MatterSatisfaction.Basic));
        // A4: never accepted, its accept limit long past: overdue now.
        await Add("A4", a, Day(11), "city.env.litter", MatterChannel.Counter, m => m.AcceptDueAt = Day(11).AddHours(4));
        // A5: a grid's matter raised to the street twice in one week, warned (yellow), not overdue.
        await Add("A5", tree.Grid, Day(12), "city.repair.light", MatterChannel.GridWorker, m =>
        {
            (m.State, m.EscalationCount, m.AcceptDueAt, m.WarnedAt) = (MatterState.Escalated, 2, now.AddDays(10), now.AddHours(-1));
            Handle(m, tree.Street);
        }, Day(12).AddHours(2), Day(13));
        // B1: the other community: on time, resolved in 20 h, verified, not followed up yet; raised once.
        await Add("B1", b, Day(5), "city.env.stall", MatterChannel.Counter, m => Done(m, acceptedAfter: 2, acceptHours: 4, resolvedAfterHours: 20,
            resolveDays: 5, state: MatterState.Verified, satisfaction: null), Day(5).AddHours(1));
        // S1: registered at the street's own counter, accepted on time, in handling, supervised (督办), raised once.
        await Add("S1", tree.Street, Day(20), "city.security", MatterChannel.Mailbox, m =>
        {
            (m.State, m.AcceptDueAt, m.AcceptedAt, m.ResolveDueAt, m.Supervised, m.SupervisedAt) =
                (MatterState.Accepted, Day(20).AddHours(4), Day(20).AddHours(3), now.AddDays(5), true, now.AddHours(-2));
            Handle(m, tree.Street);
        }, Day(21));
        // O1: registered in February (not received in March), raised in March, its accept limit past: overdue now.
        await Add("O1", a, Day(20, month: 2), "city.env.litter", MatterChannel.Counter, m =>
        {
            (m.State, m.EscalationCount, m.AcceptDueAt) = (MatterState.Escalated, 1, Day(21, month: 2));
            Handle(m, tree.Street);
        }, Day(3));
        // X1: another street's community: never counted for this street; overdue and raised.
        await Add("X1", tree.Community3, Day(6), "city.env.litter", MatterChannel.Counter, m => m.AcceptDueAt = Day(6).AddHours(4), Day(6).AddHours(5));
        return new StatsCase(tree, ids);
    }

    static void Done(Matter m, int acceptedAfter, int acceptHours, int resolvedAfterHours, int resolveDays, MatterState state, MatterSatisfaction? satisfaction)
    {
        m.State = state;
        m.AcceptDueAt = m.CreatedAt.AddHours(acceptHours);
        m.AcceptedAt = m.CreatedAt.AddHours(acceptedAfter);
        m.ResolveDueAt = m.CreatedAt.AddDays(resolveDays);
        m.ResolvedAt = m.CreatedAt.AddHours(resolvedAfterHours);
        m.ResolvedById = "resolver";
        m.VerifiedAt = m.ResolvedAt.Value.AddHours(2);
        if (satisfaction is null) return;
        (m.FollowedUpAt, m.Satisfaction) = (m.VerifiedAt.Value.AddHours(2), satisfaction);
    }

    static void Handle(Matter m, OrgUnit unit) => (m.HandlingUnitId, m.HandlingPath) = (unit.Id, unit.OrgPath);
}

public static class StatsArrange
{
    /// <summary>A matter with the given fields (set) and 上报 steps at the given times, written in system scope.</summary>
    public static async Task<long> AddMatterAsync(this LinliApp app, OrgUnit owner, DateTime createdAt, string categoryCode, MatterChannel channel,
        Action<Matter> set, params DateTime[] escalatedAt) => await app.WithDbAsync(async db =>
    {
        var category = await db.MatterCategories.SingleAsync(c => c.Code == categoryCode, Ct);
        var m = new Matter
        {
            TicketNumber = "S" + Guid.NewGuid().ToString("N")[..15], TrackingTokenHash = new string('0', 64), Channel = channel,
            CategoryId = category.Id, CategoryName = category.Name, Description = $"统计样例 {categoryCode}", State = MatterState.Registered,
            RegisteredByUnitId = owner.Id, OrgPath = owner.OrgPath, CreatedAt = createdAt, CreatedById = "tests", CreatedByName = "测试",
        };
        set(m);
        foreach (var at in escalatedAt)
            m.Events.Add(new MatterEvent { Type = MatterEventType.Escalated, ActorId = "tests", ActorName = "测试", At = at, OrgPath = owner.OrgPath, Note = "上报" });
        db.Matters.Add(m);
        await db.SaveChangesAsync(Ct);
        return m.Id;
    });
}
