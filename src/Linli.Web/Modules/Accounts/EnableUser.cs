using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts;

// 启用账号: a disabled account may log in again.
public static class EnableUser
{
    public static void Map(RouteGroupBuilder users) =>
        users.MapPost("/{id}/enable", Handle)
            .WithName("Users_Enable")
            .WithSummary("Re-enable a disabled account");

    static async Task<Results<Ok<UserView>, NotFound>> Handle(string id, AppDbContext db, UserManager<AppUser> users, TimeProvider time, CancellationToken ct) =>
        await ExecuteAsync(db, users, id, time.GetUtcNow(), ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    public static async Task<UserView?> ExecuteAsync(AppDbContext db, UserManager<AppUser> users, string id, DateTimeOffset now, CancellationToken ct)
    {
        var user = await AccountRules.FindVisibleAsync(db, id, ct);
        if (user is null) return null;
        user.Disabled = false;
        db.AuditAction = "User.Enable";
        AccountRules.ThrowIfFailed(await users.UpdateAsync(user));
        return await UserView.LoadAsync(db, user.Id, now, ct);
    }
}
