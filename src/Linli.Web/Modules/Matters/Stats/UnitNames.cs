using Linli.Data;

namespace Linli.Modules.Matters.Stats;

// 单位名称 names of the units handling matters in scope: a matter raised to a higher level (四级联动) is handled by a
// unit above the caller's subtree, so its name is read past the scope filter (the name only).
public static class UnitNames
{
    public static async Task<Dictionary<long, string>> LoadAsync(AppDbContext db, IEnumerable<long> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.OrgUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }
}
