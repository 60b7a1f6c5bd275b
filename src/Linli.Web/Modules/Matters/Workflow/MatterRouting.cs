using Linli.Data;
using Linli.Modules.Matters.Categories;
using Linli.Modules.Organization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 分级负责、归口办理 GET /api/v1/matters/{id}/routing: where the category says the matter belongs — the unit of its
// handling level on the owner's line, and the department there whose name holds the responsible department.
public static class MatterRouting
{
    /// <summary><paramref name="InScope"/>: the caller may dispatch there (otherwise it must be escalated first).</summary>
    public sealed record Suggestion(HandlingLevel Level, long UnitId, string UnitName, long? DepartmentId, string? DepartmentName,
        string? ResponsibleDepartment, bool InScope);

    public static void Map(RouteGroupBuilder matters) =>
        matters.MapGet("/{id:long}/routing", Handle).WithName("Matters_Routing")
            .WithSummary("Suggested handling unit and department from the category's handling level and responsible department");

    static async Task<Results<Ok<Suggestion>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct)
    {
        var m = await db.Matters.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.CategoryId, x.OrgPath }).SingleOrDefaultAsync(ct);
        if (m is null) return TypedResults.NotFound();
        return await SuggestAsync(db, m.CategoryId, m.OrgPath, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();
    }

    public static async Task<Suggestion?> SuggestAsync(AppDbContext db, int categoryId, string ownerPath, CancellationToken ct)
    {
        var category = await db.MatterCategories.AsNoTracking().Where(c => c.Id == categoryId)
            .Select(c => new { c.HandlingLevel, c.ResponsibleDepartment }).SingleOrDefaultAsync(ct);
        if (category is null) return null;
        var level = category.HandlingLevel switch
        {
            HandlingLevel.City => OrgLevel.City, HandlingLevel.District => OrgLevel.District,
            HandlingLevel.Street => OrgLevel.Street, _ => OrgLevel.Community,
        };
        var line = ownerPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        // The owner's line may reach above the caller's scope: only the names of those ancestors are read.
        var unit = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => line.Contains(u.Id) && u.Level <= level)
            .OrderByDescending(u => u.Level).Select(u => new { u.Id, u.Name, u.OrgPath, u.Level }).FirstOrDefaultAsync(ct);
        if (unit is null) return null;
        var wanted = category.ResponsibleDepartment;
        var dept = string.IsNullOrEmpty(wanted) ? null : await db.Departments.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.OrgUnitId == unit.Id && d.Active && d.Name.Contains(wanted)).OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Name }).FirstOrDefaultAsync(ct);
        return new Suggestion(category.HandlingLevel, unit.Id, unit.Name, dept?.Id, dept?.Name, wanted, db.CurrentUser.CanSee(unit.OrgPath));
    }
}
