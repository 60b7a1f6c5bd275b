using Linli.Data;
using Linli.Platform.OrgScope;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Hosting;

/// <summary>
/// Before the server listens: migrate the embedded SQLite database (PostgreSQL only when Database:MigrateOnStartup
/// is set; production uses the `migrate` verb) and, in demo mode, seed the demo city.
/// </summary>
sealed class StartupTasks(IServiceProvider services, IConfiguration config, IOptions<DemoOptions> demo, ILogger<StartupTasks> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var provider = DatabaseSetup.Provider(config);
        var migrate = provider == DatabaseProvider.Sqlite || config.GetValue<bool>("Database:MigrateOnStartup");
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().EnterSystemScope("system:startup");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (migrate) await Migrations.ApplyAsync(db, ct);
        if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any())
            await RoleSeeder.EnsureRolesAsync(scope.ServiceProvider);
        else
            log.LogError("The database has pending migrations: run `Linli.Web migrate`.");
        if (IsDemo(provider, demo.Value))
        {
            log.LogWarning("DEMO MODE IS ON: demo accounts with a published password exist. Turn it off (Demo:Enabled=false) for real use.");
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
            await seeder.SeedAsync(ct);
            seeder.PrintLogins(Console.Out);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public static bool IsDemo(DatabaseProvider provider, DemoOptions demo) => demo.Enabled ?? provider == DatabaseProvider.Sqlite;
}

public static class RoleSeeder
{
    public static async Task EnsureRolesAsync(IServiceProvider sp)
    {
        var roles = sp.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
        foreach (var r in Linli.Platform.Auth.Roles.All)
            if (!await roles.RoleExistsAsync(r)) await roles.CreateAsync(new(r));
    }
}

public static class Migrations
{
    public static async Task ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct); // readers don't block the writer
    }
}
