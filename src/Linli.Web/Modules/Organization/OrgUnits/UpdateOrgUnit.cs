using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 修改单位 rename a unit, change its sort order or its code (the code must still fit the parent's).
public static class UpdateOrgUnit
{
    // Every field is optional: only what is sent changes.
    public sealed record Request(
        [property: Display(Name = "名称")]
        [property: MinLength(1, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
        [property: StringLength(100, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        string? Name,
        [property: Display(Name = "代码")]
        [property: RegularExpression(@"^\d{12}(\d{3})?$", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.RegularExpression))]
        string? Code,
        int? SortOrder);

    public static void Map(RouteGroupBuilder units) =>
        units.MapPatch("/{id:long}", Handle)
            .WithName("OrgUnits_Update")
            .WithSummary("Rename, reorder or recode a unit; a new code must fit the parent's, and the subtree's codes follow it");

    static async Task<Results<Ok<GetOrgUnit.View>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db, CancellationToken ct)
    {
        var errors = RequestValidation.Errors(request);
        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name))
            errors["name"] = [string.Format(ValidationText.Required, "名称")];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return await ExecuteAsync(db, id, request, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
    }

    /// <summary>Shared by the API and the unit page. Null when the unit is not visible to the caller.</summary>
    public static async Task<GetOrgUnit.View?> ExecuteAsync(AppDbContext db, long id, Request request, CancellationToken ct)
    {
        await using var write = await OrgWriteLock.BeginAsync(db, ct);
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return null;

        if (request.Name is { } name) unit.Name = name.Trim();
        if (request.SortOrder is { } sort) unit.SortOrder = sort;
        if (request.Code?.Trim() is { } code && code != unit.Code)
        {
            // The parent may lie above the caller's scope (their own top unit); only its code is read.
            var parentCode = unit.ParentId is { } pid
                ? await db.OrgUnits.IgnoreQueryFilters().Where(p => p.Id == pid).Select(p => p.Code).SingleAsync(ct)
                : null;
            if (OrgCodes.Check(unit.Level, code, parentCode) is { } bad)
                throw new BusinessRuleException("org.code-invalid", bad, StatusCodes.Status422UnprocessableEntity, "code");
            await RecodeDescendantsAsync(db, write, unit, code, ct);
            unit.Code = code;
        }
        await write.CommitAsync(ct);
        return await GetOrgUnit.FindAsync(db, id, ct);
    }

    // Descendants carry this unit's digits in their codes, so they follow the new code.
    static async Task RecodeDescendantsAsync(AppDbContext db, OrgWriteLock write, OrgUnit unit, string code, CancellationToken ct)
    {
        var descendants = await db.OrgUnits.AsNoTracking().Where(u => u.OrgPath.StartsWith(unit.OrgPath) && u.Id != unit.Id)
            .Select(u => u.Code).ToListAsync(ct);
        var recoded = descendants.Select(c => OrgCodes.Recode(c, code, unit.Level)).Append(code).ToList();
        if ((await write.CodesInUseAsync(recoded, ct)).FirstOrDefault() is { } taken)
            throw new BusinessRuleException("org.code-taken", Loc.T($"代码 {taken} 已被其他单位使用。", $"Code {taken} is already in use."), field: "code");
        if (descendants.Count == 0) return;

        var prefix = OrgCodes.SignificantLength(unit.Level);
        var newPrefix = code[..prefix];
        var path = unit.OrgPath;
        await db.OrgUnits.Where(u => u.OrgPath.StartsWith(path) && u.Id != unit.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Code, u => newPrefix + u.Code.Substring(prefix)), ct);
        db.AddAuditEvent("OrgUnit.Recode", nameof(OrgUnit), unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: new { Prefix = unit.Code[..prefix] }, after: new { Prefix = newPrefix, Descendants = descendants.Count });
    }
}
