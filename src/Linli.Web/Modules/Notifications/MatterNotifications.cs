using Linli.Data;
using Linli.Modules.Matters;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Linli.Modules.Notifications;

// 消息提醒 who hears about a step on a matter. The workflow calls this once per event, before it saves, so the
// notifications (and the queued SMS/WeChat messages) land in the same transaction as the step.
public static class MatterNotifications
{
    /// <summary>The Identity login provider whose key is a user's WeChat openid (AspNetUserLogins).</summary>
    public const string WeChatLoginProvider = "WeChat";

    enum Audience { None, Handlers, HandlersAndSupervisors, Owner }

    static Audience For(MatterEventType type) => type switch
    {
        MatterEventType.Dispatched or MatterEventType.Escalated or MatterEventType.Reopened
            or MatterEventType.VerificationFailed or MatterEventType.DeadlineWarning => Audience.Handlers,
        MatterEventType.Overdue or MatterEventType.Supervised => Audience.HandlersAndSupervisors,
        MatterEventType.Returned or MatterEventType.Resolved or MatterEventType.ExtensionRequested => Audience.Owner,
        _ => Audience.None,
    };

    public sealed record Recipient(string Id, string? Phone, string? WeChatId);

    public static async Task OnEventAsync(AppDbContext db, Matter matter, MatterEvent step, CancellationToken ct)
    {
        var recipients = (await RecipientsAsync(db, matter, step.Type, ct)).Where(r => r.Id != step.ActorId).ToList();
        if (recipients.Count == 0) return;
        var label = Labels.Of(step.Type);
        var title = $"{label}：{matter.TicketNumber}";
        var body = string.IsNullOrWhiteSpace(step.Note) ? matter.CategoryName : $"{matter.CategoryName}。{step.Note}";
        if (body.Length > 1000) body = body[..999] + "…";
        // What leaves the machine names the ticket only: no resident's data in an SMS.
        var text = Loc.T($"【邻里】诉求 {matter.TicketNumber}：{label}，请登录系统查看。", $"[Linli] Matter {matter.TicketNumber}: {label}. Please sign in to see it.");
        var protector = recipients.Any(r => r.Phone is not null) ? db.GetService<FieldProtector>() : null;
        foreach (var r in recipients)
        {
            db.Notifications.Add(new Notification
            {
                UserId = r.Id, Title = title, Body = body, Link = $"/matters/{matter.Id}", MatterId = matter.Id, CreatedAt = step.At,
            });
            if (r.Phone is { } phone) db.NotificationDeliveries.Add(Delivery(DeliveryChannel.Sms, r.Id, protector!.Encrypt(phone), text, step.At));
            if (r.WeChatId is { } openId) db.NotificationDeliveries.Add(Delivery(DeliveryChannel.WeChat, r.Id, openId, text, step.At));
        }
    }

    static NotificationDelivery Delivery(DeliveryChannel channel, string userId, string recipient, string text, DateTime at) => new()
    {
        Channel = channel, UserId = userId, Recipient = recipient, Text = text, Status = DeliveryStatus.Pending, CreatedAt = at, NextAttemptAt = at,
    };

    /// <summary>
    /// From the matter's current fields: handlers are the staff of the handling unit (only the routed department's
    /// staff when it went to a department; the owner unit while nobody has taken it yet) and the assignee; the owner
    /// side is the registering unit's staff; supervisors are the officials of the unit one level above the handler.
    /// </summary>
    public static async Task<List<Recipient>> RecipientsAsync(AppDbContext db, Matter matter, MatterEventType type, CancellationToken ct)
    {
        var audience = For(type);
        if (audience == Audience.None) return [];
        IQueryable<AppUser> users;
        if (audience == Audience.Owner)
            users = StaffOf(db, matter.RegisteredByUnitId, null);
        else
        {
            var unitId = matter.HandlingUnitId ?? matter.RegisteredByUnitId;
            users = StaffOf(db, unitId, matter.HandlingUnitId is null ? null : matter.HandlingDepartmentId);
            if (matter.AssigneeId is { } assignee) users = users.Union(db.Users.Where(u => u.Id == assignee && !u.Disabled));
            if (audience == Audience.HandlersAndSupervisors && ParentOf(matter.HandlingPath ?? matter.OrgPath) is { } parent)
                users = users.Union(StaffOf(db, parent, null, Roles.Official));
        }
        return await users.Select(u => new Recipient(u.Id, u.PhoneNumber,
                db.UserLogins.Where(l => l.UserId == u.Id && l.LoginProvider == WeChatLoginProvider).Select(l => l.ProviderKey).FirstOrDefault()))
            .ToListAsync(ct);
    }

    // Department staff see only matters routed to their department, so a unit's message goes to its own staff.
    static IQueryable<AppUser> StaffOf(AppDbContext db, long unitId, long? departmentId, params string[] roles)
    {
        var names = roles.Length > 0 ? roles : Roles.Staff;
        var roleIds = db.Roles.Where(r => names.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.Where(u => !u.Disabled && u.OrgUnitId == unitId && u.DepartmentId == departmentId
            && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
    }

    static long? ParentOf(string path)
    {
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return ids.Length >= 2 && long.TryParse(ids[^2], out var id) ? id : null;
    }
}
