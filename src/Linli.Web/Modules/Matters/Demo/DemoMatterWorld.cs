using Linli.Data;
using Linli.Modules.Matters.Categories;
using Linli.Modules.Organization;
using Linli.Platform.Auth;

namespace Linli.Modules.Matters;

// The demo city as the demo matters see it: its units by level, their departments, and who works where (the demo
// accounts first, then made-up colleagues with stable ids, so every unit has enough hands and 核查 can be someone else).
sealed class DemoMatterWorld
{
    public sealed record Unit(long Id, string Code, string Name, string Path, OrgLevel Level, long? ParentId);
    public sealed record Dept(long Id, long UnitId, string Code, string Name);
    public sealed record Staff(string Id, string Name);

    // Category departments are short names ("城管"); the demo's bureaus spell some of them out.
    static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["城管"] = ["城管", "城市管理"], ["人社"] = ["人社", "人力资源"], ["住建"] = ["住建", "住房和城乡建设"], ["公安"] = ["公安", "派出所"],
        ["卫健"] = ["卫健", "卫生健康"], ["市场"] = ["市场监督"],
    };

    public Dictionary<long, Unit> Units { get; private init; } = [];
    List<Dept> departments = [];
    readonly Dictionary<string, List<Staff>> staff = [];

    public static async Task<DemoMatterWorld> LoadAsync(AppDbContext db, string cityPath, CancellationToken ct)
    {
        var units = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.OrgPath.StartsWith(cityPath) && u.Active)
            .Select(u => new Unit(u.Id, u.Code, u.Name, u.OrgPath, u.Level, u.ParentId)).ToDictionaryAsync(u => u.Id, ct);
        var departments = await db.Departments.IgnoreQueryFilters().AsNoTracking().Where(d => d.OrgPath.StartsWith(cityPath) && d.Active)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => new Dept(d.Id, d.OrgUnitId, d.Code, d.Name)).ToListAsync(ct);
        var world = new DemoMatterWorld { Units = units, departments = departments };
        string[] handling = [Roles.Official, Roles.CommunityWorker, Roles.GridWorker, Roles.DepartmentStaff];
        var users = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.IsDemo && !u.Disabled && handling.Contains(r.Name!)
                           orderby u.UserName
                           select new { u.Id, u.DisplayName, u.OrgUnitId, u.DepartmentId }).ToListAsync(ct);
        foreach (var u in users.DistinctBy(u => u.Id))
        {
            if (u.OrgUnitId is not { } unitId || !units.TryGetValue(unitId, out var unit)) continue;
            // A grid's worker works for the community's matters.
            if (unit.Level == OrgLevel.Grid && unit.ParentId is { } parent) unit = units[parent];
            var key = u.DepartmentId is { } d ? $"d{d}" : $"u{unit.Id}";
            if (!world.staff.TryGetValue(key, out var list)) world.staff[key] = list = [];
            list.Add(new Staff(u.Id, u.DisplayName));
        }
        return world;
    }

    /// <summary>The unit at a level above (or at) the community: its street, district or the city.</summary>
    public Unit At(Unit community, HandlingLevel level)
    {
        var unit = community;
        for (var steps = (int)level; steps > 0 && unit.ParentId is { } p && Units.TryGetValue(p, out var parent); steps--) unit = parent;
        return unit;
    }

    public Unit? Above(Unit unit) => unit.ParentId is { } p && Units.TryGetValue(p, out var parent) ? parent : null;

    /// <summary>The unit's department named like the category's responsible department, if it has one.</summary>
    public Dept? DepartmentAt(Unit unit, string? responsible)
    {
        if (responsible is null) return null;
        var names = Aliases.GetValueOrDefault(responsible, [responsible]);
        return departments.FirstOrDefault(d => d.UnitId == unit.Id && names.Any(n => d.Name.Contains(n, StringComparison.Ordinal)));
    }

    public Dept? OtherDepartmentAt(Unit unit, Dept? not) => departments.FirstOrDefault(d => d.UnitId == unit.Id && d.Id != not?.Id);

    public Staff StaffOf(Unit unit, Random rng, string? except = null) => Pick($"u{unit.Id}", unit.Code, rng, except);

    public Staff StaffOf(Dept dept, Random rng, string? except = null) => Pick($"d{dept.Id}", dept.Code, rng, except);

    Staff Pick(string key, string code, Random rng, string? except)
    {
        if (!staff.TryGetValue(key, out var list)) staff[key] = list = [];
        if (list.Count(s => s.Id.StartsWith("demo-staff:", StringComparison.Ordinal)) == 0)
        {
            // Three made-up colleagues per place, the same ones on every run (seeded by the place's code).
            var names = new Random(code.Aggregate(23, (h, c) => unchecked(h * 31 + c)));
            for (var i = 1; i <= 3; i++) list.Add(new Staff($"demo-staff:{code}:{i}", DemoMatterTexts.Name(names)));
        }
        var choices = except is null ? list : list.Where(s => s.Id != except).ToList();
        return choices[rng.Next(choices.Count)];
    }
}
