using Linli.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Linli.Platform.Hosting;

public static class HostingSetup
{
    public static IServiceCollection AddLinliHosting(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Linli 邻里 API";
            doc.Info.Description = "Community governance and service platform. Authenticate with POST /api/v1/auth/token and send `Authorization: Bearer <token>`.";
            return Task.CompletedTask;
        }));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("zh-CN").AddSupportedCultures(Loc.SupportedCultures).AddSupportedUICultures(Loc.SupportedCultures);
            // Only the explicit switch changes the language; zh-CN otherwise, whatever the browser says.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddHostedService<StartupTasks>();
        services.Configure<DemoOptions>(config.GetSection("Demo"));
        return services;
    }

    public static void MapLinliHosting(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-docs", o => o
            .WithTitle("Linli API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()).AllowAnonymous();

        // Language switch: sets the culture cookie and goes back to where the user was.
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            var culture = Loc.SupportedCultures.Contains(c) ? c : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } u && u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) ? u : "/");
        }).AllowAnonymous().ExcludeFromDescription();
    }
}

// Ready = the database answers and has every migration applied.
sealed class DatabaseReadyCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("Database unreachable.");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending.Count} migrations pending.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Database check failed.", e);
        }
    }
}

public sealed class DemoOptions
{
    public bool? Enabled { get; set; }
    public string Password { get; set; } = "Demo@12345";
    public string Open311ApiKey { get; set; } = "demo-open311-key";
    public int Residents { get; set; } = 50_000; // about how many demo residents to seed
    public int Matters { get; set; } = 6_000;    // demo matters over the year before the first start
}
