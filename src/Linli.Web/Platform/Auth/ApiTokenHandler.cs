using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Linli.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Auth;

/// <summary>
/// Opaque bearer tokens for the API. Stored as SHA-256 hashes, checked against the database on every request,
/// so disabling a user or revoking a token takes effect at once.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, IOptions<IdentityOptions> identity, IOptions<SecurityOptions> security, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var hash = Hash(header["Bearer ".Length..].Trim());
        var now = time.GetUtcNow();
        var account = await AccountPrincipal.LoadByTokenAsync(db, hash, now.UtcDateTime, Context.RequestAborted);
        if (account is null) return AuthenticateResult.Fail("Invalid or expired token.");
        if (AccountPrincipal.Barred(account.User, now)) return AuthenticateResult.Fail("Account disabled.");
        var principal = new ClaimsPrincipal(AccountPrincipal.Identity(account.User, account.Roles, account.UnitName, identity.Value, security.Value, now.UtcDateTime));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    static string Base64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
