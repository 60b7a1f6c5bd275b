using System.Linq.Expressions;
using System.Reflection;
using Linli.Data;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Linli.Platform.Generation;

// Binary COPY, one compiled writer per entity type: each column read from the property and written with its own type
// (no boxing) and synchronously (a value lands in Npgsql's buffer; only a full buffer goes to the socket).
sealed class PostgresRowSink(AppDbContext db) : RowSink(db)
{
    readonly Dictionary<IEntityType, Delegate> writers = [];

    protected override async Task<long> WriteAsync<T>(IEntityType entity, Column[] columns, IEnumerable<T> rows, CancellationToken ct)
    {
        if (!writers.TryGetValue(entity, out var compiled)) writers[entity] = compiled = Compile<T>(columns);
        var write = (Action<NpgsqlBinaryImporter, T>)compiled;
        var connection = (NpgsqlConnection)Db.Database.GetDbConnection();
        var sql = $"COPY {Table(entity)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        long count = 0;
        await using (var import = await connection.BeginBinaryImportAsync(sql, ct))
        {
            foreach (var row in rows)
            {
                write(import, row);
                if (++count % 10_000 == 0) ct.ThrowIfCancellationRequested();
            }
            await import.CompleteAsync(ct);
        }
        return count;
    }

    // (importer, row) => { importer.StartRow(); for each column: value is null ? importer.WriteNull() : importer.Write<TProvider>(convert(value), storeType); }
    static Action<NpgsqlBinaryImporter, T> Compile<T>(Column[] columns)
    {
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var row = Expression.Parameter(typeof(T), "row");
        var body = new List<Expression> { Expression.Call(importer, nameof(NpgsqlBinaryImporter.StartRow), null) };
        body.AddRange(columns.Select(c => WriteColumn(importer, row, c)));
        return Expression.Lambda<Action<NpgsqlBinaryImporter, T>>(Expression.Block(body), importer, row).Compile();
    }

    static Expression WriteColumn(ParameterExpression importer, ParameterExpression row, Column column)
    {
        var member = (MemberInfo?)column.Property.PropertyInfo ?? column.Property.FieldInfo
                     ?? throw new InvalidOperationException($"{column.Property.Name} has no CLR member to read.");
        var read = Expression.MakeMemberAccess(row, member);
        var value = Expression.Variable(read.Type, "value");
        var underlying = Nullable.GetUnderlyingType(value.Type);
        Expression present = underlying is null ? value : Expression.Property(value, nameof(Nullable<int>.Value));
        if (column.Mapping.Converter is { } converter)
        {
            var toProvider = converter.ConvertToProviderExpression;
            var input = toProvider.Parameters[0].Type;
            present = Expression.Invoke(toProvider, present.Type == input ? present : Expression.Convert(present, input));
        }
        Expression write = Expression.Call(importer, nameof(NpgsqlBinaryImporter.Write), [present.Type], present, Expression.Constant(column.Mapping.StoreTypeNameBase));
        Expression? isNull = underlying is not null ? Expression.Not(Expression.Property(value, nameof(Nullable<int>.HasValue)))
            : value.Type.IsValueType ? null : Expression.ReferenceEqual(value, Expression.Constant(null, value.Type));
        if (isNull is not null) write = Expression.IfThenElse(isNull, Expression.Call(importer, nameof(NpgsqlBinaryImporter.WriteNull), null), write);
        return Expression.Block([value], Expression.Assign(value, read), write);
    }
}
