using Linli.Data;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 停用单位 deactivate a unit. Units are never deleted: their data, accounts and history keep pointing at them.
public static class DeactivateOrgUnit
{
    public static void Map(RouteGroupBuilder units) =>
        units.MapPost("/{id:long}/deactivate", Handle)
            .WithName("OrgUnits_Deactivate")
            .WithSummary("Deactivate a unit (never deleted); 409 while it has active child units");

    static async Task<Results<Ok<GetOrgUnit.View>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct) =>
        await ExecuteAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    /// <summary>Shared by the API and the unit page. Null when the unit is not visible to the caller.</summary>
    public static async Task<GetOrgUnit.View?> ExecuteAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return null;
        if (unit.Active)
        {
            var activeChildren = await db.OrgUnits.CountAsync(c => c.ParentId == id && c.Active, ct);
            if (activeChildren > 0)
                throw new BusinessRuleException("org.active-children",
                    Loc.T($"“{unit.Name}”还有 {activeChildren} 个启用中的下级单位，请先停用或移走它们。",
                        $"“{unit.Name}” still has {activeChildren} active child units; deactivate or move them first."));
            unit.Active = false;
            db.AuditAction = "OrgUnit.Deactivate";
            await db.SaveChangesAsync(ct);
        }
        return await GetOrgUnit.FindAsync(db, id, ct);
    }
}
