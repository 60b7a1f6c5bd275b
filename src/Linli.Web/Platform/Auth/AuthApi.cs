using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Auth;

public static class AuthApi
{
    public sealed record TokenRequest([property: Required] string UserName, [property: Required] string Password, string? TotpCode);
    public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt);
    public sealed record MeResponse(string Id, string UserName, string DisplayName, string[] Roles, OrgUnitRef? OrgUnit, long? DepartmentId);
    public sealed record OrgUnitRef(long Id, string Code, string Name, string Level);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken).AllowAnonymous().WithTags("Auth").WithName("Auth_Token")
            .WithSummary("Exchange user name, password (and TOTP code for admins) for a bearer token valid ≤ 1 hour");
        api.MapGet("/me", Me).RequireAuthorization(Permissions.Authenticated).WithTags("Auth").WithName("Auth_Me")
            .WithSummary("The signed-in user: name, roles, org unit");
        return api;
    }

    static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db,
        IOptions<SecurityOptions> security, TimeProvider time, CancellationToken ct)
    {
        // Minimal APIs do not run DataAnnotations here; without this a missing field would be a 500.
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) missing["userName"] = [string.Format(ValidationText.Required, Loc.T("用户名", "User name"))];
        if (string.IsNullOrEmpty(request.Password)) missing["password"] = [string.Format(ValidationText.Required, Loc.T("密码", "Password"))];
        if (missing.Count > 0) return TypedResults.ValidationProblem(missing);

        var outcome = await PasswordLogin.CheckAsync(signIn, users, db, request.UserName, request.Password, request.TotpCode, "api", ct);
        if (outcome.User is null)
            return TypedResults.Problem(statusCode: outcome.Status, title: outcome.Message,
                extensions: new Dictionary<string, object?> { ["code"] = outcome.Code });

        var now = time.GetUtcNow().UtcDateTime;
        var token = ApiTokenHandler.NewToken();
        var expires = now.AddMinutes(Math.Clamp(security.Value.TokenLifetimeMinutes, 1, 60));
        await db.ApiTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(ct);
        db.ApiTokens.Add(new ApiToken { TokenHash = ApiTokenHandler.Hash(token), UserId = outcome.User.Id, CreatedAt = now, ExpiresAt = expires });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new TokenResponse(token, expires));
    }

    static async Task<Ok<MeResponse>> Me(AppDbContext db, Linli.Platform.OrgScope.CurrentUser current, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == current.UserId, ct);
        var unit = user.OrgUnitId is null ? null
            : await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == user.OrgUnitId)
                .Select(u => new OrgUnitRef(u.Id, u.Code, u.Name, u.Level.ToString())).SingleOrDefaultAsync(ct);
        var roles = (await users.GetRolesAsync(user)).ToArray();
        return TypedResults.Ok(new MeResponse(user.Id, user.UserName!, user.DisplayName, roles, unit, user.DepartmentId));
    }
}
