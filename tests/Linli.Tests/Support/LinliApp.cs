using System.Net.Http.Headers;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Platform.OrgScope;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Support;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// One running Linli per provider for the whole test run, on a fresh database built by the real migrations.
/// Tests isolate themselves by creating their own org tree (<see cref="CreateTreeAsync"/>): scoping keeps them apart.
/// </summary>
public sealed class LinliApp : IAsyncDisposable
{
    public const string Password = "Test@Pass2026";

    // Fixed privacy key (bytes 1..32): no key file is written, and tests can decrypt what the app stored.
    public const string PrivacyKey = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    static int cityCounter;

    readonly WebApplicationFactory<Program> factory;
    readonly bool ownsDatabase;
    public Provider Provider { get; }
    public string ConnectionString { get; }

    LinliApp(Provider provider, string connectionString, IDictionary<string, string?>? extra, bool ownsDatabase = true)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.ownsDatabase = ownsDatabase;
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", provider.ToString());
            b.UseSetting("ConnectionStrings:Linli", connectionString);
            b.UseSetting("Database:MigrateOnStartup", "true");
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting("Privacy:Key", PrivacyKey);
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            // Background timers stay off: tests run a tick themselves (or turn them on through extra).
            b.UseSetting("Matters:TimerSeconds", "0");
            b.UseSetting("Notifications:OutboxSeconds", "0");
            b.UseSetting("Matters:TrackPerMinute", "100000"); // the shared apps track and rate from one address all run long
            foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) b.UseSetting(k, v);
        });
    }

    public static LinliApp Create(Provider provider, IDictionary<string, string?>? extra = null)
    {
        var name = $"linli_test_{Guid.NewGuid():N}"[..24];
        var cs = provider == Provider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")}"
            : $"{TestEnvironment.PostgresConnection}Database={name};";
        return new LinliApp(provider, cs, extra);
    }

    /// <summary>
    /// Another app instance on this app's database (a second server of the same deployment), e.g. to show that
    /// timers fire once. Disposing it leaves the database to its owner.
    /// </summary>
    public LinliApp SecondInstance(IDictionary<string, string?>? extra = null) => new(Provider, ConnectionString, extra, ownsDatabase: false);

    public IServiceProvider Services => factory.Services;

    public HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client holding a bearer token for the user, issued the way the token endpoint does.</summary>
    public async Task<HttpClient> ClientAsync(TestUser user)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var token = ApiTokenHandler.NewToken();
        db.ApiTokens.Add(new ApiToken { TokenHash = ApiTokenHandler.Hash(token), UserId = user.Id, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddHours(1) });
        await db.SaveChangesAsync();
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> ClientAsync(string role, OrgUnit unit, long? departmentId = null) =>
        await ClientAsync(await CreateUserAsync(role, unit, departmentId));

    /// <summary>
    /// An account ready to use: password set, no forced change. Admin roles get two-factor enrolled (as they must
    /// before they may do anything); <see cref="ClientAsync(TestUser)"/> needs no code, the token endpoint does.
    /// </summary>
    public async Task<TestUser> CreateUserAsync(string role, OrgUnit unit, long? departmentId = null, bool mustChangePassword = false)
    {
        using var scope = SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}"[..30];
        var user = new AppUser
        {
            UserName = name, DisplayName = name, OrgUnitId = unit.Id, OrgPath = unit.OrgPath, DepartmentId = departmentId,
            CreatedAt = DateTime.UtcNow, MustChangePassword = mustChangePassword,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        if (Roles.IsAdmin(role))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return new TestUser(user.Id, name, Password, role, unit);
    }

    /// <summary>A fresh city of its own: city → district → street → two communities → grid, plus a second street.</summary>
    public async Task<TestTree> CreateTreeAsync()
    {
        var n = Interlocked.Increment(ref cityCounter);
        var prefix = $"{11 + n / 99 % 80:00}{1 + n % 99:00}"; // province + city digits, unique per tree in this run
        return await CreateTreeAsync(prefix);
    }

    async Task<TestTree> CreateTreeAsync(string prefix)
    {
        using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stamp = Guid.NewGuid().ToString("N")[..4];
        await using var write = await OrgWriteLock.BeginAsync(db, default); // tests create trees in parallel
        var next = await write.NextIdAsync(default) - 1;
        OrgUnit Unit(OrgUnit? parent, OrgLevel level, string code, string name)
        {
            var id = ++next;
            var u = new OrgUnit { Id = id, ParentId = parent?.Id, Level = level, Code = code, Name = $"{name}{stamp}", OrgPath = $"{parent?.OrgPath ?? "/"}{id}/" };
            db.OrgUnits.Add(u);
            return u;
        }
        var city = Unit(null, OrgLevel.City, $"{prefix}00000000", "测试市");
        var district = Unit(city, OrgLevel.District, $"{prefix}01000000", "测试区");
        var street = Unit(district, OrgLevel.Street, $"{prefix}01001000", "测试街道");
        var community = Unit(street, OrgLevel.Community, $"{prefix}01001001", "甲社区");
        var community2 = Unit(street, OrgLevel.Community, $"{prefix}01001002", "乙社区");
        var grid = Unit(community, OrgLevel.Grid, $"{prefix}01001001001", "第一网格");
        var street2 = Unit(district, OrgLevel.Street, $"{prefix}01002000", "另一街道");
        var community3 = Unit(street2, OrgLevel.Community, $"{prefix}01002001", "丙社区");
        await write.CommitAsync(default);
        return new TestTree(city, district, street, community, community2, grid, street2, community3);
    }

    /// <summary>Another grid under <paramref name="community"/> (the tree has one).</summary>
    public Task<OrgUnit> CreateGridAsync(OrgUnit community, string suffix = "002") =>
        AddUnitAsync(community, OrgLevel.Grid, community.Code + suffix, $"网格{suffix}");

    /// <summary>Direct database access in whole-city scope, for arranging and asserting what the API cannot show.</summary>
    public IServiceScope SystemScope()
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().EnterSystemScope("tests");
        return scope;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = SystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>One more unit under <paramref name="parent"/> (a second district, say), with the next free id.</summary>
    public async Task<OrgUnit> AddUnitAsync(OrgUnit parent, OrgLevel level, string code, string name)
    {
        using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var write = await OrgWriteLock.BeginAsync(db, default);
        var id = await write.NextIdAsync(default);
        var unit = new OrgUnit { Id = id, ParentId = parent.Id, Level = level, Code = code, Name = name, OrgPath = $"{parent.OrgPath}{id}/" };
        db.OrgUnits.Add(unit);
        await write.CommitAsync(default);
        return unit;
    }

    static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        if (!ownsDatabase) return;
        if (Provider == Provider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(f)) File.Delete(f);
        }
        else
        {
            await using var conn = new Npgsql.NpgsqlConnection(TestEnvironment.PostgresConnection + "Database=postgres;");
            await conn.OpenAsync();
            var db = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database;
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var cmd = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

public sealed record TestUser(string Id, string UserName, string Password, string Role, OrgUnit Unit);

public sealed record TestTree(OrgUnit City, OrgUnit District, OrgUnit Street, OrgUnit Community, OrgUnit Community2,
    OrgUnit Grid, OrgUnit Street2, OrgUnit Community3);
