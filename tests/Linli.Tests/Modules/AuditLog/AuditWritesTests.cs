using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.OrgScope;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.AuditLog;

// Rows written by the platform itself: entity writes, logins, denied access.
public sealed class AuditWritesTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task EntityWrites_CreateUpdateDelete_RecordActorBeforeAndAfter(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var actor = await app.CreateUserAsync(Roles.SystemAdmin, tree.City);
        var code = $"D{Guid.NewGuid():N}"[..20];

        long id;
        using (var scope = app.Services.CreateScope())
        {
            var current = scope.ServiceProvider.GetRequiredService<CurrentUser>();
            current.SetUser(actor.Id, actor.UserName, Roles.SystemAdmin, tree.City.Id, null, tree.City.OrgPath);
            current.Ip = "10.1.2.3";
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dept = new Department { OrgUnitId = tree.Street.Id, OrgPath = tree.Street.OrgPath, Code = code, Name = "城管科" };
            db.Departments.Add(dept);
            await db.SaveChangesAsync(Ct);
            id = dept.Id;
            dept.Name = "城市管理科";
            db.AuditAction = "Department.Rename";
            await db.SaveChangesAsync(Ct);
            db.Departments.Remove(dept);
            await db.SaveChangesAsync(Ct);
        }

        var rows = await app.AuditRowsAsync(a => a.ObjectType == "Department" && a.ObjectId == id.ToString());
        Assert.Equal(["Department.Create", "Department.Rename", "Department.Delete"], rows.Select(r => r.Action));
        Assert.All(rows, r =>
        {
            Assert.Equal(actor.UserName, r.UserName);
            Assert.Equal(actor.Id, r.UserId);
            Assert.Equal(Roles.SystemAdmin, r.Roles);
            Assert.Equal(tree.City.Id, r.OrgUnitId);
            Assert.Equal("10.1.2.3", r.Ip);
            Assert.Equal(AuditOutcome.Success, r.Outcome);
            Assert.InRange(r.TimeUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        });
        var (create, rename, delete) = (rows[0], rows[1], rows[2]);
        Assert.Null(create.Before);
        Assert.Equal(code, Json(create.After).GetProperty("Code").GetString());
        Assert.Equal("城管科", Json(create.After).GetProperty("Name").GetString());
        Assert.Equal("""{"Name":"城管科"}""", rename.Before);
        Assert.Equal("""{"Name":"城市管理科"}""", rename.After);
        Assert.Equal("城市管理科", Json(delete.Before).GetProperty("Name").GetString());
        Assert.Null(delete.After);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Login_SuccessFailureAndUnknownUser_AreRecordedUnderTheNamedAccount(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var unknown = $"nobody.{Guid.NewGuid():N}"[..30];
        var anonymous = app.Anonymous();

        var ok = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = user.UserName, password = user.Password }, Ct);
        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = user.UserName, password = "Wrong@Pass2026" }, Ct);
        var nobody = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = unknown, password = "Wrong@Pass2026" }, Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        var rows = await app.AuditRowsAsync(a => a.UserName == user.UserName && a.Action.StartsWith("Login."));
        Assert.Equal(["Login.Succeeded", "Login.Failed"], rows.Select(r => r.Action));
        Assert.Equal([AuditOutcome.Success, AuditOutcome.Failure], rows.Select(r => r.Outcome));
        Assert.All(rows, r => Assert.Equal(user.Id, r.ObjectId));
        Assert.Equal("api", Json(rows[0].After).GetProperty("channel").GetString());
        Assert.Equal("wrong password", Json(rows[1].After).GetProperty("reason").GetString());
        var unknownRow = Assert.Single(await app.AuditRowsAsync(a => a.UserName == unknown));
        Assert.Equal("Login.Failed", unknownRow.Action);
        Assert.Null(unknownRow.ObjectId);
        Assert.Equal("unknown user", Json(unknownRow.After).GetProperty("reason").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DeniedRequest_WorkerReadsAudit_Returns403AndIsRecorded(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var client = await app.ClientAsync(worker);

        var response = await client.GetAsync("/api/v1/audit?userName=x", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var row = Assert.Single(await app.AuditRowsAsync(a => a.UserName == worker.UserName && a.Action == "Access.Denied"));
        Assert.Equal(AuditOutcome.Denied, row.Outcome);
        Assert.Equal("Endpoint", row.ObjectType);
        Assert.Equal("GET /api/v1/audit", row.ObjectId);
        Assert.Equal(Roles.CommunityWorker, row.Roles);
        Assert.Equal(tree.Community.Id, row.OrgUnitId);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Event_OverlongFields_AreClippedToTheColumns(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var longId = user.UserName + new string('x', 300);

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetUser(user.Id, user.UserName, user.Role, tree.Community.Id, null, tree.Community.OrgPath);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AddAuditEvent("Access.Denied", "Endpoint", longId, AuditOutcome.Denied);
            await db.SaveChangesAsync(Ct);
        }

        var row = Assert.Single(await app.AuditRowsAsync(a => a.UserName == user.UserName));
        Assert.Equal(longId[..100], row.ObjectId);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task AuditRows_ChangedOrAddedThroughTheContext_AreRefused(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        await app.RecordAsync(user, ("Test.Original", AuditOutcome.Success));

        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.AuditLog.SingleAsync(a => a.UserName == user.UserName, Ct);
        row.After = """{"note":"篡改"}""";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        db.ChangeTracker.Clear();
        db.AuditLog.Remove(row);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        db.ChangeTracker.Clear();
        db.AuditLog.Add(new AuditEntry { Id = long.MaxValue, Action = "Forged", UserName = user.UserName });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));

        var stored = Assert.Single(await app.AuditRowsAsync(a => a.UserName == user.UserName));
        Assert.Equal("""{"note":"测试"}""", stored.After);
    }

    static JsonElement Json(string? text) => JsonDocument.Parse(text!).RootElement;
}
