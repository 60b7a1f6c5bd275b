using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 停用部门 deactivate a department; like units, departments are never deleted.
public static class DeactivateDepartment
{
    public static void Map(RouteGroupBuilder departments) =>
        departments.MapPost("/{id:long}/deactivate", Handle)
            .RequireAuthorization(Permissions.DepartmentsManage)
            .WithName("Departments_Deactivate")
            .WithSummary("Deactivate a department (never deleted)");

    static async Task<Results<Ok<GetDepartment.View>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct) =>
        await ExecuteAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<GetDepartment.View?> ExecuteAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (department is null) return null;
        if (department.Active)
        {
            department.Active = false;
            db.AuditAction = "Department.Deactivate";
            await db.SaveChangesAsync(ct);
        }
        return await GetDepartment.FindAsync(db, id, ct);
    }
}
