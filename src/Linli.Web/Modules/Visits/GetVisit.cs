using Linli.Data;
using Linli.Modules.Residents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Visits;

// 走访详情 one visit version with the chain of versions it belongs to (original first) and its photos.
public static class GetVisit
{
    public sealed record VersionRef(long Id, int Version, DateTime RecordedAt, string? CorrectionReason, bool Current);

    public sealed record View(long Id, long HouseholdId, string? Address, long? ResidentId, string WorkerId, string WorkerName,
        DateTime VisitedAt, VisitType Type, string PeopleMet, string Situation, string? RequestsHeard, string? HelpGiven,
        string? FollowUp, double? Latitude, double? Longitude, int Version, bool Current, long? SupersededById,
        DateTime RecordedAt, string? CorrectionReason, long OrgUnitId, IReadOnlyList<long> PhotoIds, IReadOnlyList<VersionRef> Versions,
        long? MatterId = null, string? MatterTicketNumber = null, string? MatterTrackingToken = null); // the token only when the visit registered it

    public static void Map(RouteGroupBuilder visits) =>
        visits.MapGet("/{id:long}", Handle).WithName("Visits_Get").WithSummary("A visit version, its photos and all versions of it");

    static async Task<Results<Ok<View>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    public static async Task<View?> LoadAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var v = await db.Visits.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (v is null) return null;
        var originalId = v.OriginalId ?? v.Id;
        var versions = await db.Visits.AsNoTracking().Where(x => x.Id == originalId || x.OriginalId == originalId).OrderBy(x => x.Version)
            .Select(x => new VersionRef(x.Id, x.Version, x.RecordedAt, x.CorrectionReason, x.SupersededById == null)).ToListAsync(ct);
        var versionIds = versions.Select(x => x.Id).ToList();
        var ticket = v.MatterId is { } mid ? await db.Matters.AsNoTracking().Where(m => m.Id == mid).Select(m => m.TicketNumber).SingleOrDefaultAsync(ct) : null;
        var photos = await db.VisitPhotos.AsNoTracking().Where(p => versionIds.Contains(p.VisitId)).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return new View(v.Id, v.HouseholdId, await Addresses.OfHouseAsync(db, v.HouseId, ct), v.ResidentId, v.WorkerId, v.WorkerName,
            v.VisitedAt, v.Type, v.PeopleMet, v.Situation, v.RequestsHeard, v.HelpGiven, v.FollowUp, v.Latitude, v.Longitude,
            v.Version, v.IsCurrent, v.SupersededById, v.RecordedAt, v.CorrectionReason, v.OrgUnitId, photos, versions, v.MatterId, ticket);
    }
}
