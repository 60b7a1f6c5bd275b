using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 合并重复记录 merge two records of the same person. The record {id} survives: it takes the other's fields it lacks
// (the ID number too, when only the other has one), the union of both records' tags, the other's history, and its
// household place if it had none. The other record is marked merged, leaves its house and household, and points
// to the survivor.
public static class MergeResidents
{
    public sealed record Request(long? OtherId, string? Reason);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/{id:long}/merge", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_Merge")
            .WithSummary("Merge record otherId into record id (both in scope) with a reason; the other record is marked merged");

    static async Task<Results<Ok<GetResident.Card>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.OtherId is null) errors["otherId"] = [Loc.T("请选择要并入的记录。", "Choose the record to merge in.")];
        if (string.IsNullOrWhiteSpace(request.Reason)) errors["reason"] = [ReasonRequired];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (!await ExecuteAsync(db, time, id, request.OtherId!.Value, request.Reason!, ct)) return TypedResults.NotFound();
        return TypedResults.Ok((await GetResident.LoadAsync(db, time, id, ct))!);
    }

    public static string ReasonRequired => Loc.T("请填写合并理由。", "Give the reason for the merge.");

    /// <summary>False when either record is outside the caller's scope.</summary>
    public static async Task<bool> ExecuteAsync(AppDbContext db, TimeProvider time, long id, long otherId, string reason, CancellationToken ct)
    {
        if (id == otherId) throw Refuse("resident.merge-self", Loc.T("不能把记录与自己合并。", "A record cannot be merged with itself."));
        var r = await db.Residents.SingleOrDefaultAsync(x => x.Id == id, ct);
        var o = await db.Residents.SingleOrDefaultAsync(x => x.Id == otherId, ct);
        if (r is null || o is null) return false;
        if (r.Status == ResidentStatus.Merged || o.Status == ResidentStatus.Merged)
            throw Refuse("resident.merge-merged", Loc.T("已合并的记录不能再合并。", "A merged record cannot be merged again."));
        if (r.IdNumberIndex is not null && o.IdNumberIndex is not null)
            throw Refuse("resident.merge-id-numbers", Loc.T("两条记录的身份证号码不同，不是同一人。", "The records have different ID numbers: they are not the same person."));
        reason = reason.Trim() is { Length: > 500 } long_ ? long_[..500] : reason.Trim();

        db.AuditAction = "Resident.Merge";
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var changes = new ResidentChangeSet();
        var otherChanges = new ResidentChangeSet();
        if (r.IdNumberIndex is null && o.IdNumberIndex is not null)
        {
            // The blind index is unique: clear it on the other record first, in its own save of this transaction.
            var (cipher, index, masked) = (o.IdNumberCipher, o.IdNumberIndex, o.IdNumberMasked);
            (o.IdNumberCipher, o.IdNumberIndex, o.IdNumberMasked) = (null, null, null);
            await db.SaveChangesAsync(ct);
            db.AuditAction = "Resident.Merge";
            otherChanges.Add("idNumber", masked, null);
            changes.Add("idNumber", null, masked);
            (r.IdNumberCipher, r.IdNumberIndex, r.IdNumberMasked) = (cipher, index, masked);
            // Birth date and gender follow the number, as when it is typed.
            changes.Set("birthDate", r.BirthDate, o.BirthDate, x => r.BirthDate = x);
            changes.Set("gender", r.Gender, o.Gender, x => r.Gender = x);
        }
        if (r.PhoneIndex is null && o.PhoneIndex is not null)
        {
            changes.Add("phone", null, o.PhoneMasked);
            (r.PhoneCipher, r.PhoneIndex, r.PhoneMasked) = (o.PhoneCipher, o.PhoneIndex, o.PhoneMasked);
        }
        void Fill<T>(string field, T? mine, T? theirs, Action<T?> set)
        {
            if (mine is null && theirs is not null) changes.Set(field, mine, theirs, set);
        }
        Fill("ethnicity", r.Ethnicity, o.Ethnicity, x => r.Ethnicity = x);
        Fill("registrationPlace", r.RegistrationPlace, o.RegistrationPlace, x => r.RegistrationPlace = x);
        Fill("education", r.Education, o.Education, x => r.Education = x);
        Fill("employment", r.Employment, o.Employment, x => r.Employment = x);
        Fill("political", r.Political, o.Political, x => r.Political = x);
        Fill("notes", r.Notes, o.Notes, x => r.Notes = x);

        // A house and household place pass over only where the survivor had none; the survivor then lives there.
        if (r.HouseId is null && o.HouseId is not null)
        {
            changes.Add("houseId", null, await Addresses.OfHouseAsync(db, o.HouseId, ct));
            (r.HouseId, r.OrgUnitId, r.OrgPath) = (o.HouseId, o.OrgUnitId, o.OrgPath);
        }
        var otherHousehold = o.HouseholdId is { } ohid ? await db.Households.SingleOrDefaultAsync(h => h.Id == ohid, ct) : null;
        if (otherHousehold is not null && r.HouseholdId is null)
        {
            changes.Add("householdId", null, await Addresses.OfHouseAsync(db, otherHousehold.HouseId, ct));
            (r.HouseholdId, r.Relationship) = (o.HouseholdId, o.Relationship);
            if (otherHousehold.HeadResidentId == o.Id) otherHousehold.HeadResidentId = r.Id;
        }
        else if (otherHousehold?.HeadResidentId == o.Id) otherHousehold.HeadResidentId = null;

        // Tags (sensitive ones too, though the caller may not see them) and history follow the person.
        await ResidentPaths.FollowResidentAsync(db, r.Id, r.OrgPath, ct);
        var kept = db.ResidentTags.IgnoreQueryFilters().Where(t => t.ResidentId == r.Id).Select(t => t.TagCode);
        var droppedTags = await db.ResidentTags.IgnoreQueryFilters().Where(t => t.ResidentId == o.Id && kept.Contains(t.TagCode)).ExecuteDeleteAsync(ct);
        var movedTags = await db.ResidentTags.IgnoreQueryFilters().Where(t => t.ResidentId == o.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ResidentId, r.Id).SetProperty(t => t.OrgPath, r.OrgPath), ct);
        var movedHistory = await db.ResidentChanges.IgnoreQueryFilters().Where(c => c.ResidentId == o.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResidentId, r.Id).SetProperty(c => c.OrgPath, r.OrgPath), ct);
        await db.DuplicateFlags.IgnoreQueryFilters().Where(f => f.ResidentId == o.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.ResidentId, r.Id), ct);
        // Life events and visits to the person are the survivor's too (events would otherwise go with the merged record).
        await db.ResidentEvents.IgnoreQueryFilters().Where(e => e.ResidentId == o.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ResidentId, r.Id).SetProperty(e => e.OrgPath, r.OrgPath), ct);
        await db.Visits.IgnoreQueryFilters().Where(v => v.ResidentId == o.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.ResidentId, r.Id), ct);

        otherChanges.Add("houseId", await Addresses.OfHouseAsync(db, o.HouseId, ct), null);
        otherChanges.Set("status", o.Status, ResidentStatus.Merged, x => o.Status = x);
        otherChanges.Add("mergedInto", null, $"#{r.Id} {r.Name}");
        (o.HouseId, o.HouseholdId, o.Relationship, o.MergedIntoId) = (null, null, null, r.Id);
        changes.Add("merge", $"#{o.Id} {o.Name}", reason);
        changes.WriteTo(db, r, time);
        otherChanges.WriteTo(db, o, time);
        db.AddAuditEvent("Resident.Merge", "Resident", r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after: new { mergedId = o.Id, reason, movedTags, droppedTags, movedHistory });
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return true;
    }

    static BusinessRuleException Refuse(string code, string message) => new(code, message, StatusCodes.Status422UnprocessableEntity);
}
