using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 房屋详情 a house: where it is, how it is used, its households and the people living there.
public static class GetHouse
{
    public sealed record View(long Id, long BuildingId, string BuildingName, string Address, int UnitNumber, int Floor, string RoomNumber,
        double? Area, HouseUse Use, HouseTenure Tenure, bool Vacant, long GridId, string? GridName);

    public sealed record HouseholdRow(long Id, HouseholdType Type, long? HeadResidentId, string? HeadName, int Members);
    public sealed record OccupantRow(long Id, string Name, Gender Gender, int Age, long? HouseholdId, Relationship? Relationship, ResidentStatus Status);
    public sealed record Detail(View House, IReadOnlyList<HouseholdRow> Households, IReadOnlyList<OccupantRow> Residents);

    public static void Map(RouteGroupBuilder houses) =>
        houses.MapGet("/{id:long}", Handle)
            .WithName("Houses_Get")
            .WithSummary("A house with its households and the residents living in it");

    static async Task<Results<Ok<Detail>, NotFound>> Handle(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await DetailAsync(db, time, id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    public static async Task<View?> LoadAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var h = await db.Houses.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return null;
        var building = (await Addresses.BuildingNamesAsync(db, [h.BuildingId], ct)).GetValueOrDefault(h.BuildingId, "?");
        var grid = await db.OrgUnits.Where(u => u.Id == h.GridId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        return new View(h.Id, h.BuildingId, building, Addresses.Of(building, h.UnitNumber, h.RoomNumber), h.UnitNumber, h.Floor,
            h.RoomNumber, h.Area, h.Use, h.Tenure, h.Vacant, h.GridId, grid);
    }

    public static async Task<Detail?> DetailAsync(AppDbContext db, TimeProvider time, long id, CancellationToken ct)
    {
        var view = await LoadAsync(db, id, ct);
        if (view is null) return null;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var households = await db.Households.AsNoTracking().Where(h => h.HouseId == id).OrderBy(h => h.Id)
            .Select(h => new HouseholdRow(h.Id, h.Type, h.HeadResidentId, h.Head != null ? h.Head.Name : null,
                db.Residents.Count(r => r.HouseholdId == h.Id))).ToListAsync(ct);
        var people = await db.Residents.AsNoTracking().Where(r => r.HouseId == id).OrderBy(r => r.HouseholdId).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Gender, r.BirthDate, r.HouseholdId, r.Relationship, r.Status }).ToListAsync(ct);
        return new Detail(view, households, people.Select(r => new OccupantRow(r.Id, r.Name, r.Gender, Resident.AgeOn(r.BirthDate, today),
            r.HouseholdId, r.Relationship, r.Status)).ToList());
    }
}
