using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 诉求详情 GET /api/v1/matters/{id}: the matter in scope with its whole timeline; the reporter's contact masked.
public static class GetMatter
{
    public sealed record Step(long Id, MatterEventType Type, string ActorName, DateTime At, string? Note, bool IsPublic);

    public sealed record View(long Id, string TicketNumber, MatterChannel Channel, long CategoryId, string CategoryName, string Description,
        string? Address, long? HouseId, double? Latitude, double? Longitude, long? ResidentId, string? ReporterName, string? ReporterContact,
        bool AnonymousToPublic, string? OnBehalfReason, MatterUrgency Urgency, MatterState State, long RegisteredByUnitId, string? RegisteredByUnitName,
        long? HandlingUnitId, long? HandlingDepartmentId, DateTime? AcceptDueAt, DateTime? ResolveDueAt, DateTime CreatedAt, string CreatedByName,
        IReadOnlyList<Step> Timeline, MatterFlowView? Flow = null,
        IReadOnlyList<LinkedMatters.Duplicate>? Duplicates = null, // 并案: their reporters get this one's result too
        IReadOnlyList<long>? PhotoIds = null);

    public static void Map(RouteGroupBuilder matters) =>
        matters.MapGet("/{id:long}", Handle).WithName("Matters_Get").WithSummary("A matter in scope with its timeline (public replies and staff notes)");

    static async Task<Results<Ok<View>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    public static async Task<View?> LoadAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var m = await db.Matters.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var steps = await db.MatterEvents.AsNoTracking().Where(e => e.MatterId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new Step(e.Id, e.Type, e.ActorName, e.At, e.Note, e.IsPublic)).ToListAsync(ct);
        var unitName = await db.OrgUnits.AsNoTracking().Where(u => u.Id == m.RegisteredByUnitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        return ToView(m, unitName, steps, await MatterFlowView.LoadAsync(db, m, ct), (await LinkedMatters.LoadAsync(db, id, ct))?.Items,
            await MatterPhotos.IdsAsync(db, id, ct));
    }

    public static View ToView(Matter m, string? unitName, IReadOnlyList<Step> steps, MatterFlowView flow,
        IReadOnlyList<LinkedMatters.Duplicate>? duplicates, IReadOnlyList<long> photoIds) =>
        new(m.Id, m.TicketNumber, m.Channel, m.CategoryId, m.CategoryName, m.Description, m.Address, m.HouseId, m.Latitude, m.Longitude,
            m.ReporterResidentId, m.ReporterName, m.ReporterContactMasked, m.AnonymousToPublic, m.OnBehalfReason, m.Urgency, m.State,
            m.RegisteredByUnitId, unitName, m.HandlingUnitId, m.HandlingDepartmentId, m.AcceptDueAt, m.ResolveDueAt, m.CreatedAt, m.CreatedByName, steps,
            flow, duplicates, photoIds);
}
