using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 新建部门 create a department of a unit (a district bureau, a street office).
public static class CreateDepartment
{
    public const string CodePattern = @"^[A-Za-z0-9][A-Za-z0-9._-]*$";

    public sealed record Request(
        long OrgUnitId,
        [property: Display(Name = "部门代码")]
        [property: Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
        [property: StringLength(30, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        [property: RegularExpression(CodePattern, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.RegularExpression))]
        string? Code,
        [property: Display(Name = "部门名称")]
        [property: Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
        [property: StringLength(100, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        string? Name,
        int SortOrder = 0);

    public static void Map(RouteGroupBuilder departments) =>
        departments.MapPost("/", Handle)
            .RequireAuthorization(Permissions.DepartmentsManage)
            .WithName("Departments_Create")
            .WithSummary("Create a department of an org unit; codes are unique");

    static async Task<Results<Created<GetDepartment.View>, NotFound, ValidationProblem>> Handle(Request request, AppDbContext db, CancellationToken ct)
    {
        var errors = RequestValidation.Errors(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var view = await ExecuteAsync(db, request, ct);
        return view is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/departments/{view.Id}", view);
    }

    /// <summary>Shared by the API and the departments page. Null when the unit is not visible to the caller.</summary>
    public static async Task<GetDepartment.View?> ExecuteAsync(AppDbContext db, Request request, CancellationToken ct)
    {
        await using var write = await OrgWriteLock.BeginAsync(db, ct);
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.OrgUnitId, ct);
        if (unit is null) return null;
        if (!unit.Active)
            throw new BusinessRuleException("department.unit-inactive", Loc.T("所属单位已停用。", "The unit is deactivated."), field: "orgUnitId");
        var code = request.Code!.Trim();
        if (await write.DepartmentCodeInUseAsync(code, 0, ct))
            throw new BusinessRuleException("department.code-taken", Loc.T($"部门代码 {code} 已被使用。", $"Department code {code} is already in use."), field: "code");

        var department = new Department { OrgUnitId = unit.Id, OrgPath = unit.OrgPath, Code = code, Name = request.Name!.Trim(), SortOrder = request.SortOrder };
        db.Departments.Add(department);
        await write.CommitAsync(ct);
        return await GetDepartment.FindAsync(db, department.Id, ct);
    }
}
