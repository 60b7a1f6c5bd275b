using Linli.Data;

namespace Linli.Modules.Residents;

// The buildings a caller works in: those of the communities in their subtree and, for a grid worker, those of
// the community above their grid (whose houses they register). Read past the scope filter on purpose.
public static class BuildingAccess
{
    public static IQueryable<Building> Workable(AppDbContext db)
    {
        if (db.CurrentUser.ScopePath is not { } scope) return db.Buildings.Where(b => false);
        var ancestors = db.CurrentUser.AncestorPaths().ToList();
        return db.Buildings.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .Where(b => ancestors.Contains(b.OrgPath) || b.OrgPath.StartsWith(scope));
    }
}
