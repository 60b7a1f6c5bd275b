using Linli.Data;
using Linli.Modules.Organization;

namespace Linli.Modules.Matters.Stats;

// 单位选择 the units of the caller's subtree down to community level (grids are left out), in tree order, for the
// dashboard's and the list's unit picker.
public static class OrgUnitPicker
{
    public sealed record Option(long Id, string Label, OrgLevel Level);

    public static async Task<IReadOnlyList<Option>> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Level <= OrgLevel.Community && u.Active)
            .Select(u => new { u.Id, u.ParentId, u.Name, u.Level, u.SortOrder, u.Code }).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId);
        var ids = units.Select(u => u.Id).ToHashSet();
        var list = new List<Option>();
        void Walk(long? parent, int depth)
        {
            foreach (var u in children[parent].OrderBy(u => u.SortOrder).ThenBy(u => u.Code, StringComparer.Ordinal))
            {
                list.Add(new Option(u.Id, new string('　', depth) + u.Name, u.Level));
                Walk(u.Id, depth + 1);
            }
        }
        // The roots of what the caller sees: units whose parent is out of sight.
        foreach (var root in units.Where(u => u.ParentId is not { } p || !ids.Contains(p)).OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal))
        {
            list.Add(new Option(root.Id, root.Name, root.Level));
            Walk(root.Id, 1);
        }
        return list;
    }
}
