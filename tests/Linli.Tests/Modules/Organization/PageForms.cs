using System.Net;
using System.Text.RegularExpressions;

namespace Linli.Tests.Modules.Organization;

/// <summary>Drives a static-SSR page the way a browser without script does: GET it, then POST a named form with its antiforgery token.</summary>
static partial class PageForms
{
    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> HtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, OrgTestHelpers.Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(OrgTestHelpers.Ct));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return html;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var token = TokenPattern().Match(await client.HtmlAsync(url)).Groups[1].Value;
        var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token });
        return await client.PostAsync(url, content, OrgTestHelpers.Ct);
    }

    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string url, string formName, string field, byte[] bytes, string fileName)
    {
        var token = TokenPattern().Match(await client.HtmlAsync(url)).Groups[1].Value;
        var content = new MultipartFormDataContent
        {
            { new StringContent(formName), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), field, fileName },
        };
        return await client.PostAsync(url, content, OrgTestHelpers.Ct);
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(OrgTestHelpers.Ct));
}
