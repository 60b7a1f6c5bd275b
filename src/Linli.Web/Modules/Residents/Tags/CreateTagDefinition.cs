using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 新建自定义标签 the system admin defines a key-population tag of the city's own (e.g. 失独家庭).
public static class CreateTagDefinition
{
    public static void Map(RouteGroupBuilder tags) =>
        tags.MapPost("/", Handle)
            .RequireAuthorization(Permissions.TagDefinitionsManage)
            .WithName("ResidentTags_Create")
            .WithSummary("Define a key-population tag (code: lowercase letters, digits, hyphens; unique); sensitive ones only roles granted them see");

    static async Task<Results<Created<ListTagDefinitions.Item>, ValidationProblem>> Handle(TagDefinitionForm form, AppDbContext db, CancellationToken ct)
    {
        var errors = InputValidation.Errors(form);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var item = await ExecuteAsync(db, form, ct);
        return TypedResults.Created($"/api/v1/resident-tags/{item.Code}", item);
    }

    /// <summary>Shared by the API and the admin page; the form has passed its DataAnnotations.</summary>
    public static async Task<ListTagDefinitions.Item> ExecuteAsync(AppDbContext db, TagDefinitionForm form, CancellationToken ct)
    {
        RequireCityAdmin(db);
        var code = form.Code!.Trim();
        if (await db.TagDefinitions.AnyAsync(d => d.Code == code, ct))
            throw new BusinessRuleException("tag.code-taken", Loc.T($"标签代码 {code} 已被使用。", $"Tag code {code} is already in use."), field: "code");
        var def = new TagDefinition
        {
            Code = code, NameZh = form.NameZh!.Trim(), NameEn = form.NameEn!.Trim(), Sensitive = form.Sensitive, SortOrder = form.SortOrder,
        };
        await RequireUniqueNameAsync(db, def, ct);
        db.TagDefinitions.Add(def);
        db.AuditAction = "TagDefinition.Create";
        await db.SaveChangesAsync(ct);
        return ListTagDefinitions.ToItem(def);
    }

    /// <summary>Tags apply to the whole city, so only a system admin of the city (the root unit) changes them.</summary>
    public static void RequireCityAdmin(AppDbContext db)
    {
        if (db.CurrentUser.ScopePath is not { } scope || scope.Count(c => c == '/') != 2)
            throw new BusinessRuleException("tag.city-admin-only", Loc.T("标签对全市生效，只有市级系统管理员可以修改。",
                "Tags apply to the whole city; only the city's system admin may change them."), StatusCodes.Status403Forbidden);
    }

    // Workers choose tags by name: two with one name would be confused.
    public static async Task RequireUniqueNameAsync(AppDbContext db, TagDefinition def, CancellationToken ct)
    {
        if (await db.TagDefinitions.AnyAsync(d => d.Code != def.Code && d.NameZh == def.NameZh, ct))
            throw new BusinessRuleException("tag.name-taken", Loc.T($"已有名为“{def.NameZh}”的标签。", $"A tag named {def.NameZh} exists."), field: "nameZh");
    }
}
