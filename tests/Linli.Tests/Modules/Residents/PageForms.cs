using System.Net;
using System.Text.RegularExpressions;

namespace Linli.Tests.Modules.Residents;

/// <summary>
/// Posts a Blazor static-SSR form the way a browser does: every field of the form as the page rendered it
/// (antiforgery token and handler included), with the given values typed over them.
/// </summary>
public static partial class PageForms
{
    public static async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, RegistryArrange.Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(RegistryArrange.Ct), response);
    }

    public static async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> PostFormAsync(this HttpClient client, string pageUrl,
        string formName, IDictionary<string, string> typed)
    {
        var (status, html, _) = await client.GetPageAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        var form = FormPattern().Matches(html).Select(m => m.Value)
            .FirstOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal));
        Assert.False(form is null, $"form {formName} not found on {pageUrl}");
        var values = Fields(form!);
        foreach (var (k, v) in typed) values[k] = v;
        var response = await client.PostAsync(pageUrl, new FormUrlEncodedContent(values), RegistryArrange.Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(RegistryArrange.Ct), response);
    }

    static Dictionary<string, string> Fields(string form)
    {
        var values = new Dictionary<string, string>();
        static string? Attr(string tag, string name) =>
            Regex.Match(tag, $@"\s{name}=""(?<v>[^""]*)""") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["v"].Value) : null;
        foreach (Match m in InputPattern().Matches(form))
        {
            var (name, type) = (Attr(m.Value, "name"), Attr(m.Value, "type") ?? "text");
            if (name is null || type is "submit" or "button" || (type is "checkbox" or "radio" && !m.Value.Contains(" checked", StringComparison.Ordinal))) continue;
            values[name] = Attr(m.Value, "value") ?? (type == "checkbox" ? "on" : "");
        }
        foreach (Match m in SelectPattern().Matches(form))
        {
            if (Attr(m.Groups["open"].Value, "name") is not { } name) continue;
            var options = OptionPattern().Matches(m.Groups["body"].Value);
            var chosen = options.FirstOrDefault(o => o.Value.Contains(" selected", StringComparison.Ordinal)) ?? options.FirstOrDefault();
            values[name] = chosen is null ? "" : Attr(chosen.Value, "value") ?? "";
        }
        foreach (Match m in TextAreaPattern().Matches(form))
            if (Attr(m.Groups["open"].Value, "name") is { } name) values[name] = WebUtility.HtmlDecode(m.Groups["body"].Value);
        return values;
    }

    [GeneratedRegex(@"<form\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<input\b[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex(@"(?<open><select\b[^>]*>)(?<body>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex(@"<option\b[^>]*>")]
    private static partial Regex OptionPattern();

    [GeneratedRegex(@"(?<open><textarea\b[^>]*>)(?<body>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextAreaPattern();
}
