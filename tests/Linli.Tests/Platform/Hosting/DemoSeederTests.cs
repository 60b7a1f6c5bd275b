using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Platform.Hosting;
using Linli.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform.Hosting;

// Each test seeds a database of its own: the demo city's codes and user names are global.
public sealed class DemoSeederTests
{
    const string CustomPassword = "Seed@Pass2026";

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_FreshDatabase_CreatesCityWithEveryLevel(Provider provider)
    {
        await using var app = Fresh(provider);
        await SeedAsync(app);

        var perLevel = await app.WithDbAsync(db => db.OrgUnits.GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, TestContext.Current.CancellationToken));
        Assert.Equal(1, perLevel[OrgLevel.City]);
        Assert.Equal(3, perLevel[OrgLevel.District]);
        Assert.Equal(8, perLevel[OrgLevel.Street]);
        Assert.Equal(30, perLevel[OrgLevel.Community]);
        Assert.InRange(perLevel[OrgLevel.Grid], 200, 300);
        var departments = await app.WithDbAsync(db => db.Departments.Include(d => d.OrgUnit).ToListAsync(TestContext.Current.CancellationToken));
        Assert.InRange(departments.Count, 10, 15);
        Assert.All(departments, d => Assert.Contains(d.OrgUnit!.Level, new[] { OrgLevel.District, OrgLevel.Street }));
        Assert.All(departments, d => Assert.Equal(d.OrgUnit!.OrgPath, d.OrgPath));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_FreshDatabase_CodesAndPathsFollowTheTree(Provider provider)
    {
        await using var app = Fresh(provider);
        await SeedAsync(app);

        var units = await app.WithDbAsync(db => db.OrgUnits.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        var byId = units.ToDictionary(u => u.Id);
        var city = Assert.Single(units, u => u.ParentId is null);
        Assert.Equal(("宁波市", "330200000000", $"/{city.Id}/"), (city.Name, city.Code, city.OrgPath));
        Assert.Equal(units.Count, units.Select(u => u.Code).Distinct().Count());
        foreach (var unit in units.Where(u => u.ParentId is not null))
        {
            var parent = byId[unit.ParentId!.Value];
            Assert.Equal(parent.Level + 1, unit.Level);
            Assert.Equal($"{parent.OrgPath}{unit.Id}/", unit.OrgPath);
            Assert.Matches(unit.Level == OrgLevel.Grid ? "^[0-9]{15}$" : "^[0-9]{12}$", unit.Code);
            // 6 county + 3 street + 3 community digits; a grid is its community's code plus 3.
            var shared = unit.Level switch { OrgLevel.District => 4, OrgLevel.Street => 6, OrgLevel.Community => 9, _ => 12 };
            Assert.StartsWith(parent.Code[..shared], unit.Code);
        }
        Assert.Contains(units, u => u.Name == "海曙区" && u.Code == "330203000000");
        Assert.Contains(units, u => u.Name == "月湖街道" && u.Level == OrgLevel.Street);
        Assert.Contains(units, u => u.Name == "青石社区" && u.Level == OrgLevel.Community);
        Assert.All(units.Where(u => u.Level == OrgLevel.Community), c => Assert.Equal(8, units.Count(g => g.ParentId == c.Id)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_FreshDatabase_CreatesDemoAccountsWithRolesAndUnits(Provider provider)
    {
        await using var app = Fresh(provider);
        await SeedAsync(app);
        var ct = TestContext.Current.CancellationToken;

        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        async Task<(AppUser User, string Role, OrgUnit Unit)> Account(string name)
        {
            var user = await users.FindByNameAsync(name) ?? throw new Xunit.Sdk.XunitException($"{name} missing");
            Assert.True(user.IsDemo);
            Assert.False(user.MustChangePassword);
            Assert.True(await users.CheckPasswordAsync(user, CustomPassword));
            var unit = units[user.OrgUnitId!.Value];
            Assert.Equal(unit.OrgPath, user.OrgPath);
            return (user, Assert.Single(await users.GetRolesAsync(user)), unit);
        }

        foreach (var (name, role) in new[] { ("admin", Roles.SystemAdmin), ("secadmin", Roles.SecurityAdmin), ("auditor", Roles.Auditor), ("demo.city", Roles.Official) })
        {
            var a = await Account(name);
            Assert.Equal((role, OrgLevel.City), (a.Role, a.Unit.Level));
        }
        var district = await Account("demo.district");
        Assert.Equal((Roles.Official, OrgLevel.District), (district.Role, district.Unit.Level));
        var street = await Account("demo.street");
        Assert.Equal((Roles.Official, OrgLevel.Street), (street.Role, street.Unit.Level));
        var worker1 = await Account("demo.worker1");
        var worker2 = await Account("demo.worker2");
        Assert.Equal((Roles.CommunityWorker, OrgLevel.Community), (worker1.Role, worker1.Unit.Level));
        Assert.Equal((Roles.CommunityWorker, OrgLevel.Community), (worker2.Role, worker2.Unit.Level));
        Assert.NotEqual(worker1.Unit.ParentId, worker2.Unit.ParentId); // different streets
        Assert.Equal(street.Unit.Id, worker1.Unit.ParentId);
        var grid = await Account("demo.grid");
        Assert.Equal((Roles.GridWorker, OrgLevel.Grid, worker1.Unit.Id), (grid.Role, grid.Unit.Level, grid.Unit.ParentId));
        var resident = await Account("demo.resident");
        Assert.Equal((Roles.Resident, worker1.Unit.Id), (resident.Role, resident.Unit.Id));
        var dept = await Account("demo.dept");
        Assert.Equal(Roles.DepartmentStaff, dept.Role);
        var department = await db.Departments.SingleAsync(d => d.Id == dept.User.DepartmentId, ct);
        Assert.Equal(department.OrgUnitId, dept.User.OrgUnitId);
        Assert.Contains(department.OrgUnitId, new[] { street.Unit.Id, street.Unit.ParentId!.Value });
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_SecondRun_ChangesNothing(Provider provider)
    {
        await using var app = Fresh(provider);
        await SeedAsync(app);
        var before = await CountsAsync(app);

        await SeedAsync(app);

        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal(1, await app.WithDbAsync(db => db.OrgUnits.CountAsync(u => u.Code == DemoCity.CityCode, TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_DemoAccount_GetsTokenWithoutPasswordChangeOrTwoFactor(Provider provider)
    {
        await using var app = Fresh(provider);
        await SeedAsync(app);
        var ct = TestContext.Current.CancellationToken;

        foreach (var name in new[] { "admin", "demo.worker1" })
        {
            var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = CustomPassword }, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString();
            var client = app.Anonymous();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", ct);
            Assert.Equal(name == "admin" ? "宁波市" : "青石社区", me.GetProperty("orgUnit").GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task PrintLogins_ListsEveryAccountWithRoleUnitAndPassword()
    {
        await using var app = Fresh(Provider.Sqlite);
        using var scope = app.SystemScope();
        var output = new StringWriter();

        ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).PrintLogins(output);

        var lines = output.ToString().Split('\n');
        foreach (var account in DemoCity.Accounts)
        {
            var line = Assert.Single(lines, l => l.StartsWith($"| {account.UserName} ", StringComparison.Ordinal));
            Assert.Contains(account.Role, line);
            Assert.Contains(CustomPassword, line);
        }
        Assert.Contains("海曙区 / 月湖街道 / 青石社区", Assert.Single(lines, l => l.StartsWith("| demo.worker1 ", StringComparison.Ordinal)));
        Assert.Contains("月湖街道城管中队", Assert.Single(lines, l => l.StartsWith("| demo.dept ", StringComparison.Ordinal)));
    }

    static LinliApp Fresh(Provider provider)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
        {
            if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
        }
        // A small registry: these tests are about the city and its accounts (DemoResidentsTests seeds the full one).
        return LinliApp.Create(provider, new Dictionary<string, string?> { ["Demo:Password"] = CustomPassword, ["Demo:Residents"] = "600" });
    }

    static async Task SeedAsync(LinliApp app)
    {
        using var scope = app.SystemScope();
        await ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).SeedAsync(TestContext.Current.CancellationToken);
    }

    static Task<(int Units, int Departments, int Users, int UserRoles, int Audit)> CountsAsync(LinliApp app) =>
        app.WithDbAsync(async db => (
            await db.OrgUnits.CountAsync(), await db.Departments.CountAsync(), await db.Users.CountAsync(),
            await db.UserRoles.CountAsync(), await db.AuditLog.CountAsync()));
}
