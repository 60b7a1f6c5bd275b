using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 删除楼栋 delete a building entered by mistake; one with houses is kept.
public static class DeleteBuilding
{
    public static void Map(RouteGroupBuilder buildings) =>
        buildings.MapDelete("/{id:long}", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Buildings_Delete")
            .WithSummary("Delete a building that has no houses");

    static async Task<Results<NoContent, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct)
    {
        var building = await db.Buildings.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (building is null) return TypedResults.NotFound();
        // Houses anywhere in the building count, including grids the caller does not see.
        if (await db.Houses.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AnyAsync(h => h.BuildingId == id, ct))
            throw new BusinessRuleException("building.has-houses", Loc.T("楼栋下还有房屋，不能删除。", "The building still has houses."));
        db.Buildings.Remove(building);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
