using System.Linq.Expressions;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.OrgScope;
using Linli.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.AuditLog;

/// <summary>Arranging and reading audit rows. The log is global: assert on your own user names and object ids.</summary>
static class AuditTestKit
{
    /// <summary>A user whose admin role may use the API: two-factor counts as enrolled (the forced step is not under test).</summary>
    public static async Task<TestUser> CreateEnrolledUserAsync(this LinliApp app, string role, OrgUnit unit)
    {
        var user = await app.CreateUserAsync(role, unit);
        if (Roles.IsAdmin(role))
        {
            using var scope = app.SystemScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var result = await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(user.Id))!, true);
            Assert.True(result.Succeeded);
        }
        return user;
    }

    public static async Task<HttpClient> AuditorClientAsync(this LinliApp app, OrgUnit unit) =>
        await app.ClientAsync(await app.CreateEnrolledUserAsync(Roles.Auditor, unit));

    /// <summary>A database of its own, for tests that tamper with, purge or count the whole chain.</summary>
    public static LinliApp PrivateApp(Provider provider)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
        {
            if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
        }
        var app = LinliApp.Create(provider);
        _ = app.Services; // started: migrated, roles seeded
        return app;
    }

    /// <summary>Saves explicit events as <paramref name="user"/> would, from a scope of its own.</summary>
    public static async Task RecordAsync(this LinliApp app, TestUser user, params (string Action, string Outcome)[] events)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>()
            .SetUser(user.Id, user.UserName, user.Role, user.Unit.Id, null, user.Unit.OrgPath);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (action, outcome) in events)
        {
            db.AddAuditEvent(action, "TestObject", user.UserName, outcome, after: new { note = "测试" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
    }

    public static Task<List<AuditEntry>> AuditRowsAsync(this LinliApp app, Expression<Func<AuditEntry, bool>> where) =>
        app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(where).OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken));

    public static Task<AuditVerifier.Report> VerifyAsync(this LinliApp app) =>
        app.WithDbAsync(db => AuditVerifier.VerifyAsync(db, TestContext.Current.CancellationToken));
}
