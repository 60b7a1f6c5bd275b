using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Linli.Bench;

/// <summary>One signed-in staff member talking to the API with a bearer token (the way integrations and the app do).</summary>
public sealed class ApiSession(HttpClient http, string token, string userName)
{
    public string UserName => userName;

    public static HttpClient NewClient(string baseUrl) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AllowAutoRedirect = false, UseCookies = false,
    }) { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromSeconds(120) };

    public static async Task<ApiSession> LoginAsync(HttpClient http, string userName, string password, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { userName, password }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new BenchException($"login {userName}: HTTP {(int)response.StatusCode} {Trim(body)}");
        return new(http, JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!, userName);
    }

    /// <summary>GETs and reads the whole body (serialisation is part of the cost); throws on any non-2xx.</summary>
    public async Task<string> GetAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        return await SendAsync(request, ct);
    }

    public async Task<byte[]> GetBytesAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode) throw new BenchException($"GET {path} as {userName}: HTTP {(int)response.StatusCode}");
        return bytes;
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken ct) => JsonDocument.Parse(await GetAsync(path, ct)).RootElement;

    public async Task<string> PostJsonAsync(string path, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = JsonContent.Create(body) };
        return await SendAsync(request, ct);
    }

    async Task<string> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new BenchException($"{request.Method} {request.RequestUri} as {userName}: HTTP {(int)response.StatusCode} {Trim(body)}");
        return body;
    }

    static string Trim(string s) => s.Length > 300 ? s[..300] : s;
}

/// <summary>A browser-less cookie session for the server-rendered pages (the dashboards), signed in through /account/login.</summary>
public sealed partial class PageSession(HttpClient http)
{
    public static async Task<PageSession> LoginAsync(string baseUrl, string userName, string password, CancellationToken ct)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
            { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromSeconds(120) };
        var page = await http.GetStringAsync("account/login", ct);
        var token = Antiforgery().Match(page);
        if (!token.Success) throw new BenchException("no antiforgery token on /account/login");
        var form = new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = password, ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        using var response = await http.PostAsync("account/login", new FormUrlEncodedContent(form), ct);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new BenchException($"page login {userName}: HTTP {(int)response.StatusCode}");
        return new(http);
    }

    public async Task<string> GetAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path.TrimStart('/'), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK) throw new BenchException($"GET {path}: HTTP {(int)response.StatusCode}");
        return body;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}

public sealed class BenchException(string message) : Exception(message);
