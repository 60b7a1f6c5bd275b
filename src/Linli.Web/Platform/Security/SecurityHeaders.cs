namespace Linli.Platform.Security;

public static class SecurityHeaders
{
    // Everything is served from this host (government intranets have no CDN); Blazor needs inline styles only.
    const string Csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                     + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h["Content-Security-Policy"] = ctx.Request.Path.StartsWithSegments("/api-docs")
                ? Csp.Replace("script-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'", StringComparison.Ordinal)
                : Csp;
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
