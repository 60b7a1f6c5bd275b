using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 修改部门 rename a department, change its code or sort order.
public static class UpdateDepartment
{
    // Every field is optional: only what is sent changes.
    public sealed record Request(
        [property: Display(Name = "部门代码")]
        [property: StringLength(30, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        [property: RegularExpression(CreateDepartment.CodePattern, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.RegularExpression))]
        string? Code,
        [property: Display(Name = "部门名称")]
        [property: StringLength(100, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        string? Name,
        int? SortOrder);

    public static void Map(RouteGroupBuilder departments) =>
        departments.MapPatch("/{id:long}", Handle)
            .RequireAuthorization(Permissions.DepartmentsManage)
            .WithName("Departments_Update")
            .WithSummary("Rename a department, change its code or sort order");

    static async Task<Results<Ok<GetDepartment.View>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db, CancellationToken ct)
    {
        var errors = RequestValidation.Errors(request);
        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name))
            errors["name"] = [string.Format(System.Globalization.CultureInfo.CurrentCulture, ValidationText.Required, "部门名称")];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return await ExecuteAsync(db, id, request, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
    }

    /// <summary>Shared by the API and the department page. Null when the department is not visible to the caller.</summary>
    public static async Task<GetDepartment.View?> ExecuteAsync(AppDbContext db, long id, Request request, CancellationToken ct)
    {
        await using var write = await OrgWriteLock.BeginAsync(db, ct);
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (department is null) return null;
        if (request.Code?.Trim() is { Length: > 0 } code && code != department.Code)
        {
            if (await write.DepartmentCodeInUseAsync(code, id, ct))
                throw new BusinessRuleException("department.code-taken", Loc.T($"部门代码 {code} 已被使用。", $"Department code {code} is already in use."), field: "code");
            department.Code = code;
        }
        if (request.Name?.Trim() is { Length: > 0 } name) department.Name = name;
        if (request.SortOrder is { } sort) department.SortOrder = sort;
        await write.CommitAsync(ct);
        return await GetDepartment.FindAsync(db, id, ct);
    }
}
