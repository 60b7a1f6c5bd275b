using System.Data;
using System.Data.Common;
using Linli.Data;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Data.Sqlite;

namespace Linli.Platform.Generation;

/// <summary>What a long bulk step reports to the progress bar.</summary>
public sealed record GenerationProgress(string Stage, long Done, long Total);

/// <summary>
/// 批量写入 bulk rows straight to a table, by the EF model's own mapping (table, columns, value converters), so it
/// follows the model as it changes. PostgreSQL: binary COPY. SQLite: one prepared INSERT reused per row, inside the
/// caller's transaction (or one of its own per call). Bypasses change tracking, query filters and the audit trail:
/// callers are system jobs (the generator, bulk import) that record their own audit event. Keys are set by the caller.
/// </summary>
public abstract class RowSink(AppDbContext db) : IAsyncDisposable
{
    readonly HashSet<IEntityType> written = [];

    protected AppDbContext Db { get; } = db;

    public static RowSink For(AppDbContext db) => db.IsPostgres ? new PostgresRowSink(db) : new SqliteRowSink(db);

    /// <summary>Writes the rows; returns how many. Streams: pass a lazy sequence for big tables.</summary>
    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = Db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        written.Add(entity);
        await Db.Database.OpenConnectionAsync(ct);
        return await WriteAsync(entity, Columns(entity), rows, ct);
    }

    /// <summary>PostgreSQL identity sequences of the tables written so far move past their max(Id). SQLite does this itself.</summary>
    public async Task ResetSequencesAsync(CancellationToken ct)
    {
        if (!Db.IsPostgres) return;
        foreach (var entity in written)
        {
            var key = entity.FindPrimaryKey();
            if (key is not { Properties: [var id] } || id.ClrType != typeof(long) && id.ClrType != typeof(int) || id.ValueGenerated == ValueGenerated.Never) continue;
            var table = Quote(entity.GetTableName()!);
            var column = id.GetColumnName();
#pragma warning disable EF1002 // names come from the model, not from input
            await Db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), COALESCE((SELECT max({Quote(column)}) FROM {table}), 0) + 1, false)", ct);
#pragma warning restore EF1002
        }
    }

    /// <summary>max(Id) + 1 of the entity's table, without query filters: where a generator's own keys start.</summary>
    public static async Task<long> NextIdAsync<T>(AppDbContext db, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var id = entity.FindPrimaryKey()!.Properties.Single();
#pragma warning disable EF1002
        var max = await db.Database.SqlQueryRaw<long?>($"SELECT max({Quote(id.GetColumnName())}) AS \"Value\" FROM {Quote(entity.GetTableName()!)}").SingleAsync(ct);
#pragma warning restore EF1002
        return (max ?? 0) + 1;
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected abstract Task<long> WriteAsync<T>(IEntityType entity, Column[] columns, IEnumerable<T> rows, CancellationToken ct) where T : class;

    protected sealed record Column(string Name, IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
    {
        public object? Raw(object row) => Getter.GetClrValue(row);
    }

    // Every stored, non-computed column that the CLR object carries. Shadow properties are left to their defaults.
    static Column[] Columns(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetComputedColumnSql() is null && p.GetColumnName(table) is not null)
            .Select(p => new Column(p.GetColumnName(table)!, p, p.GetGetter(), (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToArray();
    }

    protected static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    protected static string Table(IEntityType entity) =>
        entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(entity.GetTableName()!)}" : Quote(entity.GetTableName()!);
}

sealed class SqliteRowSink(AppDbContext db) : RowSink(db)
{
    const int RowsPerTransaction = 50_000;

    protected override async Task<long> WriteAsync<T>(IEntityType entity, Column[] columns, IEnumerable<T> rows, CancellationToken ct)
    {
        var connection = Db.Database.GetDbConnection();
        var outer = Db.Database.CurrentTransaction?.GetDbTransaction();
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {Table(entity)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = $"$p{i}";
            command.Parameters.Add(parameters[i]);
        }
        DbTransaction? own = null;
        long count = 0;
        try
        {
            foreach (var row in rows)
            {
                if (outer is null && own is null) own = await connection.BeginTransactionAsync(ct);
                command.Transaction = outer ?? own;
                if (count == 0) await command.PrepareAsync(ct);
                for (var i = 0; i < columns.Length; i++)
                    Bind(parameters[i], columns[i], row);
                await command.ExecuteNonQueryAsync(ct);
                if (++count % RowsPerTransaction == 0 && own is not null)
                {
                    await own.CommitAsync(ct);
                    await own.DisposeAsync();
                    own = null;
                }
            }
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
        return count;
    }

    // The provider's own mapping decides the stored form (Guid and DateTime as text, enums by converter…).
    static void Bind(DbParameter parameter, Column column, object row)
    {
        var value = column.Raw(row);
        if (value is null)
        {
            parameter.Value = DBNull.Value;
            return;
        }
        var template = (SqliteParameter)column.Mapping.CreateParameter(EmptyCommand, parameter.ParameterName, value);
        var target = (SqliteParameter)parameter;
        target.SqliteType = template.SqliteType;
        target.Value = template.Value;
    }

    static readonly SqliteCommand EmptyCommand = new();
}
