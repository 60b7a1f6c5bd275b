namespace Linli.Platform.Security;

public static class SecurityHeaders
{
    // Everything is served from this host (government intranets have no CDN); Blazor needs inline styles only.
    const string Csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                     + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var csp = WithTileHost(Csp, app.ApplicationServices.GetRequiredService<IConfiguration>()["Map:TileUrl"]);
        return app.Use(async (ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h["Content-Security-Policy"] = ctx.Request.Path.StartsWithSegments("/api-docs")
                    ? Csp.Replace("script-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'", StringComparison.Ordinal)
                    : csp;
                h["X-Content-Type-Options"] = "nosniff";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["X-Frame-Options"] = "DENY";
                h["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
                if (ctx.Request.Path.StartsWithSegments("/api") && !h.ContainsKey("Cache-Control"))
                    h.CacheControl = "no-store"; // API answers may carry personal data
                return Task.CompletedTask;
            });
            await next();
        });
    }

    // A configured map tile server (Map:TileUrl, e.g. 天地图 "https://t{s}.tianditu.gov.cn/…") may serve images;
    // a "{s}" subdomain template becomes a wildcard.
    static string WithTileHost(string csp, string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl)) return csp;
        var withoutTemplate = tileUrl.Replace("{s}", "tiles", StringComparison.Ordinal);
        if (!Uri.TryCreate(withoutTemplate, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return csp;
        var host = tileUrl.Contains("{s}", StringComparison.Ordinal) ? "*." + uri.Host[(uri.Host.IndexOf('.', StringComparison.Ordinal) + 1)..] : uri.Host;
        var origin = $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : $":{uri.Port}")}";
        return csp.Replace("img-src 'self' data: blob:", $"img-src 'self' data: blob: {origin}", StringComparison.Ordinal);
    }
}
