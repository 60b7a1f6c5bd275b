using Linli.Data;

namespace Linli.Modules.Matters;

// The names of the units a matter passes through (owner, handler, the level it was raised to). A community worker must
// see which street or district holds its matter even though those units lie above its own scope; names only.
public static class MatterUnitNames
{
    public static Task<Dictionary<long, string>> LoadAsync(AppDbContext db, IEnumerable<long?> unitIds, CancellationToken ct) =>
        LoadAsync(db, unitIds.OfType<long>(), ct);

    public static async Task<Dictionary<long, string>> LoadAsync(AppDbContext db, IEnumerable<long> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.OrgUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public static string? Of(this Dictionary<long, string> names, long? id) => id is { } i && names.TryGetValue(i, out var n) ? n : null;
}
