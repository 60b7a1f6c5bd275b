using System.Text.Json;
using Linli.Data;
using Linli.Platform.Generation;
using Linli.Platform.OrgScope;

namespace Linli.Platform.Audit;

/// <summary>Appends rows to the hash chain inside the caller's transaction.</summary>
/// <remarks>
/// The database serializes appends, never a process-local lock: PostgreSQL by a transaction-scoped advisory lock,
/// SQLite because the transaction is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so it already holds the
/// write lock when it reads the chain's end. A process-local lock taken before the advisory lock deadlocked
/// when a transaction that already held the advisory lock saved a second time.
/// </remarks>
public static class AuditWriter
{
    const long ChainLockKey = 0x4C494E4C49; // "LINLI"

    /// <param name="claimedUserName">The account a login attempt names: the user column while nobody is signed in.</param>
    public static AuditEntry NewEntry(CurrentUser user, string action, string? objectType, string? objectId,
        string outcome, object? before, object? after, string? claimedUserName = null) => new()
    {
        TimeUtc = Now(),
        UserId = Clip(user.UserId, 64),
        UserName = Clip(user.UserName ?? claimedUserName, 100),
        Roles = Clip(user.Roles, 200),
        OrgUnitId = user.OrgUnitId,
        Ip = Clip(user.Ip, 64),
        Action = Clip(action, 100)!,
        ObjectType = Clip(objectType, 100),
        // Request paths and typed user names land here: clipped to the column, or PostgreSQL refuses the row.
        ObjectId = Clip(objectId, 100),
        Before = before is null ? null : JsonSerializer.Serialize(before, AuditCapture.Json),
        After = after is null ? null : JsonSerializer.Serialize(after, AuditCapture.Json),
        Outcome = Clip(outcome, 20)!,
    };

    public static async Task AppendAsync(AppDbContext db, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await ChainAsync(db, rows, ct);
        db.AuditLog.AddRange(rows);
        await db.SaveAuditRowsAsync(ct);
    }

    /// <summary>The same chain, written by <see cref="RowSink"/> (PostgreSQL COPY) instead of the change tracker: for bulk writers.</summary>
    public static async Task AppendBulkAsync(AppDbContext db, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await ChainAsync(db, rows, ct);
        await RowSink.For(db).WriteAsync(rows, ct);
    }

    // Takes the chain lock, then numbers, stamps and links the rows after the chain's current end.
    static async Task ChainAsync(AppDbContext db, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Audit rows are appended inside the transaction of the change they record.");
        if (db.IsPostgres)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", ct);
        var last = await db.AuditLog.OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
        var id = last?.Id ?? 0;
        var prev = last?.Hash ?? "";
        // Stamped under the lock, so time never runs backwards along the chain (retention cuts a prefix).
        var now = Now();
        foreach (var row in rows)
        {
            row.Id = ++id;
            row.TimeUtc = now;
            row.PrevHash = prev;
            row.Hash = prev = AuditHash.Compute(row);
        }
    }

    static string? Clip(string? s, int max) => s is null || s.Length <= max ? s : s[..max];

    // The hash must be computed over what is stored.
    static DateTime Now() => StoredTime.Microseconds(DateTime.UtcNow);
}
