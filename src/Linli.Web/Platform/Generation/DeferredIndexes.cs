using Linli.Data;
using Npgsql;

namespace Linli.Platform.Generation;

/// <summary>
/// 先装后建 while bulk rows go in on PostgreSQL, the tables' secondary indexes and foreign keys step aside and come back
/// afterwards: each index is then built once by sorting and each key checked with one join, instead of a btree insert
/// and a trigger per row. The primary keys stay (other tables' keys refer to them). The definitions are read from the
/// catalog, so they follow the migrations, and exactly those are restored. Inside a transaction a failure rolls the
/// drop back too; outside one, the caller restores in a finally. SQLite: nothing to do.
/// </summary>
public sealed class DeferredIndexes
{
    readonly List<string> tables = [];
    readonly List<string> indexes = [];
    readonly List<string> foreignKeys = [];

    /// <summary>Drops them on the tables of these entities; with <paramref name="onlyEmpty"/>, only on the tables that hold no rows yet.</summary>
    public static async Task<DeferredIndexes> DropAsync(AppDbContext db, Type[] entities, bool onlyEmpty, CancellationToken ct)
    {
        var deferred = new DeferredIndexes();
        if (!db.IsPostgres) return deferred;
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var entity in entities)
        {
            var table = Quote(db.Model.FindEntityType(entity)!.GetTableName()!);
            if (onlyEmpty && await ExistsAsync(connection, $"SELECT EXISTS (SELECT 1 FROM {table})", ct)) continue;
            var keys = await RowsAsync(connection,
                $"SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '{table}'::regclass AND contype = 'f' ORDER BY conname", ct);
            // Secondary indexes only: not those behind a constraint (the primary key, unique constraints).
            var secondary = await RowsAsync(connection, "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid " +
                $"WHERE x.indrelid = '{table}'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) ORDER BY 1", ct);
            foreach (var (name, definition) in keys)
            {
                await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {Quote(name)}", ct);
                deferred.foreignKeys.Add($"ALTER TABLE {table} ADD CONSTRAINT {Quote(name)} {definition}");
            }
            foreach (var (name, definition) in secondary)
            {
                await ExecuteAsync(connection, $"DROP INDEX {Quote(name)}", ct);
                deferred.indexes.Add(definition);
            }
            deferred.tables.Add(table);
        }
        return deferred;
    }

    /// <summary>
    /// Indexes first (the keys' checks use them), then the foreign keys, each validated, then fresh statistics so the
    /// first queries on the new rows are planned for their size. Sorts and the keys' join get memory for the job.
    /// </summary>
    public async Task RestoreAsync(AppDbContext db, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        if (tables.Count == 0) return;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var total = indexes.Count + foreignKeys.Count;
        var done = 0;
        // For this session only; a failure rolls the SET back with the transaction, or the pool's reset drops it.
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'", ct);
        foreach (var sql in indexes.Concat(foreignKeys))
        {
            await ExecuteAsync(connection, sql, ct);
            progress?.Report(new("indexes", ++done, total));
        }
        foreach (var table in tables) await ExecuteAsync(connection, $"ANALYZE {table}", ct);
        await ExecuteAsync(connection, "RESET maintenance_work_mem; RESET work_mem", ct);
        tables.Clear();
    }

    static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    static async Task<List<(string Name, string Definition)>> RowsAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}
