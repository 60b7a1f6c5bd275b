using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 户详情 a household: its house, type, head and members with their relationship to the head.
public static class GetHousehold
{
    public sealed record MemberView(long Id, string Name, Relationship? Relationship, Gender Gender, int Age, ResidentStatus Status);

    public sealed record View(long Id, long HouseId, string? Address, HouseholdType Type, long? HeadResidentId, string? HeadName,
        long OrgUnitId, IReadOnlyList<MemberView> Members);

    public static void Map(RouteGroupBuilder households) =>
        households.MapGet("/{id:long}", Handle)
            .WithName("Households_Get")
            .WithSummary("A household with its members");

    static async Task<Results<Ok<View>, NotFound>> Handle(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await LoadAsync(db, time, id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    public static async Task<View?> LoadAsync(AppDbContext db, TimeProvider time, long id, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return null;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        // Members the caller can see: one registered here but living in another grid is shown to that grid.
        var members = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == id)
            .Select(r => new { r.Id, r.Name, r.Relationship, r.Gender, r.BirthDate, r.Status }).ToListAsync(ct);
        var list = members.OrderBy(m => m.Relationship ?? Relationship.Other).ThenBy(m => m.BirthDate)
            .Select(m => new MemberView(m.Id, m.Name, m.Relationship, m.Gender, Resident.AgeOn(m.BirthDate, today), m.Status)).ToList();
        var head = list.FirstOrDefault(m => m.Id == h.HeadResidentId)?.Name;
        return new View(h.Id, h.HouseId, await Addresses.OfHouseAsync(db, h.HouseId, ct), h.Type, h.HeadResidentId, head, h.OrgUnitId, list);
    }
}
