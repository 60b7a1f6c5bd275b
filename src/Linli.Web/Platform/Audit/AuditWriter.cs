using System.Text.Json;
using Linli.Data;
using Linli.Platform.OrgScope;

namespace Linli.Platform.Audit;

/// <summary>Appends rows to the hash chain inside the caller's transaction.</summary>
public static class AuditWriter
{
    // Serializes appends within this process; the advisory lock does it across PostgreSQL instances,
    // and SQLite's write lock across processes.
    static readonly SemaphoreSlim Gate = new(1, 1);
    const long ChainLockKey = 0x4C494E4C49; // "LINLI"

    public static AuditEntry NewEntry(CurrentUser user, string action, string? objectType, string? objectId,
        string outcome, object? before, object? after) => new()
    {
        TimeUtc = TruncateToMicroseconds(DateTime.UtcNow),
        UserId = user.UserId,
        UserName = user.UserName,
        Roles = user.Roles,
        OrgUnitId = user.OrgUnitId,
        Ip = user.Ip,
        Action = action,
        ObjectType = objectType,
        ObjectId = objectId,
        Before = before is null ? null : JsonSerializer.Serialize(before, AuditCapture.Json),
        After = after is null ? null : JsonSerializer.Serialize(after, AuditCapture.Json),
        Outcome = outcome,
    };

    public static async Task AppendAsync(AppDbContext db, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await Gate.WaitAsync(ct);
        try
        {
            if (db.IsPostgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", ct);
            var last = await db.AuditLog.OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
            var id = last?.Id ?? 0;
            var prev = last?.Hash ?? "";
            foreach (var row in rows)
            {
                row.Id = ++id;
                row.PrevHash = prev;
                row.Hash = prev = AuditHash.Compute(row);
                db.AuditLog.Add(row);
            }
            await db.SaveAuditRowsAsync(ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    // PostgreSQL keeps microseconds; the hash must be computed over what is stored.
    static DateTime TruncateToMicroseconds(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);
}
