using Linli.Data;
using Linli.Modules.Matters.Stats;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 诉求列表 GET /api/v1/matters: matters in scope, newest first, with the filters every dashboard number drills down to.
public static class ListMatters
{
    // Light and DueAt: the running deadline (MatterClock). HandlingUnit: who holds it now; the owner until a unit accepts it.
    public sealed record Item(long Id, string TicketNumber, MatterChannel Channel, string CategoryName, string Description,
        MatterUrgency Urgency, MatterState State, long RegisteredByUnitId, DateTime CreatedAt,
        DeadlineLight Light, DateTime? DueAt, long? HandlingUnitId, string? HandlingUnitName, bool Supervised);

    public static void Map(RouteGroupBuilder matters) =>
        matters.MapGet("/", Handle).WithName("Matters_List")
            .WithSummary("Matters in scope, newest first. Filters: orgUnitId (owner's subtree), ownerUnitId (exact owner), handlingUnitId, "
                + "from/to (registration dates, yyyy-MM-dd; for metric=escalated the date of the 上报 step), categoryId (with its sub-categories), "
                + "channel, state, overdue=true, light (None/Green/Yellow/Red), metric (a figure of /matters/stats: accepted, onTimeAccepted, "
                + "resolved, onTimeResolved, resolvedVerified, reworked, followedUp, satisfied, redone, escalated) and q (ticket or words)");

    static async Task<Results<Ok<Paged<Item>>, NotFound, ValidationProblem>> Handle(long? orgUnitId, string? from, string? to, long? categoryId,
        string? channel, string? state, bool? overdue, string? light, string? metric, long? ownerUnitId, long? handlingUnitId, string? q,
        int? page, int? pageSize, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = MatterFilter.Parse(errors, orgUnitId, from, to, categoryId, channel, state, overdue, light, metric, ownerUnitId, handlingUnitId, q);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return await QueryAsync(db, time, filter, page, pageSize, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();
    }

    /// <summary>One page of the filtered list; null when the filter's org unit is outside the caller's scope.</summary>
    public static async Task<Paged<Item>?> QueryAsync(AppDbContext db, TimeProvider time, MatterFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        var query = await filter.ApplyAsync(db, time, ct);
        if (query is null) return null;
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await UnfilteredTotalAsync(db, filter, ct) ?? await query.CountAsync(ct);
        // The page's ids first, then their rows: without further filters the ids come from the newest-first index alone
        // (PostgreSQL: an index-only scan), so the matters skipped to reach page 5 cost no heap visits.
        var pageIds = query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(m => m.Id).Skip((p - 1) * size).Take(size);
        var items = await db.Matters.Where(m => pageIds.Contains(m.Id)).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new
            {
                m.Id, m.TicketNumber, m.Channel, m.CategoryName, m.Description, m.Urgency, m.State, m.RegisteredByUnitId, m.CreatedAt,
                m.AcceptDueAt, m.ResolveDueAt, m.WarnedAt, m.HandlingUnitId, m.Supervised,
            })
            .ToListAsync(ct);
        var names = await MatterUnitNames.LoadAsync(db, items.Select(r => r.HandlingUnitId ?? r.RegisteredByUnitId), ct);
        var now = time.GetUtcNow().UtcDateTime;
        return new Paged<Item>([.. items.Select(m =>
        {
            var handler = m.HandlingUnitId ?? m.RegisteredByUnitId;
            return new Item(m.Id, m.TicketNumber, m.Channel, m.CategoryName, m.Description, m.Urgency, m.State, m.RegisteredByUnitId, m.CreatedAt,
                MatterClock.Light(m.State, m.AcceptDueAt, m.ResolveDueAt, m.WarnedAt, now), MatterClock.RunningDue(m.State, m.AcceptDueAt, m.ResolveDueAt),
                handler, names.GetValueOrDefault(handler), m.Supervised);
        })], total);
    }

    // An official's whole list (no filter) is counted without scanning it, which at city scale is millions of rows: the
    // matters owned in the subtree from the rollup (Σ received over all days; MatterRollupTests prove it equals the live
    // count) plus those handled in the subtree but owned outside it.
    static async Task<int?> UnfilteredTotalAsync(AppDbContext db, MatterFilter filter, CancellationToken ct)
    {
        var me = db.CurrentUser;
        if (filter != new MatterFilter() || !MatterStatsCounts.RollupServes(db) || me.OrgUnitId is not { } unitId || me.ScopePath is not { } path) return null;
        var owned = await db.MatterTallies.Where(t => t.UnitId == unitId).SumAsync(t => t.Received, ct);
        var handledHere = await db.Matters.CountAsync(m => m.HandlingPath != null && m.HandlingPath.StartsWith(path) && !m.OrgPath.StartsWith(path), ct);
        return owned + handledHere;
    }
}
