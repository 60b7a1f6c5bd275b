using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 删除房屋 delete a house entered by mistake; one with households or residents is kept.
public static class DeleteHouse
{
    public static void Map(RouteGroupBuilder houses) =>
        houses.MapDelete("/{id:long}", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Houses_Delete")
            .WithSummary("Delete a house that has no households and no residents");

    static async Task<Results<NoContent, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct)
    {
        var house = await db.Houses.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (house is null) return TypedResults.NotFound();
        if (await db.Households.IgnoreQueryFilters().AnyAsync(h => h.HouseId == id, ct)
            || await db.Residents.IgnoreQueryFilters().AnyAsync(r => r.HouseId == id, ct))
            throw new BusinessRuleException("house.in-use", Loc.T("房屋下还有户或居民，不能删除。", "The house still has households or residents."));
        db.Houses.Remove(house);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
