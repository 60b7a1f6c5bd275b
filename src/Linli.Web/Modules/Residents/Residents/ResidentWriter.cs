using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;

namespace Linli.Modules.Residents;

// 登记/修改居民 the write behind POST and PATCH /api/v1/residents and the resident form: places the person in the
// caller's subtree, keeps the ID number unique in the city, records every changed field in the same save.
public static class ResidentWriter
{
    public sealed record Outcome(Resident? Resident, Dictionary<string, string[]>? Errors = null, bool NotFound = false);

    public static async Task<Outcome> SaveAsync(AppDbContext db, FieldProtector protector, TimeProvider time,
        Resident? existing, ResidentForm form, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var stored = existing?.IdNumberCipher is { } cipher ? protector.Decrypt(cipher) : null;
        var (v, errors) = ResidentValues.Check(form, existing is null, stored, today);
        if (v is null) return new(null, errors);
        // A status changes only through its explicit action (迁出, 死亡登记, 迁入, 合并), which keeps the household and the
        // event log right; an edit cannot set it.
        if (v.Status != (existing?.Status ?? ResidentStatus.Active))
            return new(null, new() { ["status"] = [Loc.T("状态只能通过户籍变动（迁出、死亡登记、迁入）或合并操作改变。",
                "The status changes only through a life event (move out, death, move in) or a merge.")] });

        // Where the person belongs: the house's grid; else the household's house; else the community or grid named.
        Household? household = null;
        if (v.HouseholdId is { } householdId && (household = await db.Households.SingleOrDefaultAsync(h => h.Id == householdId, ct)) is null)
            return new(null, NotFound: true);
        House? house = null;
        if ((v.HouseId ?? household?.HouseId) is { } houseId && (house = await db.Houses.AsNoTracking().SingleOrDefaultAsync(h => h.Id == houseId, ct)) is null)
            return new(null, NotFound: true);
        long unitId;
        string path;
        if (house is not null)
            (unitId, path) = (house.GridId, house.OrgPath);
        else if (v.OrgUnitId is not { } orgUnitId)
            return new(null, new() { ["orgUnitId"] = [Loc.T("请选择居住的房屋或登记单位。", "Choose the house the person lives in, or the unit registering them.")] });
        else
        {
            var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == orgUnitId, ct);
            if (unit is null) return new(null, NotFound: true);
            if (unit.Level is not (OrgLevel.Community or OrgLevel.Grid))
                throw new BusinessRuleException("resident.unit-level", Loc.T("居民只能登记在社区或网格。", "A resident is registered in a community or a grid."),
                    StatusCodes.Status422UnprocessableEntity, "orgUnitId");
            (unitId, path) = (unit.Id, unit.OrgPath);
        }

        await CheckHeadAsync(db, existing, household, v, ct);
        if (v.SetIdNumber && v.IdNumber is not null && await IdNumberTakenAsync(db, protector, v.IdNumber, existing?.Id, ct))
            throw DuplicateIdNumber(await DuplicateCases.ClaimAsync(db, time, protector.IdNumberIndex(v.IdNumber), existing?.Id, unitId, house?.Id, v.Name, ct));

