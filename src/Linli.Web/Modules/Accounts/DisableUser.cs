using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts;

// 停用账号: no more logins, and every session and token of the account ends at once.
public static class DisableUser
{
    public static void Map(RouteGroupBuilder users) =>
        users.MapPost("/{id}/disable", Handle)
            .WithName("Users_Disable")
            .WithSummary("Disable the account: login refused, cookie sessions and bearer tokens end at once");

    static async Task<Results<Ok<UserView>, NotFound>> Handle(string id, AppDbContext db, UserManager<AppUser> users, TimeProvider time, CancellationToken ct) =>
        await ExecuteAsync(db, users, id, time.GetUtcNow(), ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    public static async Task<UserView?> ExecuteAsync(AppDbContext db, UserManager<AppUser> users, string id, DateTimeOffset now, CancellationToken ct)
    {
        var user = await AccountRules.FindVisibleAsync(db, id, ct);
        if (user is null) return null;
        AccountRules.RefuseSelf(db, user, Loc.T("停用", "disable"));
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            user.Disabled = true;
            db.AuditAction = "User.Disable";
            // A new stamp fails the per-request stamp check of every cookie; deleting the tokens ends bearer access.
            AccountRules.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
            await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        return await UserView.LoadAsync(db, user.Id, now, ct);
    }
}
