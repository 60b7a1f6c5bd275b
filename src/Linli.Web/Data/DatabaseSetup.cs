using Microsoft.EntityFrameworkCore.Design;
using Linli.Platform.OrgScope;

namespace Linli.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/linli.db";

    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static IServiceCollection AddLinliDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = Provider(config);
        var cs = config.GetConnectionString("Linli");
        services.AddScoped<CurrentUser>();
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("ConnectionStrings:Linli is required when Database:Provider is Postgres.");
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(cs));
        }
        else
        {
            cs = string.IsNullOrWhiteSpace(cs) ? DefaultSqlite : cs;
            EnsureSqliteFolder(cs);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(cs));
        }
        return services;
    }

    static void EnsureSqliteFolder(string cs)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(dir) && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal)) Directory.CreateDirectory(dir);
    }
}

// Used by `dotnet ef` only.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(DatabaseSetup.DefaultSqlite).Options, new CurrentUser());
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=linli_design").Options, new CurrentUser());
}
