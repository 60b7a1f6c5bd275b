using System.Diagnostics;
using System.Globalization;
using Linli.Data;
using Linli.Modules.Matters;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Modules.Visits;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Microsoft.AspNetCore.Identity;

namespace Linli.Platform.Generation;

public sealed record GenerationOptions(ScalePlan Plan, int Seed, int Year, string Password);

public sealed record GenerationResult(long Units, long Departments, long Accounts, SyntheticRegistry.Counts Registry, ActivityCounts Activity,
    TimeSpan RegistryElapsed, TimeSpan ActivityElapsed, TimeSpan Elapsed)
{
    public long Rows => Units + Departments + Accounts + Registry.Rows + Activity.Visits + Activity.Matters + Activity.MatterEvents;
}

// 生成城市 builds the synthetic city 明州市 in the configured database, in the order of the contract: registry (org,
// departments, grids, accounts, buildings, houses, households, residents) in one transaction → SyntheticActivity →
// sequences → Rollups. Runs in system scope. Bulk rows go through RowSink with keys assigned here.
public sealed class CityGenerator(AppDbContext db, FieldProtector protector, UserManager<AppUser> users, IServiceProvider services)
{
    internal static readonly Type[] RegistryTables = [typeof(Building), typeof(House), typeof(Household), typeof(Resident), typeof(ResidentTag)];
    internal static readonly Type[] ActivityTables = [typeof(Matter), typeof(MatterEvent), typeof(Visit)];

    public static Task<bool> ExistsAsync(AppDbContext db, CancellationToken ct) =>
        db.OrgUnits.IgnoreQueryFilters().AnyAsync(u => u.Code == SyntheticCity.CityCode, ct);

    public async Task<GenerationResult> RunAsync(GenerationOptions options, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        var plan = options.Plan;
        if (plan.CommunitiesPerDistrict > 500 || plan.Communities > 8_000)
            throw new GenerationException("At most 500 communities a district and 8,000 in all: ID-number sequences would run out.");
        if (await ExistsAsync(db, ct))
            throw new GenerationException($"The database already holds the synthetic city {SyntheticCity.CityName} ({SyntheticCity.CityCode}); generate into an empty database.");
        await Hosting.RoleSeeder.EnsureRolesAsync(services);
        var started = Stopwatch.GetTimestamp();
        var today = new DateOnly(options.Year, 1, 1);

        await using var sink = RowSink.For(db);
        SyntheticRegistry.Counts registry;
        long unitCount, departmentCount, accounts;
        string cityPath;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Households and their heads refer to each other: on PostgreSQL the keys step aside for the load, on SQLite they wait for the commit.
            if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
            var deferred = await DeferredIndexes.DropAsync(db, RegistryTables, onlyEmpty: false, ct);
            var units = await WriteUnitsAsync(sink, plan, ct);
            unitCount = units.Count;
            cityPath = units[SyntheticCity.CityCode].Path;
            progress?.Report(new("org units", unitCount, unitCount));
            var departments = await WriteDepartmentsAsync(sink, plan, units, ct);
            departmentCount = departments.Count;
            accounts = await SyntheticAccounts.WriteAsync(db, sink, users, options.Password, plan, units, departments, options.Seed, today, ct);
            progress?.Report(new("accounts", accounts, accounts));

            var places = SyntheticCity.Communities(plan).Select(c => new SyntheticCommunity.Place(units[c.Code].Id, units[c.Code].Path, c.Name,
                SyntheticCity.DistrictCounty(c.District), c.IndexInDistrict, c.IndexInCity, c.GridCodes.Select(g => units[g]).ToArray())).ToList();
            registry = await SyntheticRegistry.WriteAsync(db, sink, protector, places, plan, options.Seed, today, progress, ct);
            await deferred.RestoreAsync(db, progress, ct);

            db.AddAuditEvent("Generate.City", nameof(OrgUnit), SyntheticCity.CityCode, after: new
            {
                Scale = plan.Name, options.Seed, options.Year, Units = unitCount, Departments = departmentCount, Accounts = accounts,
                registry.Buildings, registry.Houses, registry.Households, registry.Residents, registry.Tags,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await sink.ResetSequencesAsync(ct);
        var registryElapsed = Stopwatch.GetElapsedTime(started);

        var activityStarted = Stopwatch.GetTimestamp();
        var activity = await SyntheticActivity.GenerateAsync(db, cityPath, options.Seed, options.Year, plan, progress, ct);
        await sink.ResetSequencesAsync(ct);
        var activityElapsed = Stopwatch.GetElapsedTime(activityStarted);
        await Rollups.RebuildAllAsync(db, ct);
        return new(unitCount, departmentCount, accounts, registry, activity, registryElapsed, activityElapsed, Stopwatch.GetElapsedTime(started));
    }

    // Ids are the app's to assign (the path holds them); continue after whatever exists.
    async Task<Dictionary<string, (long Id, string Path)>> WriteUnitsAsync(RowSink sink, ScalePlan plan, CancellationToken ct)
    {
        var next = await RowSink.NextIdAsync<OrgUnit>(db, ct);
        var units = new Dictionary<string, (long Id, string Path)>(StringComparer.Ordinal);
        IEnumerable<OrgUnit> Rows()
        {
            foreach (var spec in SyntheticCity.Units(plan))
            {
                var parent = spec.ParentCode is null ? ((long Id, string Path)?)null : units[spec.ParentCode];
                var id = next++;
                var path = $"{parent?.Path ?? "/"}{id.ToString(CultureInfo.InvariantCulture)}/";
                units[spec.Code] = (id, path);
                yield return new OrgUnit
                {
                    Id = id, ParentId = parent?.Id, Level = spec.Level, Code = spec.Code, Name = spec.Name, SortOrder = spec.SortOrder, OrgPath = path,
                };
            }
        }
        await sink.WriteAsync(Rows(), ct);
        return units;
    }

    async Task<Dictionary<string, long>> WriteDepartmentsAsync(RowSink sink, ScalePlan plan, Dictionary<string, (long Id, string Path)> units, CancellationToken ct)
    {
        var next = await RowSink.NextIdAsync<Department>(db, ct);
        var departments = new Dictionary<string, long>(StringComparer.Ordinal);
        var rows = SyntheticCity.Departments(plan).Select((spec, i) =>
        {
            departments[spec.Code] = next + i;
            return new Department
            {
                Id = next + i, OrgUnitId = units[spec.UnitCode].Id, OrgPath = units[spec.UnitCode].Path, Code = spec.Code, Name = spec.Name, SortOrder = i + 1,
            };
        });
        await sink.WriteAsync(rows, ct);
        return departments;
    }
}
