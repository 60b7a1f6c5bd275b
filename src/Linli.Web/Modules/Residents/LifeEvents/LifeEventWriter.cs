using System.Globalization;
using Linli.Data;
using Linli.Platform.Problems;

namespace Linli.Modules.Residents;

// 户籍变动 the parts every life event shares: the date rules, the head rule when someone leaves a household,
// placing a person in a house (and household), and the record of the event itself (event row + history row).
public static class LifeEventWriter
{
    public sealed record Outcome(long? Id = null, Dictionary<string, string[]>? Errors = null, bool NotFound = false);

    /// <summary>A house (and household) the caller can see, where a person is placed.</summary>
    public sealed record Target(House House, Household? Household, Relationship? Relationship);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>The event's day: required, not in the future, not before the person was born.</summary>
    public static void CheckDate(Dictionary<string, string[]> errors, DateOnly? date, DateOnly? birth, DateOnly today, string field = "date")
    {
        if (date is not { } d) errors.Add(field, Loc.T("请填写日期。", "The date is required."));
        else if (d > today) errors.Add(field, Loc.T("日期不能晚于今天。", "The date cannot be in the future."));
        else if (birth is { } b && d < b) errors.Add(field, Loc.T("日期不能早于出生日期。", "The date cannot be before the birth date."));
    }

    public static void CheckLength(Dictionary<string, string[]> errors, string? value, int max, string field)
    {
        if (value is { Length: var n } && n > max) errors.Add(field, Loc.T($"最多 {max} 个字。", $"At most {max} characters."));
    }