        var r = existing ?? new Resident { Name = v.Name };
        var changes = new ResidentChangeSet();
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
        // A new record gets one "record" row instead of field rows, so its display values are not looked up.
        var isNew = existing is null;
        if (r.HouseId != house?.Id)
        {
            if (!isNew) changes.Add("houseId", await Addresses.OfHouseAsync(db, r.HouseId, ct), house is null ? null : await Addresses.OfHouseAsync(db, house.Id, ct));
            r.HouseId = house?.Id;
        }
        if (r.HouseholdId != household?.Id)
        {
            // Named by the household's address: people read the history, not ids.
            var oldHouse = r.HouseholdId is { } oldId ? await db.Households.Where(h => h.Id == oldId).Select(h => (long?)h.HouseId).SingleOrDefaultAsync(ct) : null;
            if (!isNew) changes.Add("householdId", await Addresses.OfHouseAsync(db, oldHouse, ct), household is null ? null : await Addresses.OfHouseAsync(db, household.HouseId, ct));
            r.HouseholdId = household?.Id;
        }
        changes.Set("relationship", r.Relationship, household is null ? null : v.Relationship, x => r.Relationship = x);
        changes.Set("status", r.Status, v.Status, x => r.Status = x);
        if (r.OrgUnitId != unitId)
        {
            if (!isNew) changes.Add("orgUnitId", await UnitNameAsync(db, r.OrgUnitId, ct), await UnitNameAsync(db, unitId, ct));
            r.OrgUnitId = unitId;
        }
        var moved = existing is not null && r.OrgPath != path;
        r.OrgPath = path;
        if (household is not null && v.Relationship == Relationship.Self) household.Head = r;

        if (isNew)
        {
            db.Residents.Add(r);
            changes.Clear();
            changes.Add("record", null, "Created");
        }
        changes.WriteTo(db, r, time);

        // One save per transaction: the audit chain's lock is taken at the save and held to the commit. An import
        // brings its own transaction around all its rows.
        await using var tx = moved && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (moved) await ResidentPaths.FollowResidentAsync(db, r.Id, path, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (v.SetIdNumber && v.IdNumber is not null)
        {
            // Lost a race with another registration of the same number: the unique blind index refused it.
            db.ChangeTracker.Clear();
            if (await IdNumberTakenAsync(db, protector, v.IdNumber, existing?.Id, ct)) throw DuplicateIdNumber();
            throw;
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return new(r);
    }

    static async Task CheckHeadAsync(AppDbContext db, Resident? existing, Household? household, ResidentValues v, CancellationToken ct)
    {
        var isHead = existing?.HouseholdId is { } oldId && await db.Households.AnyAsync(h => h.Id == oldId && h.HeadResidentId == existing.Id, ct);
        if (isHead && (v.HouseholdId != existing!.HouseholdId || v.Relationship != Relationship.Self))
            throw new BusinessRuleException("resident.is-head", Loc.T("此人是户主，请先为该户变更户主。", "This person is the head of the household; change the head first."),
                field: "relationship");
        if (household is not null && v.Relationship == Relationship.Self && household.HeadResidentId is { } head && head != existing?.Id)
            throw new BusinessRuleException("household.has-head", Loc.T("该户已有户主。", "The household already has a head."), field: "relationship");
    }

    /// <summary>Whether another record anywhere in the city holds the number: the check must see past the scope.</summary>
    public static Task<bool> IdNumberTakenAsync(AppDbContext db, FieldProtector protector, string idNumber, long? exceptId, CancellationToken ct)
    {
        var index = protector.IdNumberIndex(idNumber);
        var except = exceptId ?? 0;
        return db.Residents.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AnyAsync(r => r.IdNumberIndex == index && r.Id != except, ct);
    }

    // With a case (疑似重复) when the holder is outside the caller's scope: the answer names the case, not the record.
    static BusinessRuleException DuplicateIdNumber(long? caseId = null)
    {
        var e = new BusinessRuleException("resident.duplicate-id-number",
            Loc.T("该身份证号码已在本市登记，同一人只能有一条记录。", "This ID number is already registered in the city; a person has one record.")
            + (caseId is { } c ? Loc.T($"已登记为疑似重复 #{c}，对方单位和街道可见。", $" Recorded as suspected duplicate #{c}, visible to the other unit and the street.") : ""),
            field: "idNumber");
        if (caseId is not null) e.Extra["caseId"] = caseId;
        return e;
    }

    static async Task<string?> UnitNameAsync(AppDbContext db, long id, CancellationToken ct) => id == 0 ? null :
        await db.OrgUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(u => u.Id == id).Select(u => u.Name).SingleOrDefaultAsync(ct);
}
