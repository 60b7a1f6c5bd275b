using Linli.Data;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 户籍变动记录 a resident's life events, newest first: the day each happened, from where to where.
public static class ListResidentEvents
{
    public sealed record Row(long Id, LifeEventType Type, DateOnly Date, string? From, string? To, string? Note, string? RecordedBy, DateTime RecordedAt);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapGet("/{id:long}/events", Handle)
            .WithName("Residents_Events")
            .WithSummary("The resident's life events (迁入, 迁出, 市内迁移, 出生, 死亡, 分户, 变更户主), newest first");

    static async Task<Results<Ok<Paged<Row>>, NotFound>> Handle(long id, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Residents.AnyAsync(r => r.Id == id, ct)) return TypedResults.NotFound();
        var rows = await LoadAsync(db, id, ct);
        return TypedResults.Ok(new Paged<Row>(rows, rows.Count));
    }

    public static async Task<IReadOnlyList<Row>> LoadAsync(AppDbContext db, long residentId, CancellationToken ct) =>
        await db.ResidentEvents.AsNoTracking().Where(e => e.ResidentId == residentId)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Take(100)
            .Select(e => new Row(e.Id, e.Type, e.Date, e.From, e.To, e.Note, e.RecordedBy, e.RecordedAt)).ToListAsync(ct);
}
