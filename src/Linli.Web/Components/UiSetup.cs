using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace Linli.Components;

public static class UiSetup
{
    public static IServiceCollection AddLinliUi(this IServiceCollection services)
    {
        // Emit Chinese as characters, not &#x...; entities: half the bytes, and readable page source.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery();
        return services;
    }

    public static void MapLinliUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>();
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, Data.AppDbContext db) =>
        {
            db.AddAuditEvent("Logout", "User", db.CurrentUser.UserId);
            await db.SaveChangesAsync();
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/logged-out");
        }).RequireAuthorization(Permissions.Authenticated).ExcludeFromDescription();
    }
}
