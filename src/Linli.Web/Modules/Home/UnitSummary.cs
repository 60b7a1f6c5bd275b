using Linli.Data;
using Linli.Modules.Organization;

namespace Linli.Modules.Home;

// 本单位概况 unit summary: what the home page shows about one unit of the caller's subtree.
public static class UnitSummary
{
    public sealed record ChildUnit(long Id, string Code, string Name, OrgLevel Level, bool Active);
    public sealed record LevelCount(OrgLevel Level, int Count);
    public sealed record ParentUnit(long Id, string Name);

    public sealed record Summary(long Id, string Code, string Name, OrgLevel Level, bool Active, ParentUnit? Parent,
        IReadOnlyList<ChildUnit> Children, IReadOnlyList<LevelCount> UnitsBelow, int Departments, int Accounts);

    /// <summary>
    /// The unit with its children and counts over its whole subtree, or null when the caller may not see it.
    /// Counts leave out deactivated units and departments and disabled accounts: they no longer work.
    /// </summary>
    public static async Task<Summary?> LoadAsync(AppDbContext db, long unitId, CancellationToken ct)
    {
        // The org-scope filter applies: a unit outside the caller's subtree is not found.
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return null;
        var path = unit.OrgPath;

        var parent = unit.ParentId is null ? null
            : await db.OrgUnits.Where(u => u.Id == unit.ParentId).Select(u => new ParentUnit(u.Id, u.Name)).SingleOrDefaultAsync(ct);
        var children = await db.OrgUnits.Where(u => u.ParentId == unit.Id)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code)
            .Select(u => new ChildUnit(u.Id, u.Code, u.Name, u.Level, u.Active)).ToListAsync(ct);
        var perLevel = await db.OrgUnits.Where(u => u.OrgPath.StartsWith(path) && u.Id != unit.Id && u.Active)
            .GroupBy(u => u.Level).Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync(ct);
        var below = Enum.GetValues<OrgLevel>().Where(l => l > unit.Level)
            .Select(l => new LevelCount(l, perLevel.SingleOrDefault(c => c.Level == l)?.Count ?? 0)).ToList();
        var departments = await db.Departments.CountAsync(d => d.OrgPath.StartsWith(path) && d.Active, ct);
        // Accounts carry no scope filter; the prefix of a unit the caller can see keeps this inside their subtree.
        var accounts = await db.Users.CountAsync(u => u.OrgPath.StartsWith(path) && !u.Disabled, ct);

        return new Summary(unit.Id, unit.Code, unit.Name, unit.Level, unit.Active, parent, children, below, departments, accounts);
    }

    /// <summary>The department's name if the caller can see it.</summary>
    public static Task<string?> DepartmentNameAsync(AppDbContext db, long departmentId, CancellationToken ct) =>
        db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).SingleOrDefaultAsync(ct);

    public static string LevelName(OrgLevel level) => level switch
    {
        OrgLevel.City => Loc.T("市", "City"),
        OrgLevel.District => Loc.T("区", "District"),
        OrgLevel.Street => Loc.T("街道", "Street"),
        OrgLevel.Community => Loc.T("社区", "Community"),
        OrgLevel.Grid => Loc.T("网格", "Grid"),
        _ => level.ToString(),
    };
}
