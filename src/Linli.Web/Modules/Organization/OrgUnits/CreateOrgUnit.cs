using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 新建单位 create a unit under a parent in the caller's subtree.
public static class CreateOrgUnit
{
    public sealed record Request(
        long? ParentId,
        [property: Display(Name = "层级")] string? Level,
        [property: Display(Name = "代码")]
        [property: Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
        [property: RegularExpression(@"^\d{12}(\d{3})?$", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.RegularExpression))]
        string? Code,
        [property: Display(Name = "名称")]
        [property: Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
        [property: StringLength(100, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        string? Name,
        int SortOrder = 0);

    public static void Map(RouteGroupBuilder units) =>
        units.MapPost("/", Handle)
            .WithName("OrgUnits_Create")
            .WithSummary("Create a unit: level (City…Grid, or 市…网格) must be the one below the parent's; code must fit the parent's");

    static async Task<Results<Created<GetOrgUnit.View>, NotFound, ValidationProblem>> Handle(Request request, AppDbContext db, CancellationToken ct)
    {
        var errors = RequestValidation.Errors(request);
        if (request.Level is not null && OrgLevels.Parse(request.Level) is null)
            errors["level"] = [Loc.T("层级应为 市/区/街道/社区/网格 之一。", "Level must be one of City, District, Street, Community, Grid.")];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var view = await ExecuteAsync(db, request, ct);
        return view is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/org-units/{view.Id}", view);
    }

    /// <summary>Shared by the API and the unit page. Null when the parent is not visible to the caller.</summary>
    public static async Task<GetOrgUnit.View?> ExecuteAsync(AppDbContext db, Request request, CancellationToken ct)
    {
        var code = request.Code!.Trim();
        var name = request.Name!.Trim();
        await using var write = await OrgWriteLock.BeginAsync(db, ct);
        OrgUnit? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId, ct);
            if (parent is null) return null;
            if (!parent.Active)
                throw new BusinessRuleException("org.parent-inactive", Loc.T("上级单位已停用，不能在其下新建单位。", "The parent unit is deactivated."), field: "parentId");
        }
        var level = OrgLevels.Parse(request.Level) ?? (parent is null ? OrgLevel.City : OrgLevels.ChildOf(parent.Level) ?? OrgLevel.Grid);
        if (OrgCodes.CheckNesting(level, parent?.Level) is { } nesting)
            throw new BusinessRuleException("org.nesting", nesting, StatusCodes.Status422UnprocessableEntity, parent is null ? "parentId" : "level");
        if (OrgCodes.Check(level, code, parent?.Code) is { } bad)
            throw new BusinessRuleException("org.code-invalid", bad, StatusCodes.Status422UnprocessableEntity, "code");
        if ((await write.CodesInUseAsync([code], ct)).Count > 0)
            throw new BusinessRuleException("org.code-taken", Loc.T($"代码 {code} 已被其他单位使用。", $"Code {code} is already in use."), field: "code");

        var id = await write.NextIdAsync(ct);
        var path = $"{parent?.OrgPath ?? "/"}{id}/";
        if (!db.CurrentUser.CanSee(path))
            throw new BusinessRuleException("org.top-level-scope", Loc.T("只有全市范围的账号可以新建顶级单位，请选择上级单位。",
                "Only a whole-system account can create a top-level unit; choose a parent."), StatusCodes.Status422UnprocessableEntity, "parentId");

        db.OrgUnits.Add(new OrgUnit { Id = id, ParentId = parent?.Id, Level = level, Code = code, Name = name, SortOrder = request.SortOrder, OrgPath = path });
        await write.CommitAsync(ct);
        return await GetOrgUnit.FindAsync(db, id, ct);
    }
}
