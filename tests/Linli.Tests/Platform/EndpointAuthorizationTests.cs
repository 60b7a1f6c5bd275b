using Linli.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

// Every endpoint and page names a policy (or roles); anonymous ones are few and listed here.
public sealed class EndpointAuthorizationTests(Apps apps)
{
    // Route patterns that may answer without sign-in.
    static readonly string[] AnonymousAllowed =
    [
        "/account/login", "/account/logout", "/account/logged-out", "/account/access-denied", "/not-found", "/error",
        "/health/live", "/health/ready", "/openapi/{documentName}.json", "/culture", "/api/v1/auth/token",
        "/_framework/opaque-redirect", // Blazor's redirect for enhanced navigation
        "/track", "/api/public/matters/track", // 诉求查询: the reporter tracks by ticket and token, rate-limited
        // Open311 GeoReport v2: public city-wide reads (public fields only) and POST whose api_key the handler checks; rate-limited
        "/open311/v2/discovery.{format}", "/open311/v2/services.{format}", "/open311/v2/services/{code}.{format}",
        "/open311/v2/requests.{format}", "/open311/v2/requests/{id}.{format}", "/open311/v2/tokens/{token}.{format}",
        "/open311/v2/servicerequestupdates.{format}",
        "/api/public/matters/rate",            // 居民评价: the reporter rates by ticket and token, rate-limited
    ];

    static bool IsAnonymousAllowed(RouteEndpoint e)
    {
        var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
        return AnonymousAllowed.Contains(pattern, StringComparer.OrdinalIgnoreCase)
            || pattern.StartsWith("/api-docs", StringComparison.OrdinalIgnoreCase)       // the Scalar page and its script
            || IsStaticAsset(e);
    }

    // MapStaticAssets' files, and in Development its fallback that serves wwwroot files not yet in the manifest.
    static bool IsStaticAsset(RouteEndpoint e) =>
        e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
        || (e.RoutePattern.RawText == "{**path:file}" && e.DisplayName == "Fallback {**path:file}");

    [Fact]
    public async Task EveryEndpoint_HasAPolicyOrIsOnTheAnonymousList()
    {
        var app = await apps.For(Provider.Sqlite);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var offenders = new List<string>();
        foreach (var e in endpoints)
        {
            var name = $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} /{e.RoutePattern.RawText?.TrimStart('/')} ({e.DisplayName})";
            if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!IsAnonymousAllowed(e)) offenders.Add($"{name}: anonymous, not on the allow-list");
                continue;
            }
            var named = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles));
            if (!named && !IsAnonymousAllowed(e)) offenders.Add($"{name}: no policy");
        }

        Assert.True(endpoints.Count > 10, $"only {endpoints.Count} endpoints found");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/audit");                 // Blazor pages are included
        Assert.True(offenders.Count == 0, "Endpoints without an authorization policy:\n" + string.Join("\n", offenders));
    }
}
