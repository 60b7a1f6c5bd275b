using System.Globalization;
using Linli.Data;
using Linli.Modules.Grids;
using Linli.Modules.Matters;
using Linli.Modules.Matters.Calendar;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Modules.Visits;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Hosting;

// 演示城市 demo city: seeds DemoCity and its accounts in one transaction. Runs in whole-city system scope.
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, IServiceProvider services,
    IOptions<DemoOptions> options, FieldProtector protector, TimeProvider time, ILogger<DemoSeeder> log)
{
    /// <summary>Seeds the demo city and its residents unless they exist already; a second run changes nothing.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        await SeedCityAsync(ct);
        await SeedResidentsAsync(ct);
        await SeedGridsAsync(ct);
        await SeedVisitsAsync(ct);   // after the grids: visits follow the workers' assignments
        await Modules.Open311.Open311Module.SeedDemoClientAsync(db, DemoCity.CityCode, options.Value.Open311ApiKey, time, ct);
        await SeedMattersAsync(ct);
    }

    // 民情诉求: a year of matters with their timelines, once.
    async Task SeedMattersAsync(CancellationToken ct)
    {
        if (await db.Matters.IgnoreQueryFilters().AnyAsync(ct)) return;
        var cityPath = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Code == DemoCity.CityCode).Select(u => u.OrgPath).SingleAsync(ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = time.GetLocalNow().DateTime;
        var calendar = await services.GetRequiredService<WorkCalendar>().LoadAsync(now.Year - 1, now.Year + 1, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var counts = await DemoMatters.SeedAsync(db, protector, calendar, cityPath, now, time.LocalTimeZone, options.Value.Matters, ct);
        await Generation.Rollups.RebuildAllAsync(db, ct);   // the seeding writes past the save that keeps them
        await tx.CommitAsync(ct);
        log.LogInformation("Demo matters seeded: {Matters} matters ({Open} open), {Events} steps in {Elapsed:0} ms.",
            counts.Matters, counts.Open, counts.Events, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    async Task SeedVisitsAsync(CancellationToken ct)
    {
        if (await db.Visits.IgnoreQueryFilters().AnyAsync(ct)) return;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var visits = await DemoVisits.SeedAsync(db, time, ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Demo visits seeded: {Visits} visits in {Elapsed:0} ms.", visits, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    async Task SeedCityAsync(CancellationToken ct)
    {
        if (await db.OrgUnits.IgnoreQueryFilters().AnyAsync(u => u.Code == DemoCity.CityCode, ct))
        {
            log.LogInformation("Demo city {Code} exists already; nothing seeded.", DemoCity.CityCode);
            return;
        }
        await RoleSeeder.EnsureRolesAsync(services); // the seed-demo verb runs without the start-up tasks
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        // One transaction: a failure (say, a Demo:Password the policy rejects) leaves no half city behind.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var units = await AddUnitsAsync(ct);
        var departments = AddDepartments(units);
        db.AuditAction = "Demo.Seed";
        await db.SaveChangesAsync(ct);
        await AddAccountsAsync(units, departments);
        await tx.CommitAsync(ct);
        log.LogInformation("Demo city seeded: {Units} org units, {Departments} departments, {Accounts} accounts in {Elapsed:0} ms.",
            units.Count, departments.Count, DemoCity.Accounts.Length, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // 人、户、房: a separate transaction, so a city seeded before the registry existed gets its residents too.
    async Task SeedResidentsAsync(CancellationToken ct)
    {
        if (await db.Residents.IgnoreQueryFilters().AnyAsync(ct))
        {
            log.LogInformation("Residents exist already; no demo residents seeded.");
            return;
        }
        var cityPath = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Code == DemoCity.CityCode).Select(u => u.OrgPath).SingleAsync(ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var counts = await DemoResidents.SeedAsync(db, protector, cityPath, options.Value.Residents, ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Demo residents seeded: {Residents} residents in {Households} households, {Houses} houses, {Buildings} buildings, {Tags} tags in {Elapsed:0} ms.",
            counts.Residents, counts.Households, counts.Houses, counts.Buildings, counts.Tags, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // 网格工作: workers on grids and the demo community's boundaries, once.
    async Task SeedGridsAsync(CancellationToken ct)
    {
        if (await db.GridAssignments.IgnoreQueryFilters().AnyAsync(ct))
        {
            log.LogInformation("Grid assignments exist already; no demo grid work seeded.");
            return;
        }
        var cityPath = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Code == DemoCity.CityCode).Select(u => u.OrgPath).SingleAsync(ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var counts = await DemoGrids.SeedAsync(db, cityPath, DateOnly.FromDateTime(time.GetLocalNow().DateTime), ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Demo grid work seeded: {Accounts} accounts, {Assignments} assignments, {Boundaries} boundaries in {Elapsed:0} ms.",
            counts.Accounts, counts.Assignments, counts.Boundaries, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    async Task<Dictionary<string, OrgUnit>> AddUnitsAsync(CancellationToken ct)
    {
        // Ids are the app's to assign (the path holds them); continue after whatever exists.
        var next = await db.OrgUnits.IgnoreQueryFilters().MaxAsync(u => (long?)u.Id, ct) ?? 0;
        var units = new Dictionary<string, OrgUnit>();
        foreach (var spec in DemoCity.Units())
        {
            var parent = spec.ParentCode is null ? null : units[spec.ParentCode];
            var id = ++next;
            var unit = new OrgUnit
            {
                Id = id, ParentId = parent?.Id, Level = spec.Level, Code = spec.Code, Name = spec.Name, SortOrder = spec.SortOrder,
                OrgPath = $"{parent?.OrgPath ?? "/"}{id.ToString(CultureInfo.InvariantCulture)}/",
            };
            db.OrgUnits.Add(unit);
            units[spec.Code] = unit;
        }
        return units;
    }

    Dictionary<string, Department> AddDepartments(Dictionary<string, OrgUnit> units)
    {
        var departments = new Dictionary<string, Department>();
        var sort = 0;
        foreach (var spec in DemoCity.Departments)
        {
            var unit = units[spec.UnitCode];
            var department = new Department { OrgUnitId = unit.Id, OrgPath = unit.OrgPath, Code = spec.Code, Name = spec.Name, SortOrder = ++sort };
            db.Departments.Add(department);
            departments[spec.Code] = department;
        }
        return departments;
    }

    async Task AddAccountsAsync(Dictionary<string, OrgUnit> units, Dictionary<string, Department> departments)
    {
        string? passwordHash = null;
        foreach (var account in DemoCity.Accounts)
        {
            var unit = units[account.UnitCode];
            var user = new AppUser
            {
                UserName = account.UserName, DisplayName = account.DisplayName,
                OrgUnitId = unit.Id, OrgPath = unit.OrgPath,
                DepartmentId = account.DepartmentCode is null ? null : departments[account.DepartmentCode].Id,
                CreatedAt = time.GetUtcNow().UtcDateTime, IsDemo = true, MustChangePassword = false,
            };
            // The first account runs the password policy and hashes; the rest share that hash, since hashing is
            // most of the seeding time and the demo password is published anyway.
            if (passwordHash is null)
            {
                Check(await users.CreateAsync(user, options.Value.Password), account.UserName);
                passwordHash = user.PasswordHash;
            }
            else
            {
                user.PasswordHash = passwordHash;
                Check(await users.CreateAsync(user), account.UserName);
            }
            Check(await users.AddToRoleAsync(user, account.Role), account.UserName);
        }
    }

    static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Demo account '{userName}' could not be created (check Demo:Password): {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    /// <summary>The demo logins as a table: user name, role, unit, password.</summary>
    public void PrintLogins(TextWriter output)
    {
        string[] header = ["用户名 User", "角色 Role", "单位 Unit", "密码 Password"];
        var rows = DemoCity.Accounts.Select(a => new[]
        {
            a.UserName,
            $"{a.Role} {RoleName(a.Role)}",
            a.DepartmentCode is null ? DemoCity.PathName(a.UnitCode)
                : $"{DemoCity.PathName(a.UnitCode)} / {DemoCity.Departments.Single(d => d.Code == a.DepartmentCode).Name}",
            options.Value.Password,
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Append(header).Max(r => Width(r[i]))).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => c + new string(' ', widths[i] - Width(c)))) + " |";
        var rule = "|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|";

        output.WriteLine();
        output.WriteLine($"Demo city {DemoCity.CityName} ({DemoCity.CityCode}). Demo logins (演示账号):");
        output.WriteLine(Line(header));
        output.WriteLine(rule);
        foreach (var row in rows) output.WriteLine(Line(row));
        output.WriteLine();
    }

    // Chinese role names for the console, whatever the server's culture.
    static string RoleName(string role)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Loc.Chinese;
        try { return Roles.DisplayName(role); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    // Terminal columns: CJK characters take two.
    static int Width(string s) => s.Sum(c => c >= '\u2E80' ? 2 : 1);
}
