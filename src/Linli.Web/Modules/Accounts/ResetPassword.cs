using Linli.Platform.Problems;
using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts;

// 重置密码: the security admin sets a new password that the user must change at next login.
public static class ResetPassword
{
    public sealed record Request(
        [property: Display(Name = "新密码")]
        [property: Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
        string NewPassword);

    public static void Map(RouteGroupBuilder users) =>
        users.MapPost("/{id}/reset-password", Handle)
            .WithName("Users_ResetPassword")
            .ProducesValidationProblem()
            .WithSummary("Set a new password (policy-checked); the user must change it at next login; their sessions and tokens end");

    static async Task<Results<Ok<UserView>, NotFound>> Handle(
        string id, Request request, AppDbContext db, UserManager<AppUser> users, TimeProvider time, CancellationToken ct)
    {
        var user = await ExecuteAsync(db, users, id, request, time.GetUtcNow(), ct);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(user);
    }

    public static async Task<UserView?> ExecuteAsync(AppDbContext db, UserManager<AppUser> users, string id, Request request,
        DateTimeOffset now, CancellationToken ct)
    {
        var user = await AccountRules.FindVisibleAsync(db, id, ct);
        if (user is null) return null;
        FieldErrorsException.ThrowIfAny(AccountRules.Validate(request));
        AccountRules.RefuseSelf(db, user, Loc.T("重置密码", "reset the password of"));

        var token = await users.GeneratePasswordResetTokenAsync(user);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            user.MustChangePassword = true;
            db.AuditAction = "User.ResetPassword";
            var result = await users.ResetPasswordAsync(user, token, request.NewPassword); // new security stamp: cookie sessions end
            if (!result.Succeeded)
            {
                await db.Entry(user).ReloadAsync(ct);
                db.AuditAction = null;
                AccountRules.ThrowIfFailed(result, "newPassword");
            }
            await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        return await UserView.LoadAsync(db, user.Id, now, ct);
    }
}
