using System.Threading.RateLimiting;
using Linli.Platform.Auth;
using Linli.Platform.Idempotency;

namespace Linli.Modules.Matters;

// 民情诉求 intake: registration from every channel, the lists and the detail with its timeline, and public tracking.
public static class MattersIntakeModule
{
    public const string TrackingRateLimit = "matters-track";

    public static IServiceCollection AddMattersIntake(this IServiceCollection services, IConfiguration configuration)
    {
        // Tracking is anonymous: a per-address limit keeps ticket and token guessing slow.
        var perMinute = configuration.GetValue("Matters:TrackPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(TrackingRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static RouteGroupBuilder MapMattersApi(this RouteGroupBuilder group)
    {
        group.WithTags("Matters").RequireAuthorization(Permissions.MattersRead);
        ListMatters.Map(group);
        GetMatter.Map(group);
        RegisterMatter.Map(group.MapGroup("").WithIdempotency<MatterForm>()); // a retried POST with the same Idempotency-Key registers once
        AddMatterNote.Map(group);
        MatterPhotos.Map(group);
        MatterQueue.Map(group);
        Stats.MatterStats.Map(group);
        Stats.SupervisionBoard.Map(group);
        FindSimilarMatters.Map(group);
        LinkMatter.Map(group);
        LinkedMatters.Map(group);
        MatterActionsApi.Map(group);
        return group;
    }

    /// <summary>The public tracking endpoint, outside /api/v1 and its sign-in.</summary>
    public static void MapMattersTracking(this WebApplication app)
    {
        TrackMatter.Map(app);
        RateMatter.Map(app);
    }
}
