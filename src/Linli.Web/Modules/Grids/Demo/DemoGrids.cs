using System.Globalization;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Grids;

// 演示网格 demo grid work: workers on a good share of the grids (some over the workload limit, some grids without
// anyone) and rectangular boundaries for 青石社区 near 月湖, 宁波. Runs in system scope inside the caller's transaction.
// Extra accounts share the demo password's hash (read from an existing demo account) instead of hashing again.
public static class DemoGrids
{
    public const string DemoCommunityCode = "330203001001"; // 青石社区

    public sealed record Counts(int Accounts, int Assignments, int Boundaries);

    static readonly string[] Names = ["王静", "陈磊", "杨帆", "黄丽", "周杰", "吴敏", "徐涛", "孙燕", "胡军", "朱琳", "高峰", "林青", "何平", "郭霞", "马超", "罗娟"];

    public static async Task<Counts> SeedAsync(AppDbContext db, string cityPath, DateOnly today, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.OrgPath.StartsWith(cityPath) && u.Active && (u.Level == OrgLevel.Community || u.Level == OrgLevel.Grid))
            .OrderBy(u => u.Code).ToListAsync(ct);
        var communities = units.Where(u => u.Level == OrgLevel.Community).ToList();
        var hash = await db.Users.Where(u => u.IsDemo && u.UserName == "demo.worker1").Select(u => u.PasswordHash).FirstOrDefaultAsync(ct);
        var demoUsers = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var start = today.AddMonths(-6);
        int accounts = 0, assignments = 0;

        string Account(OrgUnit unit, string suffix, string role)
        {
            var user = new AppUser
            {
                UserName = $"demo.cw.{unit.Code}{suffix}", DisplayName = Names[accounts % Names.Length],
                OrgUnitId = unit.Id, OrgPath = unit.OrgPath, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, CreatedAt = DateTime.UtcNow, IsDemo = true, MustChangePassword = false,
            };
            user.NormalizedUserName = user.UserName.ToUpperInvariant();
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
            accounts++;
            return user.Id;
        }

        void Assign(OrgUnit grid, string userId, GridDuty duty)
        {
            db.GridAssignments.Add(new GridAssignment { GridId = grid.Id, UserId = userId, Duty = duty, StartDate = start, OrgPath = grid.OrgPath });
            assignments++;
        }

        for (var i = 0; i < communities.Count; i++)
        {
            var community = communities[i];
            var grids = units.Where(u => u.ParentId == community.Id).ToList();
            if (grids.Count == 0) continue;
            // At about 75 households a grid, three grids make a normal load and four or more go over the 250 limit.
            if (community.Code == DemoCommunityCode && demoUsers.TryGetValue("demo.grid", out var gridWorker) && demoUsers.TryGetValue("demo.worker1", out var worker1))
            {
                // demo.grid leads the grid it is bound to; demo.worker1 looks after four grids (over the limit);
                // two more workers lead three grids each; the last grid has nobody.
                Assign(grids[0], gridWorker, GridDuty.Leader);
                foreach (var g in grids.Take(4)) Assign(g, worker1, GridDuty.Caseworker);
                var (a1, b1) = (Account(community, "a", Roles.CommunityWorker), Account(community, "b", Roles.CommunityWorker));
                foreach (var g in grids.Skip(1).Take(3)) Assign(g, a1, GridDuty.Leader);
                foreach (var g in grids.Skip(4).Take(3)) Assign(g, b1, GridDuty.Leader);
                continue;
            }
            switch (i % 5)
            {
                case 0: break; // nobody assigned yet
                case 1: // one worker for the whole community: over the limit
                    var alone = Account(community, "a", Roles.CommunityWorker);
                    foreach (var g in grids) Assign(g, alone, GridDuty.Leader);
                    break;
                default: // three workers of three, three and two grids; every third such community leaves its last grid open
                    string[] team = [Account(community, "a", Roles.CommunityWorker), Account(community, "b", Roles.CommunityWorker), Account(community, "c", Roles.CommunityWorker)];
                    var covered = i % 5 == 2 ? grids.Count - 1 : grids.Count;
                    for (var k = 0; k < covered; k++) Assign(grids[k], team[Math.Min(k / 3, 2)], GridDuty.Leader);
                    break;
            }
        }

        var boundaries = 0;
        if (communities.FirstOrDefault(c => c.Code == DemoCommunityCode) is { } demo)
        {
            // 4 × 2 blocks of about 290 m × 280 m west of 月湖 (lon 121.540, lat 29.868).
            var grids = units.Where(u => u.ParentId == demo.Id).ToList();
            for (var k = 0; k < grids.Count; k++)
            {
                var (lon, lat) = (121.540 + k % 4 * 0.003, 29.868 + k / 4 * 0.0025);
                db.GridBoundaries.Add(new GridBoundary { GridId = grids[k].Id, OrgPath = grids[k].OrgPath, UpdatedAt = DateTime.UtcNow, GeoJson = Rectangle(lon, lat, 0.003, 0.0025) });
                boundaries++;
            }
        }
        await db.SaveAuditRowsAsync(ct);
        var counts = new Counts(accounts, assignments, boundaries);
        db.AddAuditEvent("Demo.SeedGrids", nameof(GridAssignment), null, after: counts);
        await db.SaveChangesAsync(ct);
        return counts;
    }

    static string Rectangle(double lon, double lat, double width, double height)
    {
        string P(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"[{x:0.######},{y:0.######}]");
        return $"{{\"type\":\"Polygon\",\"coordinates\":[[{P(lon, lat)},{P(lon + width, lat)},{P(lon + width, lat + height)},{P(lon, lat + height)},{P(lon, lat)}]]}}";
    }
}
