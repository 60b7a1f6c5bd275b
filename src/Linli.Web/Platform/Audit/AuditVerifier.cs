using System.Text.Json;
using Linli.Data;

namespace Linli.Platform.Audit;

public static class AuditVerifier
{
    /// <summary>Action of the retention purge's own row; its After names the first row it kept.</summary>
    public const string PurgeAction = "Audit.Purge";

    public sealed record Report(bool Ok, long Checked, long? FirstBrokenId, string Message);

    /// <summary>
    /// Walks the chain in id order and reports the first row whose hash, link or sequence does not hold.
    /// Retention purges from the start, so the oldest remaining row anchors the chain; it must be id 1 or the
    /// first row a recorded purge kept, otherwise rows were cut from the start behind the purge's back.
    /// </summary>
    public static async Task<Report> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        long count = 0;
        long? firstId = null, previousId = null;
        string? previousHash = null;
        var anchorRecorded = false;
        // One statement, so one consistent snapshot on both databases even while rows are appended or purged.
        await foreach (var row in db.AuditLog.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            string? problem = null;
            if (previousId is not null && row.Id != previousId + 1) problem = $"row(s) missing before id {row.Id}";
            else if (previousHash is not null && row.PrevHash != previousHash) problem = "link to the previous row does not match";
            else if (AuditHash.Compute(row) != row.Hash) problem = "row content does not match its hash";
            if (problem is not null)
                return new(false, count, row.Id, $"Audit chain BROKEN at id {row.Id}: {problem} ({count} rows verified before it).");
            firstId ??= row.Id;
            if (row.Action == PurgeAction && KeptFromId(row.After) == firstId) anchorRecorded = true;
            previousId = row.Id;
            previousHash = row.Hash;
            count++;
        }
        if (firstId is > 1 && !anchorRecorded)
            return new(false, count, firstId,
                $"Audit chain BROKEN at id {firstId}: the rows before it were removed without a retention purge record.");
        return new(true, count, null, $"Audit chain OK: {count} rows verified.");
    }

    static long? KeptFromId(string? after)
    {
        if (after is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(after);
            return doc.RootElement.TryGetProperty("keptFromId", out var v) && v.TryGetInt64(out var id) ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
