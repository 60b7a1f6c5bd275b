using System.Net;
using System.Text.Json;
using Linli.Modules.AuditLog;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using MiniExcelLibs;

namespace Linli.Tests.Modules.AuditLog;

public sealed class ExportAuditTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Export_AsAuditor_ReturnsXlsxOfTheFilteredRowsAndIsAudited(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var actor = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        await app.RecordAsync(actor, ("Test.Alpha", AuditOutcome.Success), ("Test.Beta", AuditOutcome.Success), ("Test.Alpha", AuditOutcome.Failure));
        var auditorUser = await app.CreateEnrolledUserAsync(Roles.Auditor, tree.City);
        var auditor = await app.ClientAsync(auditorUser);

        var response = await auditor.GetAsync($"/api/v1/audit/export?userName={actor.UserName}&action=Test.Alpha", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportAudit.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var columns = MiniExcel.GetColumns(file, useHeaderRow: true).ToList();
        Assert.Equal(["编号", "时间(北京时间)", "时间(UTC)", "用户名", "用户ID", "角色", "单位ID", "IP地址", "操作", "对象类型", "对象ID", "结果", "变更前", "变更后", "前一哈希", "哈希"], columns);
        file.Position = 0;
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(actor.UserName, r["用户名"]);
            Assert.Equal("Test.Alpha", r["操作"]);
            Assert.Equal("""{"note":"测试"}""", r["变更后"]);
            Assert.Matches("^[0-9a-f]{64}$", (string)r["哈希"]!);
        });
        Assert.Equal([AuditOutcome.Failure, AuditOutcome.Success], rows.Select(r => (string?)r["结果"]));
        var stored = await app.AuditRowsAsync(a => a.UserName == actor.UserName && a.Action == "Test.Alpha");
        Assert.Equal(stored.Select(s => s.Id).OrderDescending(), rows.Select(r => Convert.ToInt64(r["编号"])));
        Assert.Equal(stored[^1].TimeUtc.AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), rows[0]["时间(北京时间)"]);

        var export = Assert.Single(await app.AuditRowsAsync(a => a.UserName == auditorUser.UserName && a.Action == "Audit.Export"));
        var after = JsonDocument.Parse(export.After!).RootElement;
        Assert.Equal(2, after.GetProperty("exported").GetInt32());
        Assert.Contains(actor.UserName, after.GetProperty("filter").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Export_NoMatch_ReturnsHeaderOnlyWorkbook(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var auditor = await app.AuditorClientAsync(tree.City);

        var response = await auditor.GetAsync($"/api/v1/audit/export?userName=nobody-{Guid.NewGuid():N}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var header = (IDictionary<string, object?>)MiniExcel.Query(file).Single(); // the header row, and nothing else
        Assert.Equal("编号", header["A"]);
        Assert.Equal("哈希", header["P"]);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Export_InvalidFilter_Returns400Problem(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var auditor = await app.AuditorClientAsync(tree.City);

        var response = await auditor.GetAsync("/api/v1/audit/export?from=not-a-date", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Export_SecurityAdmin_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var client = await app.ClientAsync(await app.CreateEnrolledUserAsync(Roles.SecurityAdmin, tree.City));

        var response = await client.GetAsync("/api/v1/audit/export", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
