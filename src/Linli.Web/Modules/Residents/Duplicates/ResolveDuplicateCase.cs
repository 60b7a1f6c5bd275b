using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 处理疑似重复 resolve a duplicate-registration case. Move: the person now lives at the claimed place, so the existing
// record (same id, tags and history) moves there; only a caller who can see that record may. Dismiss: not the same
// situation or already handled, with a note; either side or above. Both sides' rows record who, when and why.
public static class ResolveDuplicateCase
{
    public sealed record Request(string? Note);

    public static void Map(RouteGroupBuilder residents)
    {
        residents.MapPost("/duplicates/{caseId:long}/move", Move)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_DuplicateMove")
            .WithSummary("Resolve a duplicate case by moving the existing record (with its tags and history) to the claimed house or unit");
        residents.MapPost("/duplicates/{caseId:long}/dismiss", Dismiss)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_DuplicateDismiss")
            .WithSummary("Dismiss a duplicate case with a note (not the same situation, or already handled)");
    }

    static async Task<Results<Ok<DuplicateCases.CaseView>, NotFound>> Move(long caseId, Request? request, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await MoveAsync(db, time, caseId, request?.Note, ct) ? TypedResults.Ok((await DuplicateCases.FindAsync(db, caseId, ct))!) : TypedResults.NotFound();

    static async Task<Results<Ok<DuplicateCases.CaseView>, NotFound, ValidationProblem>> Dismiss(long caseId, Request? request, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Note))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [NoteRequired] });
        return await DismissAsync(db, time, caseId, request.Note, ct) ? TypedResults.Ok((await DuplicateCases.FindAsync(db, caseId, ct))!) : TypedResults.NotFound();
    }

    public static string NoteRequired => Loc.T("请填写排除的说明。", "Say why the case is dismissed.");

    /// <summary>False when the case is not visible to the caller.</summary>
    public static async Task<bool> DismissAsync(AppDbContext db, TimeProvider time, long caseId, string note, CancellationToken ct)
    {
        if (await DuplicateCases.FindAsync(db, caseId, ct) is not { } view) return false;
        if (view.Status != DuplicateStatus.Open) throw AlreadyResolved();
        await DuplicateCases.ResolveAsync(db, time, caseId, DuplicateStatus.Dismissed, Cut(note), ct);
        db.AuditAction = "Resident.DuplicateDismiss";
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>False when the case is not visible to the caller.</summary>
    public static async Task<bool> MoveAsync(AppDbContext db, TimeProvider time, long caseId, string? note, CancellationToken ct)
    {
        if (await DuplicateCases.FindAsync(db, caseId, ct) is not { } view) return false;
        if (view.Status != DuplicateStatus.Open) throw AlreadyResolved();
        var flag = await db.DuplicateFlags.AsNoTracking().SingleOrDefaultAsync(f => f.Id == caseId, ct);   // the holder's row
        var r = flag is null ? null : await db.Residents.SingleOrDefaultAsync(x => x.Id == flag.ResidentId, ct);
        if (flag is null || r is null)
            throw new BusinessRuleException("duplicate.move-by-holder", Loc.T("只有该居民所在单位或其上级可以迁移此记录。",
                "Only the unit holding the record, or a unit above it, can move it."), StatusCodes.Status422UnprocessableEntity);

        // The claimed place is outside the holder's scope: read past the filter, only its grid, path and name.
        var target = flag.ClaimedHouseId is { } hid
            ? await db.Houses.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(h => h.Id == hid).Select(h => new { HouseId = (long?)h.Id, UnitId = h.GridId, h.OrgPath }).SingleOrDefaultAsync(ct)
            : null;
        target ??= await db.OrgUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(u => u.Id == flag.ClaimingUnitId)
            .Select(u => new { HouseId = (long?)null, UnitId = u.Id, u.OrgPath }).SingleAsync(ct);

        var changes = new ResidentChangeSet();
        if (r.HouseholdId is { } householdId)
        {
            var household = await db.Households.SingleOrDefaultAsync(h => h.Id == householdId, ct);
            if (household?.HeadResidentId == r.Id)
            {
                if (await db.Residents.AnyAsync(m => m.HouseholdId == householdId && m.Id != r.Id && m.Status == ResidentStatus.Active, ct))
                    throw new BusinessRuleException("resident.is-head", Loc.T("此人是户主，请先为该户变更户主。", "This person is the head of the household; change the head first."));
                household.HeadResidentId = null;
            }
            changes.Add("householdId", await Addresses.OfHouseAsync(db, household?.HouseId, ct), null);
            r.HouseholdId = null;
            changes.Set("relationship", r.Relationship, null, x => r.Relationship = x);
        }
        if (r.HouseId != target.HouseId)
        {
            changes.Add("houseId", await Addresses.OfHouseAsync(db, r.HouseId, ct), view.ClaimedAddress);
            r.HouseId = target.HouseId;
        }
        if (r.OrgUnitId != target.UnitId)
        {
            var names = await db.OrgUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(u => u.Id == r.OrgUnitId || u.Id == target.UnitId)
                .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            changes.Add("orgUnitId", names.GetValueOrDefault(r.OrgUnitId), names.GetValueOrDefault(target.UnitId));
            r.OrgUnitId = target.UnitId;
        }
        changes.Add("duplicateCase", null, $"#{caseId}");
        r.OrgPath = target.OrgPath;
        changes.WriteTo(db, r, time);
        await DuplicateCases.ResolveAsync(db, time, caseId, DuplicateStatus.Moved, Cut(note), ct);
        db.AuditAction = "Resident.DuplicateMove";

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await ResidentPaths.FollowResidentAsync(db, r.Id, target.OrgPath, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return true;
    }

    static BusinessRuleException AlreadyResolved() =>
        new("duplicate.resolved", Loc.T("此疑似重复已处理。", "This suspected duplicate has already been resolved."));

    static string? Cut(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim() is { Length: > 500 } t ? t[..500] : s.Trim();
}
