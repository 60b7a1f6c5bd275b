using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Linli.Platform.Api;

namespace Linli.Modules.Notifications;

// 收件箱 GET /api/v1/notifications: the caller's own messages, newest first, with the unread count.
public static class ListNotifications
{
    public sealed record Item(long Id, string Title, string? Body, string? Link, long? MatterId, DateTime CreatedAt, DateTime? ReadAt);

    public sealed record Inbox(IReadOnlyList<Item> Items, int Total, int Unread);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", Handle).WithName("Notifications_List")
            .WithSummary("The caller's notifications, newest first (unreadOnly=true for unread ones), with the unread count");

    static async Task<Ok<Inbox>> Handle(AppDbContext db, bool? unreadOnly, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(db, unreadOnly ?? false, page, pageSize, ct));

    public static async Task<Inbox> QueryAsync(AppDbContext db, bool unreadOnly, int? page, int? pageSize, CancellationToken ct)
    {
        var mine = Mine(db);
        var list = await (unreadOnly ? mine.Where(n => n.ReadAt == null) : mine)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new Item(n.Id, n.Title, n.Body, n.Link, n.MatterId, n.CreatedAt, n.ReadAt))
            .ToPagedAsync(page, pageSize, ct);
        return new Inbox(list.Items, list.Total, await UnreadCountAsync(db, ct));
    }

    public static Task<int> UnreadCountAsync(AppDbContext db, CancellationToken ct) => Mine(db).CountAsync(n => n.ReadAt == null, ct);

    /// <summary>The caller's own messages (the Recipient filter says the same; this keeps every query explicit).</summary>
    public static IQueryable<Notification> Mine(AppDbContext db)
    {
        var me = db.CurrentUser.UserId;
        return db.Notifications.Where(n => me != null && n.UserId == me);
    }
}
