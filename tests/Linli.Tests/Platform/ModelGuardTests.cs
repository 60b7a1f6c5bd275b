using Linli.Data;
using Linli.Platform.OrgScope;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

// The EF model: org-scope filters everywhere they belong, and migrations that match the model on both providers.
public sealed class ModelGuardTests(Apps apps)
{
    static SqliteAppDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options, new CurrentUser());

    static PostgresAppDbContext Postgres() =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=linli_model_only").Options, new CurrentUser());

    [Fact]
    public void EveryOrgScopedEntity_HasTheOrgScopeFilter()
    {
        foreach (var db in new AppDbContext[] { Sqlite(), Postgres() })
        {
            using (db)
            {
                var scoped = db.Model.GetEntityTypes().Where(t => typeof(IOrgScoped).IsAssignableFrom(t.ClrType)).ToList();
                Assert.NotEmpty(scoped);
                var missing = scoped
                    .Where(t => t.GetRootType().FindDeclaredQueryFilter(AppDbContext.OrgScopeFilter)?.Expression is null)
                    .Select(t => t.ClrType.Name).ToList();
                Assert.True(missing.Count == 0, $"IOrgScoped without the \"{AppDbContext.OrgScopeFilter}\" filter (add ScopeByOrg<T> in AppDbContext.OnModelCreating): {string.Join(", ", missing)}");
            }
        }
    }

    [Fact]
    public async Task OrgScopeFilter_WithoutAScope_SeesNothing()
    {
        var app = await apps.For(Provider.Sqlite);
        await app.CreateTreeAsync();

        using var scope = app.Services.CreateScope(); // nobody signed in, no system scope
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(0, await db.OrgUnits.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Departments.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Sqlite_Migrations_MatchTheModel()
    {
        using var db = Sqlite();
        Assert.True(db.Database.GetMigrations().Any());
        Assert.False(db.Database.HasPendingModelChanges(), "Model changes without a migration: run scripts/add-migration.sh");
    }

    [Fact]
    public void Postgres_Migrations_MatchTheModel()
    {
        using var db = Postgres();
        Assert.True(db.Database.GetMigrations().Any());
        Assert.False(db.Database.HasPendingModelChanges(), "Model changes without a migration: run scripts/add-migration.sh");
    }
}
