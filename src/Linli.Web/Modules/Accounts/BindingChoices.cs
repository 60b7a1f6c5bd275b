using Linli.Data;

namespace Linli.Modules.Accounts;

// 单位/部门选项: what the pages offer for binding and filtering — only the caller's subtree (the scope filter applies).
public sealed record BindingChoices(IReadOnlyList<BindingChoices.Option> Units, IReadOnlyList<BindingChoices.Option> Departments)
{
    public sealed record Option(long Id, string Label);

    public static async Task<BindingChoices> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        // Statistical codes extend their parent's, so ordering by code lists the tree depth-first.
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Active).OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Name, u.Level }).ToListAsync(ct);
        var top = units.Count == 0 ? 0 : units.Min(u => (int)u.Level);
        var departments = await db.Departments.AsNoTracking().Where(d => d.Active).OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Name, Unit = d.OrgUnit!.Name }).ToListAsync(ct);
        return new(
            units.Select(u => new Option(u.Id, new string('\u3000', (int)u.Level - top) + u.Name)).ToList(),
            departments.Select(d => new Option(d.Id, $"{d.Name}（{d.Unit}）")).ToList());
    }
}
