using Linli.Data;
using Linli.Modules.Matters.Calendar;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 居民评价 POST /api/public/matters/rate: the reporter, holding the ticket number and token, rates the verified result
// once; "not satisfied" reopens the matter (重办). A wrong token is "not found", as in tracking.
public static class RateMatter
{
    public sealed record Request(string? TicketNumber, string? Token, MatterSatisfaction? Satisfaction, string? Comment);

    public static void Map(WebApplication app) =>
        app.MapPost("/api/public/matters/rate", Handle).AllowAnonymous().RequireRateLimiting(MattersIntakeModule.TrackingRateLimit)
            .WithTags("Matters").WithName("Matters_Rate").WithSummary("The reporter rates the result by ticket number and token (no sign-in; rate-limited)");

    static async Task<Results<Ok<TrackMatter.PublicView>, NotFound>> Handle(Request request, AppDbContext db, WorkCalendar calendar, TimeProvider time,
        CancellationToken ct)
    {
        if (!await SaveAsync(db, calendar, time, request, ct)) return TypedResults.NotFound();
        return await TrackMatter.LoadAsync(db, request.TicketNumber, request.Token, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();
    }

    /// <summary>False when no matter matches the ticket and token.</summary>
    public static async Task<bool> SaveAsync(AppDbContext db, WorkCalendar calendar, TimeProvider time, Request request, CancellationToken ct)
    {
        var m = await FindAsync(db, request.TicketNumber, request.Token, ct);
        if (m is null) return false;
        await MatterActions.RateAsync(db, calendar, time, m, Check(request.Satisfaction, request.Comment), request.Comment, ct);
        return true;
    }

    /// <summary>The verdict, or field errors: a verdict is required and a comment has at most 500 characters (tracking and portal alike).</summary>
    public static MatterSatisfaction Check(MatterSatisfaction? satisfaction, string? comment)
    {
        var errors = new Dictionary<string, string[]>();
        if (satisfaction is null) errors["satisfaction"] = [Loc.T("请选择满意程度。", "Choose how satisfied you are.")];
        if (comment?.Trim().Length > 500) errors["comment"] = [Loc.T("意见不超过 500 字。", "The comment has at most 500 characters.")];
        FieldErrorsException.ThrowIfAny(errors);
        return satisfaction!.Value;
    }

    /// <summary>Whether the reporter may rate now (the tracking page shows the form then).</summary>
    public static async Task<bool> CanRateAsync(AppDbContext db, string? ticket, string? token, CancellationToken ct) =>
        await FindAsync(db, ticket, token, ct) is { } m && m.RatedAt is null
        && MatterWorkflow.Allows(m.State, MatterAction.Rate, MatterRelation.Resident, official: false);

    static async Task<Matter?> FindAsync(AppDbContext db, string? ticket, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ticket) || string.IsNullOrWhiteSpace(token) || ticket.Length > 20 || token.Length > 100) return null;
        // No sign-in, so no scope: the token is the permission to act on this one matter.
        var number = ticket.Trim().ToUpperInvariant();
        var m = await db.Matters.IgnoreQueryFilters().SingleOrDefaultAsync(x => x.TicketNumber == number, ct);
        return MatterTickets.Matches(token, m?.TrackingTokenHash ?? new string('0', 64)) && m is not null ? m : null;
    }
}
