using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 部门详情 one department.
public static class GetDepartment
{
    public sealed record View(long Id, long OrgUnitId, string OrgUnitName, string OrgUnitLevel, string Code, string Name, bool Active, int SortOrder);

    public static void Map(RouteGroupBuilder departments) =>
        departments.MapGet("/{id:long}", Handle)
            .WithName("Departments_Get")
            .WithSummary("One department");

    static async Task<Results<Ok<View>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct) =>
        await FindAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static Task<View?> FindAsync(AppDbContext db, long id, CancellationToken ct) =>
        Project(db, db.Departments.Where(d => d.Id == id)).SingleOrDefaultAsync(ct);

    // The department's unit has the department's path, so it is visible whenever the department is.
    public static IQueryable<View> Project(AppDbContext db, IQueryable<Department> departments) =>
        from d in departments.AsNoTracking()
        join u in db.OrgUnits on d.OrgUnitId equals u.Id
        orderby d.SortOrder, d.Code
        select new View(d.Id, d.OrgUnitId, u.Name, u.Level.ToString(), d.Code, d.Name, d.Active, d.SortOrder);
}
