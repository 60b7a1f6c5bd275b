using Linli.Data;

namespace Linli.Platform.Audit;

public static class AuditVerifier
{
    public sealed record Report(bool Ok, long Checked, long? FirstBrokenId, string Message);

    /// <summary>
    /// Walks the chain in id order and reports the first row whose hash, link or sequence does not hold.
    /// The oldest remaining row anchors the chain, since retention purges from the start.
    /// </summary>
    public static async Task<Report> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        long count = 0;
        long? previousId = null;
        string? previousHash = null;
        await foreach (var row in db.AuditLog.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            string? problem = null;
            if (previousId is not null && row.Id != previousId + 1) problem = $"row(s) missing before id {row.Id}";
            else if (previousHash is not null && row.PrevHash != previousHash) problem = "link to the previous row does not match";
            else if (AuditHash.Compute(row) != row.Hash) problem = "row content does not match its hash";
            if (problem is not null)
                return new(false, count, row.Id, $"Audit chain BROKEN at id {row.Id}: {problem} ({count} rows verified before it).");
            previousId = row.Id;
            previousHash = row.Hash;
            count++;
        }
        return new(true, count, null, $"Audit chain OK: {count} rows verified.");
    }
}
