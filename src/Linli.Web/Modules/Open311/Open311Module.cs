using System.Threading.RateLimiting;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;

namespace Linli.Modules.Open311;

// Open311 GeoReport v2 at /open311/v2, and the security admin's client systems (api keys) under /api/v1/open311/clients.
public static class Open311Module
{
    public const string RateLimit = "open311";

    public static IServiceCollection AddOpen311(this IServiceCollection services, IConfiguration configuration)
    {
        // Anonymous and city-wide: a per-address limit keeps scraping and key guessing slow.
        var perMinute = configuration.GetValue("Open311:RequestsPerMinute", 300);
        services.AddRateLimiter(o => o.AddPolicy(RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    /// <summary>Public: GETs need no key; POST checks its api_key in the handler (the spec's 403 error list).</summary>
    public static RouteGroupBuilder MapOpen311Api(this RouteGroupBuilder group)
    {
        group.AllowAnonymous().RequireRateLimiting(RateLimit).WithTags("Open311");
        Open311Services.Map(group);
        GetServiceRequests.Map(group);
        PostServiceRequest.Map(group);
        ServiceRequestUpdates.Map(group);
        return group;
    }

    public static RouteGroupBuilder MapOpen311ClientsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Open311").RequireAuthorization(Permissions.Open311Clients);
        Open311Clients.Map(group);
        return group;
    }

    /// <summary>Demo mode: one client bound to the demo city whose key is Demo:Open311ApiKey; once.</summary>
    public static async Task SeedDemoClientAsync(AppDbContext db, string cityCode, string key, TimeProvider time, CancellationToken ct)
    {
        var hash = Open311Client.Hash(key);
        if (await db.Set<Open311Client>().AnyAsync(c => c.KeyHash == hash, ct)) return;
        var city = await db.OrgUnits.AsNoTracking().Where(u => u.Code == cityCode && u.Level == OrgLevel.City).Select(u => new { u.Id, u.OrgPath }).SingleAsync(ct);
        Open311Clients.Add(db, "演示 Open311 客户端 Demo Open311 client", city.Id, city.OrgPath, key, time.GetUtcNow().UtcDateTime);
        db.AuditAction = "Demo.Seed";
        await db.SaveChangesAsync(ct);
    }
}
