using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 居民卡片 resident card: the person, their household with members, their house, the tags the caller may see
// and the history of changes. ID number and phone masked.
public static class GetResident
{
    public sealed record ResidentView(long Id, string Name, Gender Gender, DateOnly BirthDate, int Age, string? Ethnicity,
        string? IdNumber, string? Phone, string? RegistrationPlace, ResidenceType ResidenceType, RegistrationMatch RegistrationMatch,
        Education? Education, EmploymentStatus? Employment, PoliticalStatus? Political, string? Notes,
        long? HouseId, string? Address, long? HouseholdId, Relationship? Relationship, ResidentStatus Status,
        long OrgUnitId, string? OrgUnitName, long? MergedIntoId = null);

    public sealed record Card(ResidentView Resident, GetHousehold.View? Household, GetHouse.View? House,
        IReadOnlyList<ResidentTags.View> Tags, IReadOnlyList<ChangeView> History);

    public sealed record ChangeView(string Field, string? OldValue, string? NewValue, string? ChangedBy, DateTime ChangedAt);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapGet("/{id:long}", Handle)
            .WithName("Residents_Get")
            .WithSummary("Resident card: the person (ID number and phone masked), household with members, house, visible tags, history");

    static async Task<Results<Ok<Card>, NotFound>> Handle(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await LoadAsync(db, time, id, ct) is { } card ? TypedResults.Ok(card) : TypedResults.NotFound();

    /// <summary>Null when the resident is not in the caller's subtree.</summary>
    public static async Task<Card?> LoadAsync(AppDbContext db, TimeProvider time, long id, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var r = await db.Residents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var address = await Addresses.OfHouseAsync(db, r.HouseId, ct);
        var unitName = await db.OrgUnits.Where(u => u.Id == r.OrgUnitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        var view = new ResidentView(r.Id, r.Name, r.Gender, r.BirthDate, r.AgeOn(today), r.Ethnicity, r.IdNumberMasked, r.PhoneMasked,
            r.RegistrationPlace, r.ResidenceType, r.RegistrationMatch, r.Education, r.Employment, r.Political, r.Notes,
            r.HouseId, address, r.HouseholdId, r.Relationship, r.Status, r.OrgUnitId, unitName, r.MergedIntoId);

        var household = r.HouseholdId is { } hid ? await GetHousehold.LoadAsync(db, time, hid, ct) : null;
        var house = r.HouseId is { } houseId ? await GetHouse.LoadAsync(db, houseId, ct) : null;
        var tags = await ResidentTags.ForResidentAsync(db, r, today, ct);
        if (r.Status != ResidentStatus.Active) tags = tags.Where(t => !t.Derived).ToList();   // no age tags for the dead or gone
        var history = await db.ResidentChanges.AsNoTracking().Where(c => c.ResidentId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(200)
            .Select(c => new ChangeView(c.Field, c.OldValue, c.NewValue, c.ChangedBy, c.ChangedAt)).ToListAsync(ct);
        return new Card(view, household, house, tags, history);
    }
}
