using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Visits;

// 记录走访 POST /api/v1/visits: the caller records a visit to a household they look after; and corrections, which
// add a version and keep the original readable.
public static class RecordVisit
{
    public sealed record Correction(VisitForm Visit, string? Reason);

    public static void Map(RouteGroupBuilder visits)
    {
        visits.MapPost("/", Create).RequireAuthorization(Permissions.VisitsRecord)
            .WithName("Visits_Record").WithSummary("Record a visit to a household in the caller's grids (the caller is the worker); "
                + "with `matter`, the request heard is registered as a matter in the same step (its ticket and tracking token answered once)");
        visits.MapPost("/{id:long}/corrections", Correct).RequireAuthorization(Permissions.VisitsRecord)
            .WithName("Visits_Correct").WithSummary("Correct a visit: a new version replaces it, the original stays readable");
    }

    static async Task<Results<Created<GetVisit.View>, NotFound>> Create(VisitForm form, AppDbContext db, FieldProtector protector, TimeProvider time,
        CancellationToken ct)
    {
        var saved = await VisitMatter.RecordAsync(db, protector, time, form, ct);
        if (saved is null) return TypedResults.NotFound();
        var view = (await GetVisit.LoadAsync(db, saved.Visit.Id, ct))! with { MatterTrackingToken = saved.TrackingToken };
        return TypedResults.Created($"/api/v1/visits/{saved.Visit.Id}", view);
    }

    static async Task<Results<Created<GetVisit.View>, NotFound>> Correct(long id, Correction request, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var earlier = await db.Visits.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (earlier is null) return TypedResults.NotFound();
        var visit = await SaveAsync(db, time, request.Visit, earlier, request.Reason, ct);
        if (visit is null) return TypedResults.NotFound();
        return TypedResults.Created($"/api/v1/visits/{visit.Id}", (await GetVisit.LoadAsync(db, visit.Id, ct))!);
    }

    /// <summary>Null when the household (or resident) is not visible to the caller.</summary>
    public static async Task<Visit?> SaveAsync(AppDbContext db, TimeProvider time, VisitForm form, Visit? earlier, string? reason, CancellationToken ct)
    {
        var now = time.GetLocalNow().DateTime;
        if (earlier is not null)
        {
            form.HouseholdId ??= earlier.HouseholdId;
            if (string.IsNullOrWhiteSpace(reason))
                throw new FieldErrorsException(new Dictionary<string, string[]> { ["reason"] = [Loc.T("请说明更正原因。", "State why the visit is corrected.")] });
            if (earlier.WorkerId != db.CurrentUser.UserId)
                throw new BusinessRuleException("visit.not-yours", Loc.T("只能更正本人记录的走访。", "Only the worker who recorded a visit corrects it."),
                    StatusCodes.Status403Forbidden);
            if (!earlier.IsCurrent)
                throw new BusinessRuleException("visit.superseded", Loc.T("该记录已被更正，请在最新版本上更正。", "This version was already corrected; correct the latest one."));
            if (form.HouseholdId != earlier.HouseholdId)
                throw new BusinessRuleException("visit.household-fixed", Loc.T("更正不能改变走访的住户，请另行记录。", "A correction cannot change the household; record a new visit."),
                    StatusCodes.Status422UnprocessableEntity, "householdId");
        }
        // A correction may keep the time of a visit recorded long ago.
        var v = form.Check(now, earlier?.VisitedAt);
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == v.HouseholdId, ct);
        if (household is null) return null;
        if (v.ResidentId is { } residentId)
        {
            var resident = await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => new { r.HouseholdId, r.HouseId }).SingleOrDefaultAsync(ct);
            if (resident is null) return null;
            if (resident.HouseholdId != household.Id && resident.HouseId != household.HouseId)
                throw new BusinessRuleException("visit.resident-elsewhere", Loc.T("该居民不住在这一户。", "The resident does not live in this household."),
                    StatusCodes.Status422UnprocessableEntity, "residentId");
        }
        var worker = await WorkerHouseholds.FindAsync(db, db.CurrentUser.UserId!, ct);
        if (worker is null || !await WorkerHouseholds.CoversAsync(db, worker, household.Id, ct))
            throw new BusinessRuleException("visit.outside-grids", Loc.T("这一户不在您负责的网格内。", "This household is not in your grids."),
                StatusCodes.Status422UnprocessableEntity, "householdId");

        var visit = new Visit
        {
            HouseholdId = household.Id, ResidentId = v.ResidentId, HouseId = household.HouseId,
            WorkerId = worker.Id, WorkerName = worker.Name, VisitedAt = v.VisitedAt, Type = v.Type,
            PeopleMet = v.PeopleMet, Situation = v.Situation, RequestsHeard = v.RequestsHeard, HelpGiven = v.HelpGiven,
            FollowUp = v.FollowUp, Latitude = v.Latitude, Longitude = v.Longitude, MatterId = earlier?.MatterId,
            RecordedAt = time.GetUtcNow().UtcDateTime, OrgUnitId = household.OrgUnitId, OrgPath = household.OrgPath,
            Version = (earlier?.Version ?? 0) + 1, OriginalId = earlier?.OriginalId ?? earlier?.Id, CorrectionReason = reason?.Trim(),
        };
        db.Visits.Add(visit);
        if (earlier is not null) earlier.SupersededBy = visit;
        db.AuditAction = earlier is null ? "Visit.Record" : "Visit.Correct";
        await db.SaveChangesAsync(ct);
        return visit;
    }
}
