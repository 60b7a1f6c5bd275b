using Linli.Data;
using Linli.Platform.Privacy;

namespace Linli.Modules.Residents;

// 居民导入 import residents: valid rows are registered or updated (upsert by ID number within the caller's scope),
// invalid rows come back as errors. The file streams through in chunks (ResidentImportChunks: checked in memory,
// one lookup query and one save per chunk, then the change tracker is cleared), so memory stays flat however long
// the file is; the whole file is one transaction, so an unexpected failure half-way leaves nothing.
public static class ResidentImport
{
    public sealed record RowError(int Row, string Field, string Message);

    public sealed record Result(int Imported, int Updated, int Failed, IReadOnlyList<RowError> Errors);

    public const int DefaultChunkSize = 1000;

    /// <summary><paramref name="afterChunk"/> is a test seam: it runs after each saved chunk, inside the transaction, with the chunk's last row number.</summary>
    public static Task<Result> ExecuteAsync(AppDbContext db, FieldProtector protector, TimeProvider time, Stream stream,
        string fileName, CancellationToken ct, Func<int, Task>? afterChunk = null, int chunkSize = DefaultChunkSize, ImportStages? stages = null) =>
        ExecuteAsync(db, protector, time, Rows(stream, fileName), fileName, ct, afterChunk, chunkSize, stages);

    // Read when enumerated, so an unusable file's FormatException surfaces inside the import as a file error.
    static IEnumerable<ResidentImportFile.Row> Rows(Stream stream, string fileName)
    {
        foreach (var row in ResidentImportFile.Read(stream, fileName)) yield return row;
    }

    /// <summary>The same from rows already read (the benchmark times the import apart from parsing the file).</summary>
    public static async Task<Result> ExecuteAsync(AppDbContext db, FieldProtector protector, TimeProvider time, IEnumerable<ResidentImportFile.Row> file,
        string fileName, CancellationToken ct, Func<int, Task>? afterChunk = null, int chunkSize = DefaultChunkSize, ImportStages? stages = null)
    {
        var import = new ResidentImportChunks(db, protector, time, stages);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var rows in file.Chunk(chunkSize))
            {
                ct.ThrowIfCancellationRequested();
                await import.SaveAsync(rows, ct);
                if (afterChunk is not null) await afterChunk(rows[^1].Number);
            }
        }
        catch (FormatException e)
        {
            await tx.RollbackAsync(ct);
            return new Result(0, 0, 1, [new RowError(0, "file", e.Message)]);
        }
        stages?.Start();
        db.ChangeTracker.Clear();
        var (imported, updated, failed) = (import.Imported, import.Updated, import.Failed);
        db.AddAuditEvent("Resident.Import", "Resident", null, after: new { fileName, imported, updated, failed });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        stages?.Lap("import audit event + commit");
        return new Result(imported, updated, failed, import.Errors);
    }
}
