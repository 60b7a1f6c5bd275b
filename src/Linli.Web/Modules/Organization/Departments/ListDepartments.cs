using Linli.Data;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 职能部门列表 departments in the caller's subtree, or those of one unit.
public static class ListDepartments
{
    public static void Map(RouteGroupBuilder departments) =>
        departments.MapGet("/", Handle)
            .WithName("Departments_List")
            .WithSummary("Departments in the caller's subtree, or of one unit with orgUnitId; paged");

    static async Task<Results<Ok<Paged<GetDepartment.View>>, NotFound>> Handle(long? orgUnitId, int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        var query = await QueryAsync(db, orgUnitId, ct);
        return query is null ? TypedResults.NotFound() : TypedResults.Ok(await query.ToPagedAsync(page, pageSize, ct));
    }

    /// <summary>Null when the unit is not visible to the caller.</summary>
    public static async Task<IQueryable<GetDepartment.View>?> QueryAsync(AppDbContext db, long? orgUnitId, CancellationToken ct)
    {
        var departments = db.Departments.AsQueryable();
        if (orgUnitId is { } id)
        {
            if (!await db.OrgUnits.AnyAsync(u => u.Id == id, ct)) return null;
            departments = departments.Where(d => d.OrgUnitId == id);
        }
        return GetDepartment.Project(db, departments);
    }
}
