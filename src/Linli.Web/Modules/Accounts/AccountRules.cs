using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts;

// 账号规则: what every accounts slice checks — the caller's subtree, role separation, binding, input.
public static class AccountRules
{
    /// <summary>
    /// Accounts bound inside the caller's subtree. AppUser has no query filter (Identity must find any user at
    /// login), so this module filters explicitly; no scope sees nothing.
    /// </summary>
    public static IQueryable<AppUser> Visible(AppDbContext db)
    {
        var scope = db.CurrentUser.ScopePath;
        return scope is null ? db.Users.Where(u => false) : db.Users.Where(u => u.OrgPath.StartsWith(scope));
    }

    public static Task<AppUser?> FindVisibleAsync(AppDbContext db, string id, CancellationToken ct) =>
        Visible(db).SingleOrDefaultAsync(u => u.Id == id, ct);

    // A security admin may not reset, disable or re-role their own account through the admin screens.
    public static void RefuseSelf(AppDbContext db, AppUser user, string what)
    {
        if (user.Id == db.CurrentUser.UserId)
            throw new BusinessRuleException("account-self", Loc.T($"不能对自己的账号执行“{what}”，请由另一位安全管理员操作。",
                $"You cannot {what} your own account; ask another security admin."), StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Unknown roles or none → field error; two admin roles, or an admin role with any other → 422.</summary>
    public static string[] CheckRoles(IEnumerable<string>? requested, Dictionary<string, string[]> errors)
    {
        var roles = (requested ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct().ToArray();
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToArray();
        if (roles.Length == 0)
            errors["roles"] = [Loc.T("请至少选择一个角色。", "Choose at least one role.")];
        else if (unknown.Length > 0)
            errors["roles"] = [Loc.T($"未知角色：{string.Join("、", unknown)}。", $"Unknown roles: {string.Join(", ", unknown)}.")];
        return roles;
    }

    public static void EnsureSeparated(string[] roles)
    {
        var admin = roles.Where(Roles.IsAdmin).ToArray();
        if (admin.Length > 1)
            throw new BusinessRuleException("admin-roles-separated", Loc.T(
                $"三权分立：{string.Join("、", admin.Select(Roles.DisplayName))}不能由同一账号兼任。",
                $"Separation of duties: one account cannot hold {string.Join(" and ", admin.Select(Roles.DisplayName))}."),
                StatusCodes.Status422UnprocessableEntity, "roles");
        if (admin.Length == 1 && roles.Length > 1)
            throw new BusinessRuleException("admin-role-exclusive", Loc.T(
                $"{Roles.DisplayName(admin[0])}账号只做管理工作，不能再兼任其他角色。",
                $"A {Roles.DisplayName(admin[0])} account does admin work only and cannot hold other roles."),
                StatusCodes.Status422UnprocessableEntity, "roles");
    }

    public sealed record Binding(long OrgUnitId, long? DepartmentId, string OrgPath);

    /// <summary>
    /// A department binds to its own unit. Null when the unit or department lies outside the caller's subtree
    /// (the org-scope filter hides it), which the slices answer with 404; a missing or inactive target is a field error.
    /// </summary>
    public static async Task<Binding?> ResolveBindingAsync(AppDbContext db, long? orgUnitId, long? departmentId, CancellationToken ct)
    {
        if (departmentId is { } deptId)
        {
            var dept = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deptId, ct);
            if (dept is null) return null;
            if (orgUnitId is { } u && u != dept.OrgUnitId)
                throw Field("departmentId", Loc.T("所选部门不属于所选单位；绑定部门时单位可不选。", "The department does not belong to the chosen unit; leave the unit empty when binding a department."));
            if (!dept.Active) throw Field("departmentId", Loc.T("该部门已停用。", "This department is inactive."));
            orgUnitId = dept.OrgUnitId;
        }
        if (orgUnitId is not { } unitId)
            throw Field("orgUnitId", Loc.T("请选择所属单位或部门。", "Choose an org unit or a department."));
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == unitId, ct);
        if (unit is null) return null;
        if (!unit.Active) throw Field("orgUnitId", Loc.T("该单位已停用。", "This org unit is inactive."));
        return new Binding(unit.Id, departmentId, unit.OrgPath);
    }

    static FieldErrorsException Field(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>DataAnnotations on a request record, keyed by camelCase field name like the JSON.</summary>
    public static Dictionary<string, string[]> Validate(object request)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (Field: CamelCase(m), r.ErrorMessage)))
            .GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage ?? "").ToArray());
    }

    /// <summary>Identity's refusals as field errors; a taken user name is a conflict, not a typo.</summary>
    public static void ThrowIfFailed(IdentityResult result, string passwordField = "password")
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
            throw new BusinessRuleException("user-name-taken", Loc.T("该用户名已被使用。", "This user name is taken."), StatusCodes.Status409Conflict, "userName");
        var errors = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct().ToArray());
        throw new FieldErrorsException(errors);
    }

    static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
