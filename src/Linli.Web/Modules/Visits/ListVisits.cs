using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Visits;

// 走访记录查询 GET /api/v1/visits: current versions in scope, newest first, by worker, unit, household and period.
public static class ListVisits
{
    public sealed record Item(long Id, long HouseholdId, string? Address, string WorkerId, string WorkerName, DateTime VisitedAt,
        VisitType Type, string Situation, bool HasRequests, bool FollowUpNeeded, int Version);

    public static void Map(RouteGroupBuilder visits) =>
        visits.MapGet("/", Handle).WithName("Visits_List")
            .WithSummary("Visits in scope (current versions), filtered by workerId, orgUnitId, householdId, from and to (dates, inclusive)");

    static async Task<Results<Ok<Paged<Item>>, NotFound>> Handle(string? workerId, long? orgUnitId, long? householdId, DateOnly? from, DateOnly? to,
        int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        await QueryAsync(db, workerId, orgUnitId, householdId, from, to, page, pageSize, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    /// <summary>Null when <paramref name="orgUnitId"/> is not a unit the caller can see.</summary>
    public static async Task<Paged<Item>?> QueryAsync(AppDbContext db, string? workerId, long? orgUnitId, long? householdId, DateOnly? from, DateOnly? to,
        int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Visits.AsNoTracking().Where(v => v.SupersededById == null);
        if (workerId is not null) query = query.Where(v => v.WorkerId == workerId);
        if (householdId is not null) query = query.Where(v => v.HouseholdId == householdId);
        if (orgUnitId is not null)
        {
            var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == orgUnitId).Select(u => u.OrgPath).SingleOrDefaultAsync(ct);
            if (unit is null) return null;
            query = query.Where(v => v.OrgPath.StartsWith(unit));
        }
        if (from is { } f) query = query.Where(v => v.VisitedAt >= f.ToDateTime(TimeOnly.MinValue));
        if (to is { } t) query = query.Where(v => v.VisitedAt < t.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var paged = await query.OrderByDescending(v => v.VisitedAt).ThenByDescending(v => v.Id)
            .Select(v => new { v.Id, v.HouseholdId, v.HouseId, v.WorkerId, v.WorkerName, v.VisitedAt, v.Type, v.Situation, v.RequestsHeard, v.FollowUp, v.Version })
            .ToPagedAsync(page, pageSize, ct);
        var addresses = await Addresses.LoadAsync(db, paged.Items.Select(v => v.HouseId), ct);
        return new Paged<Item>(paged.Items.Select(v => new Item(v.Id, v.HouseholdId, addresses.GetValueOrDefault(v.HouseId),
            v.WorkerId, v.WorkerName, v.VisitedAt, v.Type, v.Situation, v.RequestsHeard is not null, v.FollowUp is not null, v.Version)).ToList(), paged.Total);
    }
}
