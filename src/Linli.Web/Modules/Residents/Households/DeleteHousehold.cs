using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 销户 delete a household that has no members left.
public static class DeleteHousehold
{
    public static void Map(RouteGroupBuilder households) =>
        households.MapDelete("/{id:long}", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Households_Delete")
            .WithSummary("Delete a household without members");

    static async Task<Results<NoContent, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct)
    {
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return TypedResults.NotFound();
        if (await db.Residents.IgnoreQueryFilters().AnyAsync(r => r.HouseholdId == id, ct))
            throw new BusinessRuleException("household.has-members", Loc.T("该户还有成员，不能删除。", "The household still has members."));
        db.Households.Remove(household);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
