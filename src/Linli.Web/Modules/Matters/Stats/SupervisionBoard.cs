using Linli.Data;
using Linli.Platform.Api;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters.Stats;

// 督办看板 GET /api/v1/matters/supervision: open matters in scope that are overdue (red), warned (yellow) or under 督办,
// counted per handling unit (the owner until a unit accepts it), and one page of them, oldest running deadline first.
public static class SupervisionBoard
{
    public sealed record Group(long UnitId, string UnitName, int Total, int Overdue, int Warned, int Supervised, DateTime? OldestDueAt);
    public sealed record Item(long Id, string TicketNumber, string CategoryName, string Description, MatterState State, DeadlineLight Light,
        DateTime? DueAt, bool Supervised, long HandlingUnitId, string HandlingUnitName, DateTime CreatedAt);
    public sealed record View(IReadOnlyList<Group> Groups, Paged<Item> Matters);

    public static void Map(RouteGroupBuilder matters) =>
        matters.MapGet("/supervision", Handle).WithName("Matters_Supervision").RequireAuthorization(Permissions.MattersSupervise)
            .WithSummary("Open matters in scope that are overdue, warned or supervised: counts per handling unit, then the matters oldest due first (filter handlingUnitId)");

    static async Task<Ok<View>> Handle(long? handlingUnitId, int? page, int? pageSize, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(db, time, handlingUnitId, page, pageSize, ct));

    public static async Task<View> LoadAsync(AppDbContext db, TimeProvider time, long? handlingUnitId, int? page, int? pageSize, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var board = db.Matters.AsNoTracking().WhereNeedsSupervision(now);
        var awaiting = MatterMetrics.AwaitingStates;
        var handling = MatterMetrics.HandlingStates;
        var counts = await board.GroupBy(m => m.HandlingUnitId ?? m.RegisteredByUnitId).Select(g => new
        {
            g.Key, Total = g.Count(),
            Overdue = g.Count(m => (awaiting.Contains(m.State) && m.AcceptDueAt < now) || (handling.Contains(m.State) && m.ResolveDueAt < now)),
            Warned = g.Count(m => m.WarnedAt != null
                && ((awaiting.Contains(m.State) && m.AcceptDueAt >= now) || (handling.Contains(m.State) && m.ResolveDueAt >= now))),
            Supervised = g.Count(m => m.Supervised),
            OldestAccept = g.Where(m => awaiting.Contains(m.State)).Min(m => m.AcceptDueAt),
            OldestResolve = g.Where(m => handling.Contains(m.State)).Min(m => m.ResolveDueAt),
        }).ToListAsync(ct);
        var filtered = handlingUnitId is { } h ? board.Where(m => (m.HandlingUnitId ?? m.RegisteredByUnitId) == h) : board;
        var rows = await filtered
            .Select(m => new
            {
                m.Id, m.TicketNumber, m.CategoryName, m.Description, m.State, m.AcceptDueAt, m.ResolveDueAt, m.WarnedAt, m.Supervised,
                Handler = m.HandlingUnitId ?? m.RegisteredByUnitId, m.CreatedAt,
                Due = awaiting.Contains(m.State) ? m.AcceptDueAt : handling.Contains(m.State) ? m.ResolveDueAt : null,
            })
            .OrderBy(m => m.Due == null).ThenBy(m => m.Due).ThenBy(m => m.Id)
            .ToPagedAsync(page, pageSize, ct);
        var names = await MatterUnitNames.LoadAsync(db, counts.Select(c => c.Key).Concat(rows.Items.Select(r => r.Handler)), ct);
        var groups = counts.Select(c => new Group(c.Key, names.GetValueOrDefault(c.Key, "?"), c.Total, c.Overdue, c.Warned, c.Supervised,
                Min(c.OldestAccept, c.OldestResolve)))
            .OrderBy(g => g.OldestDueAt == null).ThenBy(g => g.OldestDueAt).ThenBy(g => g.UnitName, StringComparer.Ordinal).ToList();
        var items = rows.Items.Select(m => new Item(m.Id, m.TicketNumber, m.CategoryName, m.Description, m.State,
            MatterClock.Light(m.State, m.AcceptDueAt, m.ResolveDueAt, m.WarnedAt, now), m.Due, m.Supervised, m.Handler,
            names.GetValueOrDefault(m.Handler, "?"), m.CreatedAt)).ToList();
        return new View(groups, new Paged<Item>(items, rows.Total));
    }

    static DateTime? Min(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
