using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 并案清单 GET /api/v1/matters/{id}/duplicates: the matters linked into this one, with their reporters (contact masked),
// so the result and the follow-up (回访) reach every resident who raised the problem; and the primary a duplicate follows.
public static class LinkedMatters
{
    public sealed record Duplicate(long Id, string TicketNumber, DateTime CreatedAt, MatterChannel Channel, long? ReporterResidentId,
        string? ReporterName, string? ReporterContact, DateTime? LinkedAt);

    public sealed record Links(PrimaryRef? Primary, IReadOnlyList<Duplicate> Items, int Total);

    public sealed record PrimaryRef(long Id, string TicketNumber, MatterState State);

    public static void Map(RouteGroupBuilder matters) =>
        matters.MapGet("/{id:long}/duplicates", Handle)
            .WithName("Matters_Duplicates").WithSummary("The matters linked into this one (their reporters get its result) and the primary it follows, if linked");

    static async Task<Results<Ok<Links>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } links ? TypedResults.Ok(links) : TypedResults.NotFound();

    /// <summary>Null when the matter is not visible. Duplicates outside the caller's scope are left out.</summary>
    public static async Task<Links?> LoadAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var m = await db.Matters.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.DuplicateOfId }).SingleOrDefaultAsync(ct);
        if (m is null) return null;
        var primary = m.DuplicateOfId is { } pid
            ? await db.Matters.AsNoTracking().Where(x => x.Id == pid).Select(x => new PrimaryRef(x.Id, x.TicketNumber, x.State)).SingleOrDefaultAsync(ct)
            : null;
        var items = await db.Matters.AsNoTracking().Where(x => x.DuplicateOfId == id).OrderBy(x => x.CreatedAt)
            .Select(x => new Duplicate(x.Id, x.TicketNumber, x.CreatedAt, x.Channel, x.ReporterResidentId, x.ReporterName, x.ReporterContactMasked, x.ClosedAt))
            .ToListAsync(ct);
        return new Links(primary, items, items.Count);
    }
}
