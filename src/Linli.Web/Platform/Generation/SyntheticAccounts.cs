using Linli.Data;
using Linli.Modules.Grids;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace Linli.Platform.Generation;

// 生成账号 the generated city's accounts: one per role at the first unit of each level, and a 网格长 w<gridcode> on
// every grid (the actor of its visits and matters). All share one password hash, checked against the policy once.
public static class SyntheticAccounts
{
    public const string DefaultPassword = "Linli@12345";

    public sealed record Login(string UserName, string Role, string UnitCode, string? DepartmentCode = null);

    /// <summary>The named logins, bound to the first district, street, community and grid of the city.</summary>
    public static Login[] Logins(ScalePlan plan)
    {
        var community = SyntheticCity.Communities(plan).First();
        var street = SyntheticCity.StreetCode(1, 1);
        return
        [
            new("gen.admin", Roles.SystemAdmin, SyntheticCity.CityCode),
            new("gen.city", Roles.Official, SyntheticCity.CityCode),
            new("gen.district", Roles.Official, SyntheticCity.DistrictCode(1)),
            new("gen.street", Roles.Official, street),
            new("gen.community", Roles.CommunityWorker, community.Code),
            new("gen.grid", Roles.GridWorker, community.GridCodes[0]),
            new("gen.dept", Roles.DepartmentStaff, street, $"{street}-{SyntheticCity.StreetDepartments[0].Suffix}"),
        ];
    }

    public static string GridWorkerName(string gridCode) => "w" + gridCode;

    /// <summary>Writes the accounts, their roles and the grid assignments; returns how many accounts.</summary>
    public static async Task<long> WriteAsync(AppDbContext db, RowSink sink, UserManager<AppUser> users, string password, ScalePlan plan,
        IReadOnlyDictionary<string, (long Id, string Path)> units, IReadOnlyDictionary<string, long> departments, int seed, DateOnly start, CancellationToken ct)
    {
        var probe = new AppUser { UserName = "gen.probe", DisplayName = "gen" };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password);
            if (!result.Succeeded)
                throw new GenerationException($"The password does not meet the policy: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        var hash = users.PasswordHasher.HashPassword(probe, password);
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var rng = new Random(unchecked(seed * 31 + 5));
        var now = DateTime.UtcNow;

        AppUser User(string userName, string unitCode, long? departmentId)
        {
            var (id, path) = units[unitCode];
            var bytes = new byte[16];
            rng.NextBytes(bytes);
            return new AppUser
            {
                Id = new Guid(bytes).ToString(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = DemoPeople.Name(rng, rng.Next(2) == 0 ? Gender.Male : Gender.Female), OrgUnitId = id, OrgPath = path, DepartmentId = departmentId,
                PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true, CreatedAt = now, PasswordChangedAt = now, IsDemo = true, MustChangePassword = false,
            };
        }

        var named = Logins(plan).Select(l => (l.Role, User: User(l.UserName, l.UnitCode, l.DepartmentCode is null ? null : departments[l.DepartmentCode]))).ToList();
        var workers = SyntheticCity.Communities(plan).SelectMany(c => c.GridCodes)
            .Select(g => (Grid: g, User: User(GridWorkerName(g), g, null))).ToList();

        var accounts = await sink.WriteAsync(named.Select(n => n.User).Concat(workers.Select(w => w.User)), ct);
        await sink.WriteAsync(named.Select(n => new IdentityUserRole<string> { UserId = n.User.Id, RoleId = roleIds[n.Role] })
            .Concat(workers.Select(w => new IdentityUserRole<string> { UserId = w.User.Id, RoleId = roleIds[Roles.GridWorker] })), ct);

        // 网格长 on every grid; gen.grid works as 网格员 on the first one.
        var next = await RowSink.NextIdAsync<GridAssignment>(db, ct);
        var gridUser = named.Single(n => n.User.UserName == "gen.grid").User;
        var assignments = workers.Select(w => (Grid: w.Grid, w.User.Id, Duty: GridDuty.Leader))
            .Append((Grid: units.Single(u => u.Value.Id == gridUser.OrgUnitId).Key, gridUser.Id, Duty: GridDuty.Member));
        await sink.WriteAsync(assignments.Select((a, i) => new GridAssignment
        {
            Id = next + i, GridId = units[a.Grid].Id, UserId = a.Id, Duty = a.Duty, StartDate = start, OrgPath = units[a.Grid].Path,
        }), ct);
        return accounts;
    }
}

/// <summary>The generator cannot go on; the message says why.</summary>
public sealed class GenerationException(string message) : Exception(message);
