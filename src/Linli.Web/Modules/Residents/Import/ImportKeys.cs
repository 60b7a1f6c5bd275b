using Linli.Data;

namespace Linli.Modules.Residents;

// 主键预留 keys for rows the bulk import writes itself (RowSink sets no keys). PostgreSQL draws them from the
// table's identity sequence, so concurrent writers and later EF inserts never collide; SQLite hands out the next ones
// after both max(Id) and its AUTOINCREMENT counter, safe because the import's transaction holds the write lock.
static class ImportKeys
{
    public static async Task<long[]> NextAsync<T>(AppDbContext db, int count, CancellationToken ct) where T : class
    {
        if (count == 0) return [];
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var column = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
#pragma warning disable EF1002 // names come from the model, the count is a number
        if (db.IsPostgres)
        {
            var ids = await db.Database.SqlQueryRaw<long>(
                $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{column}')) AS \"Value\" FROM generate_series(1, {count})").ToListAsync(ct);
            ids.Sort();
            return [.. ids];
        }
        var last = await db.Database.SqlQueryRaw<long>(
            $"SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), COALESCE((SELECT max(\"{column}\") FROM \"{table}\"), 0)) AS \"Value\"").SingleAsync(ct);
#pragma warning restore EF1002
        return [.. Enumerable.Range(1, count).Select(i => last + i)];
    }
}
