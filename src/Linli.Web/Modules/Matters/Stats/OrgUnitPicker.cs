using Linli.Data;
using Linli.Modules.Organization;

namespace Linli.Modules.Matters.Stats;

// 单位选择 the units of the caller's subtree in tree order, for the dashboard's and the list's unit picker: down to
// community level (grids are left out), or to street level for a city or district official — a city has thousands of
// communities, reached from their street's page. The unit being shown is always listed, so the form keeps it.
public static class OrgUnitPicker
{
    public sealed record Option(long Id, string Label, OrgLevel Level);

    public static async Task<IReadOnlyList<Option>> LoadAsync(AppDbContext db, CancellationToken ct, long? shown = null)
    {
        var depth = (db.CurrentUser.ScopePath?.Count(c => c == '/') ?? 1) - 1;   // "/1/2/" → 2, a district; "/" (system) → 0
        var deepest = depth <= 2 ? OrgLevel.Street : OrgLevel.Community;
        var units = await db.OrgUnits.AsNoTracking().Where(u => (u.Level <= deepest || u.Id == shown) && u.Active)
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
