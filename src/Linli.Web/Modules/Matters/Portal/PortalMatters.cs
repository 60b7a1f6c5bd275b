using Linli.Data;
using Linli.Modules.Matters.Calendar;
using Linli.Platform.Api;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 居民门户·我的诉求 /api/v1/portal/matters: a signed-in resident reports a problem online (channel 网上), follows their own
// reports (public steps only, as tracking shows them) and rates the result. Only what the resident reported, never
// other people's matters, even in their own community.
public static class PortalMatters
{
    public sealed record Report(long? CategoryId, string? Description, string? Address, double? Latitude, double? Longitude,
        string? Contact, bool AnonymousToPublic);

    public sealed record Reported(string TicketNumber, string TrackingToken, long Id);

    public sealed record Item(long Id, string TicketNumber, string CategoryName, string Description, MatterState State, DateTime CreatedAt);

    public sealed record Rating(MatterSatisfaction? Satisfaction, string? Comment);

    public static RouteGroupBuilder MapPortalMattersApi(this RouteGroupBuilder group)
    {
        group.WithTags("Portal").RequireAuthorization(Permissions.Portal);
        group.MapGet("/", (int? page, int? pageSize, AppDbContext db, CancellationToken ct) => ListAsync(db, page, pageSize, ct))
            .WithName("Portal_Matters").WithSummary("The matters I reported, newest first");
        group.MapGet("/{id:long}", GetAsync).WithName("Portal_Matter").WithSummary("One of my matters: state and public steps");
        group.MapPost("/", ReportAsync).WithName("Portal_Report").WithSummary("Report a problem online; answers the ticket number and tracking token");
        group.MapPost("/{id:long}/rate", RateAsync).WithName("Portal_Rate").WithSummary("Rate the verified result of one of my matters; not satisfied reopens it");
        return group;
    }

    public static async Task<Paged<Item>> ListAsync(AppDbContext db, int? page, int? pageSize, CancellationToken ct)
        => await Mine(db).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new Item(m.Id, m.TicketNumber, m.CategoryName, m.Description, m.State, m.CreatedAt)).ToPagedAsync(page, pageSize, ct);

    static async Task<Results<Ok<TrackMatter.PublicView>, NotFound>> GetAsync(long id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    public static async Task<TrackMatter.PublicView?> LoadAsync(AppDbContext db, long id, CancellationToken ct) =>
        await Mine(db).AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is { } m ? await TrackMatter.ViewAsync(db, m, ct) : null;

    static async Task<Results<Created<Reported>, NotFound>> ReportAsync(Report report, AppDbContext db, FieldProtector protector, TimeProvider time,
        CancellationToken ct)
    {
        var saved = await SaveAsync(db, protector, time, report, ct);
        return saved is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/portal/matters/{saved.Id}", saved);
    }

    /// <summary>The new report (with its photo, already checked, if any); null when it could not be registered.</summary>
    public static async Task<Reported?> SaveAsync(AppDbContext db, FieldProtector protector, TimeProvider time, Report report, CancellationToken ct,
        (byte[] Data, string ContentType)? photo = null)
    {
        var me = db.CurrentUser;
        var name = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var form = new MatterForm
        {
            Channel = nameof(MatterChannel.Web), CategoryId = report.CategoryId, Description = report.Description, Address = report.Address,
            Latitude = report.Latitude, Longitude = report.Longitude, ReporterName = name ?? me.UserName, ReporterContact = report.Contact,
            AnonymousToPublic = report.AnonymousToPublic,
        };
        if (await RegisterMatter.SaveAsync(db, protector, time, form, ct) is not { } saved) return null;
        if (photo is { } p) await MatterPhotos.AddAsync(db, time, saved.Matter, p.Data, p.ContentType, ct);
        return new Reported(saved.Matter.TicketNumber, saved.Token, saved.Matter.Id);
    }

    static async Task<Results<Ok<TrackMatter.PublicView>, NotFound, ValidationProblem>> RateAsync(long id, Rating rating, AppDbContext db,
        WorkCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        if (!await SaveRatingAsync(db, calendar, time, id, rating, ct)) return TypedResults.NotFound();
        return TypedResults.Ok((await LoadAsync(db, id, ct))!);
    }

    /// <summary>False when the matter is not one of mine.</summary>
    public static async Task<bool> SaveRatingAsync(AppDbContext db, WorkCalendar calendar, TimeProvider time, long id, Rating rating, CancellationToken ct)
    {
        var m = await Mine(db).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return false;
        await MatterActions.RateAsync(db, calendar, time, m, RateMatter.Check(rating.Satisfaction, rating.Comment), rating.Comment, ct);
        return true;
    }

    public static async Task<bool> CanRateAsync(AppDbContext db, long id, CancellationToken ct) =>
        await Mine(db).AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is { } m && m.RatedAt is null
        && MatterWorkflow.Allows(m.State, MatterAction.Rate, MatterRelation.Resident, official: false);

    // The scope filter already limits the resident to their community; this limits them to their own reports.
    static IQueryable<Matter> Mine(AppDbContext db)
    {
        var me = db.CurrentUser.UserId;
        return db.Matters.Where(m => me != null && m.CreatedById == me);
    }
}
