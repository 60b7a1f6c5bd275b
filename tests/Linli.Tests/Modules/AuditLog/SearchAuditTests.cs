using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.AuditLog;

public sealed class SearchAuditTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_AsAuditor_ReturnsMatchingRowsNewestFirstWithEveryColumn(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var actor = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        await app.RecordAsync(actor, ("Test.First", AuditOutcome.Success), ("Test.Second", AuditOutcome.Failure));
        var auditor = await app.AuditorClientAsync(tree.City);

        var body = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?userName={actor.UserName}", Ct);

        Assert.Equal(2, body.GetProperty("total").GetInt32());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Test.Second", "Test.First"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.True(items[0].GetProperty("id").GetInt64() > items[1].GetProperty("id").GetInt64());
        var row = items[0];
        Assert.Equal(actor.UserName, row.GetProperty("userName").GetString());
        Assert.Equal(actor.Id, row.GetProperty("userId").GetString());
        Assert.Equal(Roles.CommunityWorker, row.GetProperty("roles").GetString());
        Assert.Equal(tree.Community.Id, row.GetProperty("orgUnitId").GetInt64());
        Assert.Equal("TestObject", row.GetProperty("objectType").GetString());
        Assert.Equal(actor.UserName, row.GetProperty("objectId").GetString());
        Assert.Equal(AuditOutcome.Failure, row.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("before").ValueKind);
        Assert.Equal("""{"note":"测试"}""", row.GetProperty("after").GetString());
        Assert.Matches("^[0-9a-f]{64}$", row.GetProperty("hash").GetString());
        Assert.Matches("^[0-9a-f]{64}$", row.GetProperty("prevHash").GetString());
        Assert.True(row.TryGetProperty("ip", out _));
        var time = row.GetProperty("timeUtc").GetString()!;
        Assert.EndsWith("Z", time);
        Assert.InRange(DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_Filters_NarrowByActionOutcomeObjectAndTime(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var actor = await app.CreateUserAsync(Roles.GridWorker, tree.Grid);
        await app.RecordAsync(actor, ("Test.Alpha", AuditOutcome.Success), ("Test.Alpha", AuditOutcome.Failure),
            ("Test.Alpha", AuditOutcome.Success), ("Test.Beta", AuditOutcome.Denied), ("Test.Beta", AuditOutcome.Denied));
        var auditor = await app.AuditorClientAsync(tree.City);
        async Task<int> Total(string query) =>
            (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?userName={actor.UserName}&{query}", Ct)).GetProperty("total").GetInt32();
        var chinaNow = DateTime.UtcNow.AddHours(8);
        static string Esc(string s) => Uri.EscapeDataString(s);
        static string Inv(DateTime t, string format) => t.ToString(format, CultureInfo.InvariantCulture);

        Assert.Equal(5, await Total(""));
        Assert.Equal(3, await Total("action=Test.Alpha"));
        Assert.Equal(5, await Total("action=Test."));           // a prefix
        Assert.Equal(1, await Total("action=Test.Alpha&outcome=Failure"));
        Assert.Equal(2, await Total("outcome=denied"));
        Assert.Equal(5, await Total($"objectType=TestObject&objectId={actor.UserName}"));
        Assert.Equal(0, await Total("objectId=someone-else"));
        Assert.Equal(5, await Total($"from={Esc(DateTime.UtcNow.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}"));
        Assert.Equal(5, await Total($"from={Esc(chinaNow.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "+08:00")}"));
        Assert.Equal(5, await Total($"from={Inv(chinaNow.AddMinutes(-10), "yyyy-MM-ddTHH:mm:ss")}"));   // bare local time = China time
        Assert.Equal(0, await Total($"from={Inv(chinaNow.AddMinutes(30), "yyyy-MM-ddTHH:mm:ss")}"));
        Assert.Equal(5, await Total($"from={Inv(chinaNow.AddDays(-1), "yyyy-MM-dd")}&to={Inv(chinaNow.AddDays(1), "yyyy-MM-dd")}"));
        Assert.Equal(0, await Total($"to={Inv(chinaNow.AddDays(-1), "yyyy-MM-dd")}"));
        Assert.Equal(0, await Total($"to={Esc(DateTime.UtcNow.AddMinutes(-10).ToString("o", CultureInfo.InvariantCulture))}"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_Paging_SplitsNewestFirstAndClampsPageSize(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var actor = await app.CreateUserAsync(Roles.GridWorker, tree.Grid);
        await app.RecordAsync(actor, [.. Enumerable.Range(1, 5).Select(i => ($"Test.Page{i}", AuditOutcome.Success))]);
        var auditor = await app.AuditorClientAsync(tree.City);
        async Task<List<string?>> Page(int page, int size)
        {
            var body = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?userName={actor.UserName}&page={page}&pageSize={size}", Ct);
            Assert.Equal(5, body.GetProperty("total").GetInt32());
            return body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()).ToList();
        }

        Assert.Equal(["Test.Page5", "Test.Page4"], await Page(1, 2));
        Assert.Equal(["Test.Page3", "Test.Page2"], await Page(2, 2));
        Assert.Equal(["Test.Page1"], await Page(3, 2));
        Assert.Empty(await Page(4, 2));
        Assert.Equal(5, (await Page(1, 100_000)).Count);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_InvalidFilters_Return400Problem(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var auditor = await app.AuditorClientAsync(tree.City);

        var response = await auditor.GetAsync("/api/v1/audit?from=yesterday&to=2026-13-45&outcome=Maybe", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("to", out _));
        Assert.True(errors.TryGetProperty("outcome", out _));
        var reversed = await auditor.GetAsync("/api/v1/audit?from=2026-02-01&to=2026-01-01", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_EveryOtherRole_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        string[] others = [Roles.SystemAdmin, Roles.SecurityAdmin, Roles.Official, Roles.DepartmentStaff, Roles.CommunityWorker, Roles.GridWorker, Roles.Resident];

        foreach (var role in others)
        {
            var user = await app.CreateEnrolledUserAsync(role, tree.Community);
            var client = await app.ClientAsync(user);
            foreach (var path in new[] { "/api/v1/audit", "/api/v1/audit/export", "/api/v1/audit/verify" })
                Assert.True((await client.GetAsync(path, Ct)).StatusCode == HttpStatusCode.Forbidden, $"{role} {path}");
            // Refused by the Audit.Read policy itself, not by a pending account step.
            Assert.Equal(3, (await app.AuditRowsAsync(a => a.UserName == user.UserName && a.Action == "Access.Denied")).Count);
        }
    }

    [Fact]
    public async Task Search_Anonymous_Returns401()
    {
        var app = await apps.For(Provider.Sqlite);
        var response = await app.Anonymous().GetAsync("/api/v1/audit", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
