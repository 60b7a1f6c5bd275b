using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;

namespace Linli.Tests.Platform;

public sealed class SecurityHeadersTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static void AssertCommonHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Page_CarriesCspNosniffAndReferrerPolicy()
    {
        var app = await apps.For(Provider.Sqlite);

        var response = await app.Anonymous().GetAsync("/account/login", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ApiResponses_AlsoCarryNoStore(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var client = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var me = await client.GetAsync("/api/v1/me", Ct);
        var unauthenticated = await app.Anonymous().GetAsync("/api/v1/me", Ct);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        foreach (var response in new[] { me, unauthenticated })
        {
            AssertCommonHeaders(response);
            Assert.True(response.Headers.CacheControl?.NoStore, $"no Cache-Control: no-store on {response.RequestMessage?.RequestUri}");
        }
    }
}
