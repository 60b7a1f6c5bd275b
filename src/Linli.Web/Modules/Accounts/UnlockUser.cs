using Linli.Data;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts;

// 解锁: end a lockout after too many failed logins before its 15 minutes are up.
public static class UnlockUser
{
    public static void Map(RouteGroupBuilder users) =>
        users.MapPost("/{id}/unlock", Handle)
            .WithName("Users_Unlock")
            .WithSummary("Clear the lockout and the failed-login count");

    static async Task<Results<Ok<UserView>, NotFound>> Handle(string id, AppDbContext db, UserManager<AppUser> users, TimeProvider time, CancellationToken ct) =>
        await ExecuteAsync(db, users, id, time.GetUtcNow(), ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    public static async Task<UserView?> ExecuteAsync(AppDbContext db, UserManager<AppUser> users, string id, DateTimeOffset now, CancellationToken ct)
    {
        var user = await AccountRules.FindVisibleAsync(db, id, ct);
        if (user is null) return null;
        // Lockout fields are login bookkeeping the automatic capture skips, so the unlock is an explicit event.
        db.AddAuditEvent("User.Unlock", "AppUser", user.Id, AuditOutcome.Success,
            before: new { user.LockoutEnd, user.AccessFailedCount }, after: new { LockoutEnd = (DateTimeOffset?)null, AccessFailedCount = 0 });
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        AccountRules.ThrowIfFailed(await users.UpdateAsync(user));
        return await UserView.LoadAsync(db, user.Id, now, ct);
    }
}
