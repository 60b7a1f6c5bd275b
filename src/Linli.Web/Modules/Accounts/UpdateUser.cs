using Linli.Platform.Problems;
using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts;

// 修改账号: display name, roles and binding; fields left out (null) stay as they are.
public static class UpdateUser
{
    public sealed record Request(
        [property: Display(Name = "姓名")]
        [property: StringLength(100, MinimumLength = 1, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        string? DisplayName,
        string[]? Roles,
        long? OrgUnitId,
        long? DepartmentId);

    public static void Map(RouteGroupBuilder users) =>
        users.MapPatch("/{id}", Handle)
            .WithName("Users_Update")
            .ProducesValidationProblem()
            .WithSummary("Change display name, roles, or binding (orgUnitId, or departmentId which implies its unit)");

    static async Task<Results<Ok<UserView>, NotFound>> Handle(
        string id, Request request, AppDbContext db, UserManager<AppUser> users, TimeProvider time, CancellationToken ct)
    {
        var user = await ExecuteAsync(db, users, id, request, time.GetUtcNow(), ct);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(user);
    }

    // Shared by the API and EditAccountPage. Null: the account, or the new unit/department, is outside the caller's subtree.
    public static async Task<UserView?> ExecuteAsync(AppDbContext db, UserManager<AppUser> users, string id, Request request,
        DateTimeOffset now, CancellationToken ct)
    {
        var user = await AccountRules.FindVisibleAsync(db, id, ct);
        if (user is null) return null;
        var errors = AccountRules.Validate(request);
        if (request.DisplayName is not null && string.IsNullOrWhiteSpace(request.DisplayName))
            errors["displayName"] = [string.Format(ValidationText.Required, Loc.T("姓名", "Display name"))];
        var roles = request.Roles is null ? null : AccountRules.CheckRoles(request.Roles, errors);
        FieldErrorsException.ThrowIfAny(errors);

        AccountRules.Binding? binding = null;
        if (request.OrgUnitId is not null || request.DepartmentId is not null)
        {
            binding = await AccountRules.ResolveBindingAsync(db, request.OrgUnitId, request.DepartmentId, ct);
            if (binding is null) return null;
        }
        var current = await users.GetRolesAsync(user);
        var add = roles?.Except(current).ToArray() ?? [];
        var remove = roles is null ? [] : current.Except(roles).ToArray();
        if (roles is not null)
        {
            AccountRules.EnsureSeparated(roles);
            if (add.Length + remove.Length > 0) AccountRules.RefuseSelf(db, user, Loc.T("修改角色", "change the roles of"));
        }

        // Only now, with every check passed, touch the tracked entity.
        if (binding is not null) (user.OrgUnitId, user.DepartmentId, user.OrgPath) = (binding.OrgUnitId, binding.DepartmentId, binding.OrgPath);
        if (request.DisplayName is not null) user.DisplayName = request.DisplayName.Trim();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.AuditAction = "User.Update";
            AccountRules.ThrowIfFailed(await users.UpdateAsync(user));
            if (remove.Length > 0)
            {
                db.AuditAction = "User.Update";
                AccountRules.ThrowIfFailed(await users.RemoveFromRolesAsync(user, remove));
            }
            if (add.Length > 0)
            {
                db.AuditAction = "User.Update";
                AccountRules.ThrowIfFailed(await users.AddToRolesAsync(user, add));
            }
            await tx.CommitAsync(ct);
        }
        return await UserView.LoadAsync(db, user.Id, now, ct);
    }
}
