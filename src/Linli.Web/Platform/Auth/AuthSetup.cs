using System.Globalization;
using System.Security.Claims;
using Linli.Data;
using Linli.Platform.Audit;
using Linli.Platform.OrgScope;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Auth;

public static class AuthSetup
{
    const string SelectorScheme = "Linli";
    const string LoginTimeKey = "linli.login";

    public static IServiceCollection AddLinliAuth(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection("Security");
        services.Configure<SecurityOptions>(section);
        var o = section.Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddIdentity<AppUser, IdentityRole>(i =>
            {
                // Length and classes are checked by PasswordPolicyValidator, with Chinese messages.
                i.Password.RequiredLength = 1;
                i.Password.RequireDigit = i.Password.RequireLowercase = i.Password.RequireUppercase = i.Password.RequireNonAlphanumeric = false;
                i.Password.RequiredUniqueChars = 1;
                i.Lockout.MaxFailedAccessAttempts = o.MaxFailedAccessAttempts;
                i.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(o.LockoutMinutes);
                i.Lockout.AllowedForNewUsers = true;
                i.User.RequireUniqueEmail = false;
                i.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<LinliUserStore>()
            .AddUserManager<LinliUserManager>()
            .AddClaimsPrincipalFactory<LinliClaimsFactory>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(c =>
        {
            c.LoginPath = "/account/login";
            c.LogoutPath = "/account/logout";
            c.AccessDeniedPath = "/account/access-denied";
            c.ExpireTimeSpan = TimeSpan.FromMinutes(o.IdleTimeoutMinutes);
            c.SlidingExpiration = true;
            c.Cookie.Name = "linli.auth";
            c.Cookie.HttpOnly = true;
            c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            c.Cookie.SameSite = SameSiteMode.Lax;
            c.Events.OnSigningIn = ctx =>
            {
                // RefreshSignInAsync (after a password change or 2FA enrolment) carries the old properties over:
                // keep the original login time, or the absolute limit would restart.
                ctx.Properties.Items.TryAdd(LoginTimeKey, DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            c.Events.OnValidatePrincipal = async ctx =>
            {
                var absolute = TimeSpan.FromHours(o.AbsoluteTimeoutHours);
                if (!ctx.Properties.Items.TryGetValue(LoginTimeKey, out var ticks) || !long.TryParse(ticks, out var t)
                    || DateTime.UtcNow - new DateTime(t, DateTimeKind.Utc) > absolute)
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await RefreshPrincipalAsync(ctx);
            };
            c.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            c.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(a =>
            {
                a.DefaultAuthenticateScheme = SelectorScheme;
                a.DefaultChallengeScheme = SelectorScheme;
                a.DefaultForbidScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie or bearer token", p => p.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        services.AddAuthorization(a =>
        {
            foreach (var (permission, roles) in Permissions.Grants)
                a.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireRole(roles));
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }

    // What Identity's SecurityStampValidator does with a zero interval (a changed stamp ends the session; the principal is
    // rebuilt and the cookie renewed on every request), in one query instead of seven.
    static async Task RefreshPrincipalAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var account = ctx.Principal?.FindFirstValue(identity.ClaimsIdentity.UserIdClaimType) is { } userId
            ? await AccountPrincipal.LoadAsync(services.GetRequiredService<AppDbContext>(), userId, ctx.HttpContext.RequestAborted) : null;
        if (account is null || AccountPrincipal.Barred(account.User, now)
            || ctx.Principal!.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType) != (account.User.SecurityStamp ?? ""))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        var security = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        ctx.ReplacePrincipal(new ClaimsPrincipal(AccountPrincipal.Identity(account.User, account.Roles, account.UnitName, identity, security, now.UtcDateTime)));
        ctx.ShouldRenew = true;
    }

    static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/open311"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Fills <see cref="CurrentUser"/> from the authenticated principal: who acts, and the subtree they see.</summary>
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var current = ctx.RequestServices.GetRequiredService<CurrentUser>();
        current.Ip = ctx.Connection.RemoteIpAddress?.ToString();
        var p = ctx.User;
        if (p.Identity?.IsAuthenticated == true && p.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            current.SetUser(userId, p.Identity.Name ?? "",
                string.Join(",", p.FindAll(ClaimTypes.Role).Select(r => r.Value)),
                long.TryParse(p.FindFirstValue(LinliClaims.OrgUnitId), out var org) ? org : null,
                long.TryParse(p.FindFirstValue(LinliClaims.DepartmentId), out var dept) ? dept : null,
                p.FindFirstValue(LinliClaims.OrgPath));
        }
        await next();
    });

    /// <summary>
    /// Until a forced password change or two-factor enrolment is done, pages other than those redirect there
    /// and the API answers 403.
    /// </summary>
    public static IApplicationBuilder UseForcedAccountSteps(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var p = ctx.User;
        if (p.Identity?.IsAuthenticated == true && !IsAccountPath(ctx.Request.Path))
        {
            var target = p.HasClaim(LinliClaims.MustChangePassword, "true") ? "/account/change-password"
                : p.HasClaim(LinliClaims.MustEnrollTwoFactor, "true") ? "/account/two-factor" : null;
            if (target is not null)
            {
                if (ctx.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: 403, title: "Account action required",
                        detail: target.EndsWith("password", StringComparison.Ordinal) ? "Password change required." : "Two-factor enrolment required.")
                        .ExecuteAsync(ctx);
                    return;
                }
                ctx.Response.Redirect(target);
                return;
            }
        }
        await next();
    });

    static bool IsAccountPath(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/lib")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/culture") || path.StartsWithSegments("/api/v1/me")
        || path.StartsWithSegments("/health") || path.StartsWithSegments("/_content") || path.Value?.Contains('.') == true;
}

/// <summary>Records every 403 in the audit log, then answers as usual.</summary>
sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden)
        {
            var db = context.RequestServices.GetRequiredService<AppDbContext>();
            db.AddAuditEvent("Access.Denied", "Endpoint", $"{context.Request.Method} {context.Request.Path}", AuditOutcome.Denied);
            await db.SaveChangesAsync(context.RequestAborted);
        }
        await inner.HandleAsync(next, context, policy, result);
    }
}