    public static T? Choice<T>(Dictionary<string, string[]> errors, string? text, string field) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Labels.Parse<T>(text) is { } v) return v;
        errors.Add(field, Labels.Expected<T>());
        return null;
    }

    public static BusinessRuleException NotActive() => new("resident.not-active",
        Loc.T("此人已不在册（已迁出或已死亡）。", "The person is no longer active (moved out or deceased)."));

    /// <summary>
    /// Loads the house and household a person goes to (null when the caller cannot see one: 404). The household must
    /// be at the house; joining it needs a relationship, and 本人 only when it has no head.
    /// </summary>
    public static async Task<Target?> TargetAsync(AppDbContext db, long houseId, long? householdId, Relationship? relationship,
        long? residentId, CancellationToken ct)
    {
        var house = await db.Houses.AsNoTracking().SingleOrDefaultAsync(h => h.Id == houseId, ct);
        if (house is null) return null;
        if (householdId is not { } hid) return new(house, null, null);
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == hid, ct);
        if (household is null) return null;
        if (household.HouseId != house.Id)
            throw new BusinessRuleException("household.other-house", Loc.T("所选的户不在该房屋。", "The household is not at that house."),
                StatusCodes.Status422UnprocessableEntity, "householdId");
        if (relationship is null)
            throw new FieldErrorsException(new Dictionary<string, string[]> { ["relationship"] = [Loc.T("请选择与户主关系。", "Choose the relationship to the head of the household.")] });
        if (relationship == Relationship.Self && household.HeadResidentId is { } head && head != residentId)
            throw new BusinessRuleException("household.has-head", Loc.T("该户已有户主。", "The household already has a head."), field: "relationship");
        return new(house, household, relationship);
    }

    /// <summary>
    /// The head of a household with other active members may leave it only when a new head is named (one of those
    /// members), who then becomes 本人; the head of no one leaves the household headless.
    /// </summary>
    public static async Task ReleaseHeadAsync(AppDbContext db, TimeProvider time, Resident r, long? newHeadId, DateOnly date, CancellationToken ct)
    {
        if (r.HouseholdId is not { } householdId) return;
        // The caller sees the person; their household (and its members) may lie in another grid of the same community.
        var household = await db.Households.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).SingleAsync(h => h.Id == householdId, ct);
        if (household.HeadResidentId != r.Id) return;
        var others = await db.Residents.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(m => m.HouseholdId == householdId && m.Id != r.Id && m.Status == ResidentStatus.Active).ToListAsync(ct);
        if (others.Count > 0 && newHeadId is null)
            throw new BusinessRuleException("household.head-leaving", Loc.T("此人是户主，户内还有其他成员：请先变更户主，或指定新户主。",
                "This person is the head and the household has other members: change the head first, or name the new head."), field: "newHeadResidentId");
        if (newHeadId is { } id)
        {
            var head = others.FirstOrDefault(m => m.Id == id) ?? throw new BusinessRuleException("household.head-not-member",
                Loc.T("新户主须是本户的其他在册成员。", "The new head must be another active member of the household."),
                StatusCodes.Status422UnprocessableEntity, "newHeadResidentId");
            var headChanges = new ResidentChangeSet();
            headChanges.Set<Relationship?>("relationship", head.Relationship, Relationship.Self, x => head.Relationship = x);
            Record(db, time, head, LifeEventType.HeadChange, date, r.Name, head.Name, null, headChanges);
        }
        household.HeadResidentId = newHeadId;
    }

    /// <summary>A person leaves their household (and the head rule holds): one history row, named by the address.</summary>
    public static async Task LeaveHouseholdAsync(AppDbContext db, TimeProvider time, Resident r, long? newHeadId, DateOnly date,
        ResidentChangeSet changes, CancellationToken ct)
    {
        if (r.HouseholdId is null) return;
        await ReleaseHeadAsync(db, time, r, newHeadId, date, ct);
        changes.Add("householdId", await HouseholdAddressAsync(db, r.HouseholdId, ct), null);
        r.HouseholdId = null;
        changes.Set("relationship", r.Relationship, null, x => r.Relationship = x);
    }

    /// <summary>
    /// Puts the person in the target house, household (none: leaves any) and unit; true when their path changed.
    /// The caller has applied the head rule if the person leaves a household.
    /// </summary>
    /// <summary>
    /// 迁出 and 死亡登记: the person stops being active and leaves house and household (a head with other members names
    /// the new head); the record stays in the unit as history, with the event dated.
    /// </summary>
    public static async Task<Outcome> LeaveAsync(AppDbContext db, TimeProvider time, long id, DateOnly? date, string? destination, string? note,
        long? newHeadId, ResidentStatus status, LifeEventType type, string auditAction, CancellationToken ct)
    {
        var r = await db.Residents.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new(NotFound: true);
        var errors = new Dictionary<string, string[]>();
        CheckDate(errors, date, r.BirthDate, Today(time));
        CheckLength(errors, destination, 200, "destination");
        CheckLength(errors, note, 500, "note");
        if (errors.Count > 0) return new(Errors: errors);
        if (r.Status != ResidentStatus.Active) throw NotActive();

        var changes = new ResidentChangeSet();
        var from = await Addresses.OfHouseAsync(db, r.HouseId, ct);
        await LeaveHouseholdAsync(db, time, r, newHeadId, date!.Value, changes, ct);
        if (r.HouseId is not null) { changes.Add("houseId", from, null); r.HouseId = null; }
        changes.Set("status", r.Status, status, x => r.Status = x);
        Record(db, time, r, type, date.Value, from, destination, note, changes);
        db.AuditAction = auditAction;
        await SaveAsync(db, [], ct);
        return new(r.Id);
    }

    public static async Task<bool> PlaceAsync(AppDbContext db, Resident r, Target target, ResidentChangeSet changes, CancellationToken ct)
    {
        if (r.HouseId != target.House.Id)
        {
            changes.Add("houseId", await Addresses.OfHouseAsync(db, r.HouseId, ct), await Addresses.OfHouseAsync(db, target.House.Id, ct));
            r.HouseId = target.House.Id;
        }
        var household = target.Household;
        if (household is null || r.HouseholdId != household.Id)
        {
            if (r.HouseholdId is not null || household is not null)
                changes.Add("householdId", await HouseholdAddressAsync(db, r.HouseholdId, ct),
                    household is null ? null : await Addresses.OfHouseAsync(db, household.HouseId, ct));
            if (household is { Id: 0 }) r.Household = household;   // a household saved with the person (分户)
            else r.HouseholdId = household?.Id;
        }
        if (household is not null && target.Relationship == Relationship.Self) household.HeadResidentId = r.Id;
        changes.Set("relationship", r.Relationship, household is null ? null : target.Relationship, x => r.Relationship = x);
        if (r.OrgUnitId != target.House.GridId)
        {
            changes.Add("orgUnitId", await UnitNameAsync(db, r.OrgUnitId, ct), await UnitNameAsync(db, target.House.GridId, ct));
            r.OrgUnitId = target.House.GridId;
        }
        var moved = r.OrgPath != target.House.OrgPath;
        r.OrgPath = target.House.OrgPath;
        return moved;
    }

    /// <summary>The event row and the history row naming it (with its day), then the collected field changes.</summary>
    public static void Record(AppDbContext db, TimeProvider time, Resident r, LifeEventType type, DateOnly date, string? from, string? to,
        string? note, ResidentChangeSet changes)
    {
        changes.Add("event:" + type, null, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        changes.WriteTo(db, r, time);
        db.ResidentEvents.Add(new ResidentEvent
        {
            Resident = r, Type = type, Date = date, From = Cut(from), To = Cut(to), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            RecordedById = db.CurrentUser.UserId, RecordedBy = db.CurrentUser.UserName, RecordedAt = time.GetUtcNow().UtcDateTime, OrgPath = r.OrgPath,
        });
    }

    /// <summary>Saves in one transaction with the path update of the people who moved (their tags, history, events follow).</summary>
    public static async Task SaveAsync(AppDbContext db, IEnumerable<Resident> moved, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var r in moved) await ResidentPaths.FollowResidentAsync(db, r.Id, r.OrgPath, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    static string? Cut(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim() is { Length: > 200 } t ? t[..200] : s.Trim();

    static async Task<string?> HouseholdAddressAsync(AppDbContext db, long? householdId, CancellationToken ct) => householdId is not { } id ? null :
        await Addresses.OfHouseAsync(db, await db.Households.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(h => h.Id == id)
            .Select(h => (long?)h.HouseId).SingleOrDefaultAsync(ct), ct);

    static async Task<string?> UnitNameAsync(AppDbContext db, long id, CancellationToken ct) => id == 0 ? null :
        await db.OrgUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(u => u.Id == id).Select(u => u.Name).SingleOrDefaultAsync(ct);
}
