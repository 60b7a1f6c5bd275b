using Linli.Platform.Problems;
using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts;

// 新建账号: bound to one unit or department in the caller's subtree; the first login must change the password.
public static class CreateUser
{
    public sealed record Request(
        [property: Display(Name = "用户名")]
        [property: Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
        [property: StringLength(50, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        [property: RegularExpression("^[A-Za-z0-9._@-]+$", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.RegularExpression))]
        string UserName,
        [property: Display(Name = "姓名")]
        [property: Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
        [property: StringLength(100, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        string DisplayName,
        [property: Display(Name = "初始密码")]
        [property: Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
        string Password,
        string[]? Roles,
        long? OrgUnitId,
        long? DepartmentId);

    public static void Map(RouteGroupBuilder users) =>
        users.MapPost("/", Handle)
            .WithName("Users_Create")
            .ProducesValidationProblem()
            .WithSummary("Create an account bound to an org unit or a department, with roles; it must change its password at first login");

    static async Task<Results<Created<UserView>, NotFound>> Handle(
        Request request, AppDbContext db, UserManager<AppUser> users, TimeProvider time, CancellationToken ct)
    {
        var user = await ExecuteAsync(db, users, request, time.GetUtcNow(), ct);
        return user is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/users/{user.Id}", user);
    }

    // Shared by the API and CreateAccountPage. Null: the unit or department is outside the caller's subtree.
    public static async Task<UserView?> ExecuteAsync(AppDbContext db, UserManager<AppUser> users, Request request,
        DateTimeOffset now, CancellationToken ct)
    {
        var errors = AccountRules.Validate(request);
        var roles = AccountRules.CheckRoles(request.Roles, errors);
        FieldErrorsException.ThrowIfAny(errors);
        var binding = await AccountRules.ResolveBindingAsync(db, request.OrgUnitId, request.DepartmentId, ct);
        if (binding is null) return null;
        AccountRules.EnsureSeparated(roles);

        var user = new AppUser
        {
            UserName = request.UserName.Trim(), DisplayName = request.DisplayName.Trim(),
            OrgUnitId = binding.OrgUnitId, DepartmentId = binding.DepartmentId, OrgPath = binding.OrgPath,
            CreatedAt = now.UtcDateTime, MustChangePassword = true,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.AuditAction = "User.Create";
            AccountRules.ThrowIfFailed(await users.CreateAsync(user, request.Password));
            db.AuditAction = "User.Create";
            AccountRules.ThrowIfFailed(await users.AddToRolesAsync(user, roles));
            await tx.CommitAsync(ct);
        }
        return await UserView.LoadAsync(db, user.Id, now, ct);
    }
}
