using System.Net;
using System.Text.RegularExpressions;
using Linli.Tests.Support;

namespace Linli.Tests.Platform;

/// <summary>
/// A browser-less cookie session against the static-SSR pages: GET a page for its antiforgery token, POST the
/// form the way the browser would (field names "Input.X", "_handler" = the form name), follow redirects by hand.
/// </summary>
public sealed partial class WebSession(LinliApp app)
{
    public HttpClient Client { get; } = app.Anonymous(); // keeps cookies, does not follow redirects

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<string> GetPageAsync(string path)
    {
        var response = await Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TextAsync(response);
    }

    /// <summary>The page's HTML with entities decoded: Blazor writes Chinese text as &amp;#x…; references.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, IDictionary<string, string> fields, string? page = null)
    {
        page ??= await GetPageAsync(path);
        var token = Antiforgery().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {path}");
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Client.PostAsync(path, new FormUrlEncodedContent(form), Ct);
    }

    /// <summary>Posts the login form and returns the redirect it answers with.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string userName, string password, string? totp = null)
    {
        var fields = new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password };
        if (totp is not null) fields["Input.TotpCode"] = totp;
        var response = await PostFormAsync("/account/login", "login", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    public Task<HttpResponseMessage> ChangePasswordAsync(string current, string next) =>
        PostFormAsync("/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = next,
        });

    /// <summary>Where a redirect points, as a local path ("/accounts"); null when it is no redirect.</summary>
    public static string? PathOf(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } l
            ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0])
            : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
