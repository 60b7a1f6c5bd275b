using Linli.Data;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Modules.Organization;

/// <summary>
/// One transaction for a write to the tree that allocates ids (max + 1, so the path goes into the same insert) or
/// changes codes and paths. Such writes are serialized: in this process by a gate, across PostgreSQL instances by an
/// advisory lock, and on SQLite by its write lock (EF begins SQLite transactions IMMEDIATE). Checks made while the
/// lock is held (code uniqueness) therefore stay true until the commit.
/// </summary>
public sealed class OrgWriteLock : IAsyncDisposable
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    const long AdvisoryKey = 0x4C494E4C4F; // "LINLO"

    readonly AppDbContext db;
    readonly IDbContextTransaction transaction;
    long nextId = -1;

    OrgWriteLock(AppDbContext db, IDbContextTransaction transaction)
    {
        this.db = db;
        this.transaction = transaction;
    }

    public static async Task<OrgWriteLock> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryKey})", ct);
            return new OrgWriteLock(db, transaction);
        }
        catch
        {
            Gate.Release();
            throw;
        }
    }

    /// <summary>The next free unit id. Reads across the whole table: ids are global, not per subtree.</summary>
    public async Task<long> NextIdAsync(CancellationToken ct)
    {
        if (nextId < 0)
            nextId = await db.OrgUnits.IgnoreQueryFilters().MaxAsync(u => (long?)u.Id, ct) ?? 0;
        return ++nextId;
    }

    /// <summary>
    /// Which of these codes some unit already has. Codes are unique city-wide, so this looks past the caller's scope;
    /// it answers only yes/no per code the caller typed.
    /// </summary>
    public async Task<HashSet<string>> CodesInUseAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Distinct().Chunk(500))
            found.UnionWith(await db.OrgUnits.IgnoreQueryFilters().Where(u => chunk.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct));
        return found;
    }

    /// <summary>Whether another department has this code (department codes are unique city-wide as well).</summary>
    public Task<bool> DepartmentCodeInUseAsync(string code, long exceptId, CancellationToken ct) =>
        db.Departments.IgnoreQueryFilters().AnyAsync(d => d.Code == code && d.Id != exceptId, ct);

    public async Task CommitAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            Gate.Release();
        }
    }
}
