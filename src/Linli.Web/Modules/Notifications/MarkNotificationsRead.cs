using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Notifications;

// 标为已读 POST /api/v1/notifications/{id}/read and /read-all. Another user's message is a 404, as if it did not exist.
public static class MarkNotificationsRead
{
    public sealed record Outcome(int Marked, int Unread);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/read", HandleOne).WithName("Notifications_MarkRead").WithSummary("Mark one of the caller's notifications read");
        group.MapPost("/read-all", HandleAll).WithName("Notifications_MarkAllRead").WithSummary("Mark all of the caller's notifications read");
    }

    static async Task<Results<Ok<Outcome>, NotFound>> HandleOne(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await MarkAsync(db, time, id, ct) is { } marked ? TypedResults.Ok(marked) : TypedResults.NotFound();

    static async Task<Ok<Outcome>> HandleAll(AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok((await MarkAsync(db, time, null, ct))!);

    /// <summary>Marks one message (or all when <paramref name="id"/> is null); null when the message is not the caller's.</summary>
    public static async Task<Outcome?> MarkAsync(AppDbContext db, TimeProvider time, long? id, CancellationToken ct)
    {
        var mine = ListNotifications.Mine(db);
        if (id is { } one && !await mine.AnyAsync(n => n.Id == one, ct)) return null;
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await mine.Where(n => n.ReadAt == null && (id == null || n.Id == id)).ToListAsync(ct);
        if (rows.Count > 0)
        {
            foreach (var n in rows) n.ReadAt = now;
            db.AuditAction = id is null ? "Notification.ReadAll" : "Notification.Read";
            await db.SaveChangesAsync(ct);
        }
        return new Outcome(rows.Count, await ListNotifications.UnreadCountAsync(db, ct));
    }
}
