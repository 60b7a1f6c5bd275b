using Linli.Data;
using Linli.Modules.Residents;
using Npgsql;

namespace Linli.Platform.Generation;

// 批量装载 while the registry tables fill, their secondary indexes and foreign keys step aside and come back at the
// end: PostgreSQL then builds each index once by sorting and checks each key with one join, instead of a btree
// insert and a trigger per row. Also what lets 户 and 户主 refer to each other (households name their head, the
// head names the household). All inside the generator's transaction: the tables are locked meanwhile, and a failure
// (say, a key that does not hold) rolls the drop back too. The definitions are read from the catalog, so they
// follow the migrations. SQLite: foreign keys are checked at commit instead.
public sealed class BulkLoad
{
    static readonly Type[] Tables = [typeof(Building), typeof(House), typeof(Household), typeof(Resident), typeof(ResidentTag)];

    readonly List<(string Table, string Name, string Definition)> foreignKeys = [];
    readonly List<(string Name, string Definition)> indexes = [];

    public static async Task<BulkLoad> SuspendAsync(AppDbContext db, CancellationToken ct)
    {
        var load = new BulkLoad();
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
            return load;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var type in Tables)
        {
            var table = Quote(db.Model.FindEntityType(type)!.GetTableName()!);
            await ReadAsync(connection, $"SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '{table}'::regclass AND contype = 'f'",
                r => load.foreignKeys.Add((table, r.GetString(0), r.GetString(1))), ct);
            // Secondary indexes only: the primary keys stay, as other tables' keys refer to them.
            await ReadAsync(connection, "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid " +
                $"WHERE x.indrelid = '{table}'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
                r => load.indexes.Add((r.GetString(0), r.GetString(1))), ct);
        }
        foreach (var (table, name, _) in load.foreignKeys) await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {Quote(name)}", ct);
        foreach (var (name, _) in load.indexes) await ExecuteAsync(connection, $"DROP INDEX {Quote(name)}", ct);
        return load;
    }

    /// <summary>Indexes first (the keys' checks use them), then the foreign keys, each validated.</summary>
    public async Task RestoreAsync(AppDbContext db, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        if (!db.IsPostgres) return;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var total = indexes.Count + foreignKeys.Count;
        var done = 0;
        await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '256MB'", ct);
        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, definition, ct);
            progress?.Report(new("indexes", ++done, total));
        }
        foreach (var (table, name, definition) in foreignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} ADD CONSTRAINT {Quote(name)} {definition}", ct);
            progress?.Report(new("indexes", ++done, total));
        }
        // Fresh statistics, so the first queries on the new rows (the bench's, say) are planned for their size.
        foreach (var table in foreignKeys.Select(f => f.Table).Distinct()) await ExecuteAsync(connection, $"ANALYZE {table}", ct);
    }

    static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    static async Task ReadAsync(NpgsqlConnection connection, string sql, Action<NpgsqlDataReader> row, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) row(reader);
    }
}
