using Linli.Data;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Platform.Problems;

namespace Linli.Modules.Grids;

// 网格调整 what moving, splitting and merging share: houses change grid, their households, residents, tags and
// history follow (ResidentPaths), and a GridChange per source grid records what went where.
public static class GridRedraw
{
    /// <summary>Visible houses of the given ids, tracked; null when any is unknown or outside the caller's scope.</summary>
    public static async Task<List<House>?> HousesAsync(AppDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var houses = await db.Houses.Where(h => distinct.Contains(h.Id)).ToListAsync(ct);
        return houses.Count == distinct.Count ? houses : null;
    }

    public static void RequireActive(OrgUnit grid)
    {
        if (!grid.Active)
            throw new BusinessRuleException("grid.inactive", Loc.T($"网格“{grid.Name}”已停用。", $"Grid “{grid.Name}” is deactivated."),
                StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Every house must lie in a grid of the target's community.</summary>
    public static async Task RequireSameCommunityAsync(AppDbContext db, OrgUnit target, IEnumerable<House> houses, CancellationToken ct)
    {
        var gridIds = houses.Select(h => h.GridId).Distinct().ToList();
        var communities = await db.OrgUnits.Where(u => gridIds.Contains(u.Id)).Select(u => u.ParentId).Distinct().ToListAsync(ct);
        if (communities.Any(c => c != target.ParentId) || communities.Count == 0 && gridIds.Count > 0)
            throw new BusinessRuleException("grid.other-community", Loc.T("只能在同一社区的网格之间调整房屋。",
                "Houses can only move between grids of the same community."), StatusCodes.Status422UnprocessableEntity, "houseIds");
    }

    /// <summary>Moves the houses (tracked) to the target inside the caller's transaction; the caller saves and commits.</summary>
    public static async Task<int> MoveAsync(AppDbContext db, OrgUnit target, IEnumerable<House> houses, GridChangeKind kind, DateTime now, CancellationToken ct)
    {
        var moved = 0;
        foreach (var group in houses.Where(h => h.GridId != target.Id).GroupBy(h => h.GridId).ToList())
        {
            var ids = group.Select(h => h.Id).OrderBy(i => i).ToList();
            foreach (var h in group)
            {
                await ResidentPaths.FollowHouseAsync(db, h.Id, target.Id, target.OrgPath, ct);
                (h.GridId, h.OrgPath) = (target.Id, target.OrgPath);
            }
            db.GridChanges.Add(new GridChange
            {
                Kind = kind, FromGridId = group.Key, ToGridId = target.Id, HouseCount = ids.Count, HouseIds = GridAccess.Ids(ids),
                UserName = db.CurrentUser.UserName, At = now, OrgPath = ParentPath(target.OrgPath),
            });
            moved += ids.Count;
        }
        return moved;
    }

    /// <summary>"/1/7/42/" → "/1/7/".</summary>
    public static string ParentPath(string path) => path[..(path.LastIndexOf('/', path.Length - 2) + 1)];
}
