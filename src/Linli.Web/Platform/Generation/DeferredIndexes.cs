using Linli.Data;
using Npgsql;

namespace Linli.Platform.Generation;

/// <summary>
/// 先装后建 the bulk loader's rule on PostgreSQL: into an empty table, rows go in faster without its secondary indexes
/// and foreign keys, which are then built once from the sorted data (and the keys checked in one pass) instead of row
/// by row. Only for tables empty at the start (a fresh generated city), never under a live product's rows; the primary
/// key stays. Restores exactly the definitions it dropped, also when the load fails.
/// </summary>
sealed class DeferredIndexes(AppDbContext db, List<string> restore) : IAsyncDisposable
{
    public static async Task<DeferredIndexes> DropAsync(AppDbContext db, string[] tables, CancellationToken ct)
    {
        var restore = new List<string>();
        if (!db.IsPostgres) return new(db, restore);
        await db.Database.OpenConnectionAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var table in tables)
        {
            if (await ScalarAsync(conn, $"SELECT EXISTS (SELECT 1 FROM \"{table}\")", ct) is true) continue;
            var foreignKeys = await RowsAsync(conn, $"""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"{table}"'::regclass AND contype = 'f' ORDER BY conname
                """, ct);
            var indexes = await RowsAsync(conn, $"""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                WHERE i.indrelid = '"{table}"'::regclass AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1
                """, ct);
            foreach (var (name, definition) in foreignKeys)
            {
                await ExecAsync(conn, $"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{name}\"", ct);
                restore.Add($"ALTER TABLE \"{table}\" ADD CONSTRAINT \"{name}\" {definition}");
            }
            foreach (var (name, definition) in indexes)
            {
                await ExecAsync(conn, $"DROP INDEX {name}", ct);
                restore.Insert(0, definition); // indexes before the foreign keys, whose check uses them
            }
        }
        return new(db, restore);
    }

    public async ValueTask DisposeAsync()
    {
        if (restore.Count == 0) return;
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var sql in restore) await ExecAsync(conn, sql, CancellationToken.None);
        restore.Clear();
    }

    static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 }; // index builds at city scale take minutes
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static async Task<object?> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync(ct);
    }

    static async Task<List<(string Name, string Definition)>> RowsAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}
