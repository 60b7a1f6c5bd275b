using Linli.Data;

namespace Linli.Modules.Visits;

// The people ledgers name: heads of the visited households, with their phone as stored (ciphertext and mask).
public static class LedgerPeople
{
    public sealed record Person(string Name, string? PhoneCipher, string? PhoneMasked);

    public static async Task<Dictionary<long, Person>> HeadsAsync(AppDbContext db, IEnumerable<long> householdIds, CancellationToken ct)
    {
        var ids = householdIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id) && h.Head != null)
            .Select(h => new { h.Id, h.Head!.Name, h.Head.PhoneCipher, h.Head.PhoneMasked })
            .ToDictionaryAsync(h => h.Id, h => new Person(h.Name, h.PhoneCipher, h.PhoneMasked), ct);
    }
}
