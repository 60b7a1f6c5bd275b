using Linli.Data;

namespace Linli.Modules.Matters;

// 派遣去向 what the dispatch form offers: the units directly below the caller's unit, the departments there and at the
// caller's own unit, and the routing suggestion that the form starts on.
public sealed record DispatchChoices(IReadOnlyList<DispatchChoices.Choice> Units, IReadOnlyList<DispatchChoices.Choice> Departments,
    MatterRouting.Suggestion? Suggestion)
{
    public sealed record Choice(long Id, string Name);

    public static async Task<DispatchChoices> LoadAsync(AppDbContext db, GetMatter.View matter, CancellationToken ct)
    {
        var me = db.CurrentUser.OrgUnitId;
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == me && u.Active).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new Choice(u.Id, u.Name)).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.Active && (d.OrgUnitId == me || db.OrgUnits.Any(u => u.Id == d.OrgUnitId && u.ParentId == me)))
            .OrderBy(d => d.OrgUnitId != me).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new Choice(d.Id, d.OrgUnit!.Name + " " + d.Name)).ToListAsync(ct);
        var ownerPath = await db.Matters.AsNoTracking().Where(m => m.Id == matter.Id).Select(m => m.OrgPath).SingleAsync(ct);
        var suggestion = await MatterRouting.SuggestAsync(db, (int)matter.CategoryId, ownerPath, ct);
        return new(units, departments, suggestion is { InScope: true } ? suggestion : null);
    }
}
