using Linli.Data;
using Linli.Modules.Matters;
using Linli.Modules.Notifications;
using Linli.Modules.Organization;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Notifications;

// Arranges matters, messages and accounts directly in the database (the workflow actions live on another branch).
public static class NotificationArrange
{
    /// <summary>A matter owned by <paramref name="owner"/>, registered; <paramref name="set"/> puts it in the state a test needs.</summary>
    public static Task<Matter> AddMatterAsync(this LinliApp app, OrgUnit owner, Action<Matter>? set = null) => app.WithDbAsync(async db =>
    {
        var category = await db.MatterCategories.OrderBy(c => c.Id).FirstAsync(Ct);
        var matter = new Matter
        {
            TicketNumber = $"T{Guid.NewGuid():N}"[..20], TrackingTokenHash = new string('0', 64), CategoryId = category.Id, CategoryName = category.Name,
            Description = "楼道堆放杂物", State = MatterState.Registered, RegisteredByUnitId = owner.Id, OrgPath = owner.OrgPath,
            CreatedAt = DateTime.UtcNow, CreatedById = "tests", CreatedByName = "tests",
        };
        set?.Invoke(matter);
        db.Matters.Add(matter);
        await db.SaveChangesAsync(Ct);
        return matter;
    });

    /// <summary>Hands the matter to <paramref name="unit"/> (and a department of it), in handling, due at <paramref name="due"/>.</summary>
    public static void InHandling(this Matter m, OrgUnit unit, DateTime due, long? departmentId = null, string? assigneeId = null)
    {
        (m.State, m.HandlingUnitId, m.HandlingPath, m.HandlingDepartmentId) = (MatterState.Dispatched, unit.Id, unit.OrgPath, departmentId);
        (m.AcceptedAt, m.DispatchedAt, m.ResolveDueAt, m.AssigneeId) = (DateTime.UtcNow.AddDays(-3), DateTime.UtcNow.AddDays(-3), due, assigneeId);
    }

    public static Task<long> AddDepartmentAsync(this LinliApp app, OrgUnit unit, string name = "城管科") => app.WithDbAsync(async db =>
    {
        var d = new Department { OrgUnitId = unit.Id, Code = $"D{Guid.NewGuid():N}"[..8], Name = name, OrgPath = unit.OrgPath };
        db.Departments.Add(d);
        await db.SaveChangesAsync(Ct);
        return d.Id;
    });

    public static Task SetPhoneAsync(this LinliApp app, TestUser user, string phone) => app.WithDbAsync(async db =>
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumber, phone), Ct));

    public static Task<long> AddNotificationAsync(this LinliApp app, TestUser user, string title, DateTime? readAt = null) => app.WithDbAsync(async db =>
    {
        var n = new Notification { UserId = user.Id, Title = title, Body = "正文", Link = "/matters/1", CreatedAt = DateTime.UtcNow, ReadAt = readAt };
        db.Notifications.Add(n);
        await db.SaveChangesAsync(Ct);
        return n.Id;
    });

    /// <summary>Every message about the matter, whoever it is for (past the Recipient filter).</summary>
    public static Task<List<Notification>> NotificationsOfAsync(this LinliApp app, long matterId) => app.WithDbAsync(db =>
        db.Notifications.IgnoreQueryFilters().Where(n => n.MatterId == matterId).ToListAsync(Ct));

    public static Task<List<MatterEvent>> EventsOfAsync(this LinliApp app, long matterId) => app.WithDbAsync(db =>
        db.MatterEvents.Where(e => e.MatterId == matterId).ToListAsync(Ct));

    public static Task<Matter> ReloadAsync(this LinliApp app, long matterId) => app.WithDbAsync(db =>
        db.Matters.AsNoTracking().SingleAsync(m => m.Id == matterId, Ct));

    /// <summary>Runs the workflow's hook for one step the way the workflow does: before its save.</summary>
    public static Task NotifyAsync(this LinliApp app, long matterId, MatterEventType type, string actorId = "someone") => app.WithDbAsync(async db =>
    {
        var matter = await db.Matters.SingleAsync(m => m.Id == matterId, Ct);
        var step = new MatterEvent { MatterId = matterId, Type = type, ActorId = actorId, ActorName = "测试", At = DateTime.UtcNow, OrgPath = matter.OrgPath };
        db.MatterEvents.Add(step);
        await MatterNotifications.OnEventAsync(db, matter, step, Ct);
        await db.SaveChangesAsync(Ct);
        return 0;
    });
}
