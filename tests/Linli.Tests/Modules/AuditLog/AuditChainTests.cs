using Linli.Data;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.OrgScope;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;

namespace Linli.Tests.Modules.AuditLog;

// Tampering and whole-chain counts: each test runs on a database of its own (AuditTestKit.PrivateApp).
public sealed class AuditChainTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Verify_EditedAfterColumn_ReportsExactlyThatRow(Provider provider)
    {
        await using var app = AuditTestKit.PrivateApp(provider);
        var tree = await app.CreateTreeAsync();
        var auditor = await app.AuditorClientAsync(tree.City);
        Assert.True((await app.VerifyAsync()).Ok);
        var target = (await app.AuditRowsAsync(a => a.Action == "OrgUnit.Create" && a.ObjectId == tree.Street.Id.ToString())).Single();

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditLog\" SET \"After\" = {0} WHERE \"Id\" = {1}", ["{\"Name\":\"篡改\"}", target.Id], Ct));

        var report = await app.VerifyAsync();
        Assert.False(report.Ok);
        Assert.Equal(target.Id, report.FirstBrokenId);
        Assert.Equal(target.Id - 1, report.Checked);
        var api = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify", Ct);
        Assert.False(api.GetProperty("ok").GetBoolean());
        Assert.Equal(target.Id, api.GetProperty("firstBrokenId").GetInt64());
        Assert.Contains($"id {target.Id}", api.GetProperty("message").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Verify_IntactChain_IsOkThroughTheApi(Provider provider)
    {
        await using var app = AuditTestKit.PrivateApp(provider);
        var tree = await app.CreateTreeAsync();
        var auditor = await app.AuditorClientAsync(tree.City);
        var total = await app.WithDbAsync(db => db.AuditLog.CountAsync(Ct));

        var api = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify", Ct);

        Assert.True(api.GetProperty("ok").GetBoolean());
        Assert.Equal(total, api.GetProperty("checked").GetInt64());
        Assert.Equal(JsonValueKind.Null, api.GetProperty("firstBrokenId").ValueKind);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Verify_DeletedMiddleRow_ReportsTheRowAfterTheGap(Provider provider)
    {
        await using var app = AuditTestKit.PrivateApp(provider);
        await app.CreateTreeAsync();
        var ids = (await app.AuditRowsAsync(_ => true)).Select(a => a.Id).ToList();
        var middle = ids[ids.Count / 2];

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditLog\" WHERE \"Id\" = {0}", [middle], Ct));

        var report = await app.VerifyAsync();
        Assert.False(report.Ok);
        Assert.Equal(middle + 1, report.FirstBrokenId);
        Assert.Contains("missing", report.Message);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Verify_OldestRowsDeletedWithoutPurge_AreDetected(Provider provider)
    {
        await using var app = AuditTestKit.PrivateApp(provider);
        await app.CreateTreeAsync();

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditLog\" WHERE \"Id\" <= 3", Ct));

        var report = await app.VerifyAsync();
        Assert.False(report.Ok);
        Assert.Equal(4, report.FirstBrokenId);
        Assert.Contains("purge", report.Message);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ConcurrentSaves_FromSeparateScopes_KeepTheChainGapless(Provider provider)
    {
        await using var app = AuditTestKit.PrivateApp(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.SystemAdmin, tree.City);
        var units = new[] { tree.City, tree.District, tree.Street, tree.Community, tree.Community2, tree.Grid, tree.Street2, tree.Community3 };

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetUser(user.Id, user.UserName, user.Role, tree.City.Id, null, tree.City.OrgPath);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unit = await db.OrgUnits.SingleAsync(u => u.Id == units[i % units.Length].Id, Ct);
            unit.SortOrder = i + 1;                                  // an entity write …
            db.AddAuditEvent("Test.Parallel", "Test", i.ToString()); // … and an event in the same save
            await db.SaveChangesAsync(Ct);
        }, Ct)));

        var rows = await app.AuditRowsAsync(_ => true);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), rows.Select(r => r.Id));
        Assert.Equal(20, rows.Count(r => r.Action == "Test.Parallel"));
        Assert.Equal(20, rows.Count(r => r.Action == "OrgUnit.Update" && r.UserName == user.UserName));
        var report = await app.VerifyAsync();
        Assert.True(report.Ok, report.Message);
        Assert.Equal(rows.Count, report.Checked);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task ConcurrentSaves_WhileAnOuterTransactionSavesTwice_DoNotDeadlock(Provider provider)
    {
        await using var app = AuditTestKit.PrivateApp(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.SystemAdmin, tree.City);
        var firstSaved = new TaskCompletionSource();
        AppDbContext Db(IServiceScope scope)
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetUser(user.Id, user.UserName, user.Role, tree.City.Id, null, tree.City.OrgPath);
            return scope.ServiceProvider.GetRequiredService<AppDbContext>();
        }

        var outer = Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = Db(scope);
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            db.AddAuditEvent("Test.Outer", "Test", "1");
            await db.SaveChangesAsync(Ct);                 // holds the chain lock until commit
            firstSaved.SetResult();
            await Task.Delay(500, Ct);                     // the others queue up behind it meanwhile
            db.AddAuditEvent("Test.Outer", "Test", "2");
            await db.SaveChangesAsync(Ct);
            await tx.CommitAsync(Ct);
        }, Ct);
        await firstSaved.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var others = Enumerable.Range(0, 5).Select(i => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = Db(scope);
            db.AddAuditEvent("Test.Other", "Test", i.ToString());
            await db.SaveChangesAsync(Ct);
        }, Ct));

        await Task.WhenAll([outer, .. others]).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var rows = await app.AuditRowsAsync(a => a.Action == "Test.Outer" || a.Action == "Test.Other");
        Assert.Equal(["1", "2"], rows.Take(2).Select(r => r.ObjectId));   // the outer transaction's rows stay together
        Assert.Equal(5, rows.Count(r => r.Action == "Test.Other"));
        Assert.True((await app.VerifyAsync()).Ok);
    }
}
