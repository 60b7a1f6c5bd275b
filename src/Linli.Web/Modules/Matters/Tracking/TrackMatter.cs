using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 诉求查询 GET /api/public/matters/track: anyone holding a ticket number and its token sees the state, the category and
// the public steps and replies; never the reporter, staff notes or anything else. A wrong token is just "not found".
public static class TrackMatter
{
    public sealed record PublicStep(MatterEventType Type, DateTime At, string? Note);

    public sealed record PublicView(string TicketNumber, MatterState State, string CategoryName, DateTime CreatedAt, IReadOnlyList<PublicStep> Steps,
        LinkedPrimary? LinkedTo = null);

    /// <summary>并案: the matter a linked duplicate follows; its state and public steps are the reporter's answer too.</summary>
    public sealed record LinkedPrimary(string TicketNumber, MatterState State, IReadOnlyList<PublicStep> Steps);

    public static void Map(WebApplication app) =>
        app.MapGet("/api/public/matters/track", Handle).AllowAnonymous().RequireRateLimiting(MattersIntakeModule.TrackingRateLimit)
            .WithTags("Matters").WithName("Matters_Track").WithSummary("Public tracking by ticket number and token (no sign-in; rate-limited)");

    static async Task<Results<Ok<PublicView>, NotFound>> Handle(string? ticket, string? token, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, ticket, token, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    /// <summary>Null when the ticket is unknown or the token does not match: the caller cannot tell which.</summary>
    public static async Task<PublicView?> LoadAsync(AppDbContext db, string? ticket, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ticket) || string.IsNullOrWhiteSpace(token) || ticket.Length > 20 || token.Length > 100) return null;
        // The reporter is not signed in, so there is no scope: the token is the permission to see this one matter.
        var number = ticket.Trim().ToUpperInvariant();
        var m = await db.Matters.IgnoreQueryFilters().AsNoTracking().Where(x => x.TicketNumber == number)
            .Select(x => new { x.Id, x.TicketNumber, x.TrackingTokenHash, x.State, x.CategoryName, x.CreatedAt, x.DuplicateOfId }).SingleOrDefaultAsync(ct);
        var hash = m?.TrackingTokenHash ?? new string('0', 64); // compare anyway, so an unknown ticket costs the same
        if (!MatterTickets.Matches(token, hash) || m is null) return null;
        return await ViewAsync(db, m.Id, m.TicketNumber, m.State, m.CategoryName, m.CreatedAt, m.DuplicateOfId, ct);
    }

    /// <summary>The public view of a matter the caller has already shown to be theirs (the portal: their own report).</summary>
    public static async Task<PublicView> ViewAsync(AppDbContext db, Matter m, CancellationToken ct) =>
        await ViewAsync(db, m.Id, m.TicketNumber, m.State, m.CategoryName, m.CreatedAt, m.DuplicateOfId, ct);

    static async Task<PublicView> ViewAsync(AppDbContext db, long id, string ticket, MatterState state, string category, DateTime createdAt,
        long? duplicateOfId, CancellationToken ct)
    {
        var steps = await PublicStepsAsync(db, id, ct);
        LinkedPrimary? linkedTo = null;
        if (duplicateOfId is { } primaryId
            && await db.Matters.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == primaryId).Select(x => new { x.TicketNumber, x.State }).SingleOrDefaultAsync(ct) is { } p)
            linkedTo = new LinkedPrimary(p.TicketNumber, p.State, await PublicStepsAsync(db, primaryId, ct));
        return new PublicView(ticket, state, category, createdAt, steps, linkedTo);
    }

    static Task<List<PublicStep>> PublicStepsAsync(AppDbContext db, long matterId, CancellationToken ct) =>
        db.MatterEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.MatterId == matterId && e.IsPublic)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new PublicStep(e.Type, e.At, e.Note)).ToListAsync(ct);
}
