using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Linli.Data;

namespace Linli.Modules.Matters;

// 受理编号与查询码: the public ticket number and the reporter's tracking token (shown once, stored hashed).
public static class MatterTickets
{
    /// <summary>Next number of the (local) day, e.g. M20261123-000123: one atomic upsert, safe on both databases.</summary>
    public static async Task<string> NextAsync(AppDbContext db, DateTime localNow, CancellationToken ct)
    {
        var day = localNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var last = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO "MatterTicketCounters" ("Day", "Last") VALUES ({day}, 1)
            ON CONFLICT ("Day") DO UPDATE SET "Last" = "MatterTicketCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return $"M{day}-{last.Single().ToString("000000", CultureInfo.InvariantCulture)}";
    }

    /// <summary>160 random bits, URL-safe.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(20));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}
