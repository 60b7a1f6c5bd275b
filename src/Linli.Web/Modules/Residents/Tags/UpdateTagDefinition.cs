using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 修改/停用标签 rename a tag, reorder it, change its sensitivity, deactivate or reactivate it. A deactivated tag
// can no longer be added; the residents who have it keep it.
public static class UpdateTagDefinition
{
    // Null: unchanged. Code and derived are fixed; they may be sent, but only with the current value.
    public sealed record Request(string? Code, string? NameZh, string? NameEn, int? SortOrder, bool? Active, bool? Sensitive, bool? Derived);

    public static void Map(RouteGroupBuilder tags) =>
        tags.MapPatch("/{code}", Handle)
            .RequireAuthorization(Permissions.TagDefinitionsManage)
            .WithName("ResidentTags_Update")
            .WithSummary("Rename, reorder, (de)activate a tag or change its sensitivity; codes are fixed, derived tags stay active, built-in sensitive tags stay sensitive");

    static async Task<Results<Ok<ListTagDefinitions.Item>, NotFound, ValidationProblem>> Handle(string code, Request request, AppDbContext db, CancellationToken ct)
    {
        CreateTagDefinition.RequireCityAdmin(db);
        var def = await db.TagDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, ct);
        if (def is null) return TypedResults.NotFound();
        var form = new TagDefinitionForm
        {
            Code = def.Code, NameZh = request.NameZh ?? def.NameZh, NameEn = request.NameEn ?? def.NameEn,
            SortOrder = request.SortOrder ?? def.SortOrder, Sensitive = request.Sensitive ?? def.Sensitive,
        };
        var errors = InputValidation.Errors(form);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (request.Code is { } newCode && newCode.Trim() != def.Code)
            throw new BusinessRuleException("tag.code-fixed", Loc.T("标签代码创建后不能修改。", "A tag's code cannot change."),
                StatusCodes.Status422UnprocessableEntity, "code");
        if (request.Derived is { } derived && derived != def.Derived)
            throw new BusinessRuleException("tag.derived-fixed", Loc.T("标签是否自动得出不能修改。", "Whether a tag is derived cannot change."),
                StatusCodes.Status422UnprocessableEntity, "derived");
        var item = await ExecuteAsync(db, code, form, request.Active, ct);
        return item is null ? TypedResults.NotFound() : TypedResults.Ok(item);
    }

    /// <summary>Shared by the API and the admin pages; null when there is no such tag. <paramref name="active"/> null: unchanged.</summary>
    public static async Task<ListTagDefinitions.Item?> ExecuteAsync(AppDbContext db, string code, TagDefinitionForm form, bool? active, CancellationToken ct)
    {
        CreateTagDefinition.RequireCityAdmin(db);
        var def = await db.TagDefinitions.SingleOrDefaultAsync(d => d.Code == code, ct);
        if (def is null) return null;
        if (def.Derived && active == false)
            throw new BusinessRuleException("tag.derived-active", Loc.T("自动得出的标签不能停用。", "A derived tag cannot be deactivated."),
                StatusCodes.Status422UnprocessableEntity, "active");
        if (def.Derived && form.Sensitive != def.Sensitive)
            throw new BusinessRuleException("tag.derived-sensitive", Loc.T("自动得出的标签不能改为敏感或非敏感。", "A derived tag's sensitivity cannot change."),
                StatusCodes.Status422UnprocessableEntity, "sensitive");
        if (def.BuiltIn && def.Sensitive && !form.Sensitive)
            throw new BusinessRuleException("tag.sensitivity-lowered", Loc.T("内置敏感标签必须保持敏感。", "A built-in sensitive tag stays sensitive."),
                StatusCodes.Status422UnprocessableEntity, "sensitive");

        var sensitivityChanged = form.Sensitive != def.Sensitive;
        (def.NameZh, def.NameEn, def.SortOrder, def.Sensitive) = (form.NameZh!.Trim(), form.NameEn!.Trim(), form.SortOrder, form.Sensitive);
        if (active is { } a) def.Active = a;
        await CreateTagDefinition.RequireUniqueNameAsync(db, def, ct);
        db.AuditAction = active == false ? "TagDefinition.Deactivate" : active == true ? "TagDefinition.Activate" : "TagDefinition.Update";
        await using var tx = sensitivityChanged ? await db.Database.BeginTransactionAsync(ct) : null;
        if (sensitivityChanged)
        {
            // The history of the tag on every resident city-wide follows it, or it would tell that the tag exists.
            var rows = await db.ResidentChanges.IgnoreQueryFilters().Where(c => c.Field == "tag:" + code)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Sensitive, form.Sensitive), ct);
            db.AddAuditEvent("TagDefinition.HistorySensitivity", nameof(ResidentChange), code, after: new { sensitive = form.Sensitive, rows });
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return ListTagDefinitions.ToItem(def);
    }
}
