using System.Net;
using Linli.Data;
using Linli.Modules.Open311;
using Linli.Platform.Auth;
using Linli.Platform.Hosting;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Open311;

public sealed class Open311ClientsTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Clients_SecurityAdmin_CreatesWithKeyShownOnce_ListsWithoutIt_RevokeEndsTheKey(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.City);

        var (status, created, createdText) = await admin.SendAsync(HttpMethod.Post, "/api/v1/open311/clients", new { name = "市民通 App", orgUnitId = tree.Street.Id });
        var key = created.GetProperty("apiKey").GetString()!;
        var id = created.GetProperty("client").GetProperty("id").GetInt64();
        var (_, listed, listText) = await admin.SendAsync(HttpMethod.Get, "/api/v1/open311/clients");
        var accepted = await app.Anonymous().PostO311Async("/open311/v2/requests.xml", Open311Arrange.Form(key, Open311Arrange.Unique("吊销前")));
        var (revokeStatus, revoked, _) = await admin.SendAsync(HttpMethod.Post, $"/api/v1/open311/clients/{id}/revoke");
        var refused = await app.Anonymous().PostO311Async("/open311/v2/requests.xml", Open311Arrange.Form(key, Open311Arrange.Unique("吊销后")));
        var (twice, twiceBody, _) = await admin.SendAsync(HttpMethod.Post, $"/api/v1/open311/clients/{id}/revoke");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.StartsWith("o311_", key);
        Assert.True(key.Length >= 40, createdText);
        Assert.Equal((tree.Street.Id, tree.Street.Name, true), (created.GetProperty("client").GetProperty("orgUnitId").GetInt64(),
            created.GetProperty("client").GetProperty("unitName").GetString(), created.GetProperty("client").GetProperty("active").GetBoolean()));
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal("市民通 App", listed.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.DoesNotContain(key, listText);
        Assert.DoesNotContain(key, await app.WithDbAsync(db => db.Open311Clients.Where(c => c.Id == id).Select(c => c.KeyHash + c.KeyHint).SingleAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(HttpStatusCode.OK, revokeStatus);
        Assert.False(revoked.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Equal("open311.client-revoked", twiceBody.GetProperty("code").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Open311Client.Revoke" && a.ObjectId == id.ToString(), Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Clients_Validation400_OutsiderUnit404_OtherRoles403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var otherCity = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.City);
        var foreignKey = await app.CreateOpen311ClientAsync(otherCity.Community);
        var foreignId = await app.WithDbAsync(db => db.Open311Clients.Where(c => c.OrgPath == otherCity.Community.OrgPath).Select(c => c.Id).SingleAsync(Ct));

        var (invalid, invalidBody, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/open311/clients", new { name = "", orgUnitId = (long?)null });
        var (outside, _, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/open311/clients", new { name = "外市", orgUnitId = otherCity.Street.Id });
        var (revokeOutside, _, _) = await admin.SendAsync(HttpMethod.Post, $"/api/v1/open311/clients/{foreignId}/revoke");
        var (_, list, _) = await admin.SendAsync(HttpMethod.Get, "/api/v1/open311/clients");

        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.NotEmpty(invalidBody.Errors("name"));
        Assert.NotEmpty(invalidBody.Errors("orgUnitId"));
        Assert.Equal(HttpStatusCode.NotFound, outside);
        Assert.Equal(HttpStatusCode.NotFound, revokeOutside);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.NotEmpty(foreignKey);
        foreach (var role in new[] { Roles.SystemAdmin, Roles.Auditor, Roles.Official, Roles.CommunityWorker })
        {
            var other = await app.ClientAsync(role, tree.City);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/open311/clients", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.SendAsync(HttpMethod.Post, "/api/v1/open311/clients", new { name = "x", orgUnitId = tree.City.Id })).Status);
        }
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ClientsPage_CreateShowsTheKeyOnce_RevokeButtonRevokes(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.City);

        var (status, html, _) = await admin.PostFormAsync("/admin/open311-clients", "open311-client",
            new Dictionary<string, string> { ["Input.Name"] = "网格通", ["Input.OrgUnitId"] = tree.Community.Id.ToString() });
        var key = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"new-key\">(?<k>[^<]+)<").Groups["k"].Value;
        var (_, again, _) = await admin.GetPageAsync("/admin/open311-clients");
        var id = await app.WithDbAsync(db => db.Open311Clients.Where(c => c.OrgPath == tree.Community.OrgPath).Select(c => c.Id).SingleAsync(Ct));
        var (revokeStatus, afterRevoke, _) = await admin.PostFormAsync("/admin/open311-clients", "open311-revoke",
            new Dictionary<string, string> { ["RevokeId"] = id.ToString() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("o311_", key);
        Assert.Contains("网格通", again);
        Assert.DoesNotContain(key, again);
        Assert.Equal(HttpStatusCode.OK, revokeStatus);
        Assert.Contains("已吊销", afterRevoke);
        Assert.False(await app.WithDbAsync(db => db.Open311Clients.Where(c => c.Id == id).Select(c => c.Active).SingleAsync(Ct)));
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        Assert.NotEqual(HttpStatusCode.OK, (await worker.GetAsync("/admin/open311-clients", Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DemoSeed_AddsOneClientForTheDemoCity_WithTheConfiguredKey(Provider provider)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
        {
            if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
        }
        await using var app = LinliApp.Create(provider, new Dictionary<string, string?> { ["Demo:Residents"] = "600", ["Demo:Open311ApiKey"] = "configured-open311-key" });
        for (var run = 0; run < 2; run++) // a second run adds nothing
        {
            using var scope = app.SystemScope();
            await ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).SeedAsync(Ct);
        }

        var clients = await app.WithDbAsync(db => db.Open311Clients.ToListAsync(Ct));
        var city = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Code == DemoCity.CityCode, Ct));
        var demo = Assert.Single(clients);
        Assert.Equal((city.Id, Open311Client.Hash("configured-open311-key"), true), (demo.OrgUnitId, demo.KeyHash, demo.Active));
        var (status, text, _) = await app.Anonymous().PostO311Async("/open311/v2/requests.json", Open311Arrange.Form("configured-open311-key", "演示提交"));
        Assert.True(status == HttpStatusCode.OK, text);
    }
}
