using Linli.Data;
using Linli.Platform.Privacy;

namespace Linli.Modules.Residents;

// 居民字段 the one place a resident's fields are set from checked values, each changed field recorded: the form
// (ResidentWriter) and the import (ResidentImport) both write through it, so the two cannot drift apart.
public static class ResidentFields
{
    /// <summary>Where the person lives, resolved and checked by the caller. HouseholdHouseId names a new household in the history.</summary>
    public sealed record Placement(long? HouseId, long? HouseholdId, long? HouseholdHouseId, Relationship? Relationship, long UnitId, string Path);

    /// <summary>The person's own fields: name … notes; the ID number and phone only when <paramref name="v"/> sets them.</summary>
    public static void Apply(Resident r, ResidentValues v, FieldProtector protector, ResidentChangeSet changes)
    {
        changes.Set("name", r.Name, v.Name, x => r.Name = x);
        changes.Set("gender", r.Gender, v.Gender, x => r.Gender = x);
        changes.Set("birthDate", r.BirthDate, v.BirthDate, x => r.BirthDate = x);
        changes.Set("ethnicity", r.Ethnicity, v.Ethnicity, x => r.Ethnicity = x);
        if (v.SetIdNumber && r.IdNumberIndex != (v.IdNumber is null ? null : protector.IdNumberIndex(v.IdNumber)))
        {
            changes.Add("idNumber", r.IdNumberMasked, v.IdNumber is null ? null : Masking.IdNumber(v.IdNumber));
            protector.SetIdNumber(r, v.IdNumber);
        }
        if (v.SetPhone && r.PhoneIndex != (v.Phone is null ? null : protector.PhoneIndex(v.Phone)))
        {
            changes.Add("phone", r.PhoneMasked, v.Phone is null ? null : Masking.Phone(v.Phone));
            protector.SetPhone(r, v.Phone);
        }
        changes.Set("registrationPlace", r.RegistrationPlace, v.RegistrationPlace, x => r.RegistrationPlace = x);
        changes.Set("residenceType", r.ResidenceType, v.ResidenceType, x => r.ResidenceType = x);
        changes.Set("registrationMatch", r.RegistrationMatch, v.RegistrationMatch, x => r.RegistrationMatch = x);
        changes.Set("education", r.Education, v.Education, x => r.Education = x);
        changes.Set("employment", r.Employment, v.Employment, x => r.Employment = x);
        changes.Set("political", r.Political, v.Political, x => r.Political = x);
        changes.Set("notes", r.Notes, v.Notes, x => r.Notes = x);
    }

    /// <summary>
    /// House, household, relationship, status and unit. A new record records none of them (it gets one "record"
    /// row, see <see cref="Created"/>), so display names are looked up only for changes to an existing one.
    /// Returns whether an existing person moved to another path (their tags and history must follow).
    /// </summary>
    public static async Task<bool> PlaceAsync(Resident r, bool isNew, Placement p, ResidentStatus status,
        ResidentChangeSet changes, ResidentNames names, CancellationToken ct)
    {
        if (r.HouseId != p.HouseId)
        {
            if (!isNew) changes.Add("houseId", await names.HouseAsync(r.HouseId, ct), await names.HouseAsync(p.HouseId, ct));
            r.HouseId = p.HouseId;
        }
        if (r.HouseholdId != p.HouseholdId)
        {
            // Named by the household's address: people read the history, not ids.
            if (!isNew) changes.Add("householdId", await names.HouseholdAsync(r.HouseholdId, ct), await names.HouseAsync(p.HouseholdHouseId, ct));
            r.HouseholdId = p.HouseholdId;
        }
        changes.Set("relationship", r.Relationship, p.HouseholdId is null ? null : p.Relationship, x => r.Relationship = x);
        changes.Set("status", r.Status, status, x => r.Status = x);
        if (r.OrgUnitId != p.UnitId)
        {
            if (!isNew) changes.Add("orgUnitId", await names.UnitAsync(r.OrgUnitId, ct), await names.UnitAsync(p.UnitId, ct));
            r.OrgUnitId = p.UnitId;
        }
        var moved = !isNew && r.OrgPath != p.Path;
        r.OrgPath = p.Path;
        return moved;
    }

    /// <summary>A new record gets one "record Created" history row instead of a row per field.</summary>
    public static void Created(ResidentChangeSet changes)
    {
        changes.Clear();
        changes.Add("record", null, "Created");
    }
}

/// <summary>Display names for the history (addresses, unit names), remembered for the life of one write or one import.</summary>
public sealed class ResidentNames(AppDbContext db)
{
    readonly Dictionary<long, string?> houses = [];
    readonly Dictionary<long, string?> units = [];

    public async Task<string?> HouseAsync(long? houseId, CancellationToken ct)
    {
        if (houseId is not { } id) return null;
        if (!houses.TryGetValue(id, out var name)) houses[id] = name = await Addresses.OfHouseAsync(db, id, ct);
        return name;
    }

    public async Task<string?> HouseholdAsync(long? householdId, CancellationToken ct) => householdId is { } id
        ? await HouseAsync(await db.Households.Where(h => h.Id == id).Select(h => (long?)h.HouseId).SingleOrDefaultAsync(ct), ct)
        : null;

    public async Task<string?> UnitAsync(long unitId, CancellationToken ct)
    {
        if (!units.TryGetValue(unitId, out var name)) units[unitId] = name = await ResidentWriter.UnitNameAsync(db, unitId, ct);
        return name;
    }
}
