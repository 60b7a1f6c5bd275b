using System.Diagnostics;
using System.Globalization;
using System.Text;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Platform.Hosting;
using Linli.Platform.OrgScope;
using Linli.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// 导入基准 resident import throughput: N valid rows through ResidentImport.ExecuteAsync, then the same file again
// (every row unchanged). Usage: dotnet run -c Release --project bench/Linli.Bench -- [rows] [sqlite|postgres|both] [chunk size]
// PostgreSQL needs LINLI_BENCH_POSTGRES or LINLI_TEST_POSTGRES (server part, "Host=…;Port=…;Username=…").
static class ImportBench
{
    /// <summary>The resident-import micro benchmark (in-process, no web server).</summary>
    public static async Task MainAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var which = args.Length > 1 ? args[1] : "both";
        ImportBench.ChunkSize = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : ResidentImport.DefaultChunkSize;
        var pgServer = Environment.GetEnvironmentVariable("LINLI_BENCH_POSTGRES") is { Length: > 0 } b ? b : Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES");
        var csv = ImportBench.Csv(rows);
        Console.WriteLine($"{rows:N0} rows, {csv.Length / 1024.0 / 1024.0:F1} MB CSV, chunks of {ImportBench.ChunkSize:N0}");
        if (which is "sqlite" or "both")
            await ImportBench.RunAsync("SQLite", "Sqlite", $"Data Source={Path.Combine(Path.GetTempPath(), $"linli_bench_{Guid.NewGuid():N}.db")}", csv, rows);
        if (which is "postgres" or "both")
        {
            if (string.IsNullOrWhiteSpace(pgServer)) Console.WriteLine("PostgreSQL: skipped (set LINLI_BENCH_POSTGRES or LINLI_TEST_POSTGRES)");
            else await ImportBench.RunAsync("PostgreSQL", "Postgres", $"{pgServer.TrimEnd(';')};Database=linli_bench_{Guid.NewGuid():N}", csv, rows);
        }
    }

    public static int ChunkSize;
    const string Key = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    const int Buildings = 20, Units = 2, Floors = 6, RoomsPerFloor = 2;

    /// <summary>Valid, distinct ID numbers the way the demo seeder makes them: region, birth date, sequence, check character.</summary>
    public static byte[] Csv(int rows, int region = 330200)
    {
        var text = new StringBuilder("姓名,身份证号码,性别,出生日期,民族,联系电话,户籍地,人口类型,人户状态,楼栋,单元,房号\n");
        var birth0 = new DateOnly(1940, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var birth = birth0.AddDays(i % 25_000);
            var first17 = $"{region + i / 25_000 % 99 + 1}{birth:yyyyMMdd}{i % 1000:000}";
            var id = first17 + IdNumber.CheckChar(first17);
            var house = i % (Buildings * Units * Floors * RoomsPerFloor);
            var (building, unit, room) = (house / (Units * Floors * RoomsPerFloor) + 1, house / (Floors * RoomsPerFloor) % Units + 1, Room(house % (Floors * RoomsPerFloor)));
            text.Append(CultureInfo.InvariantCulture, $"居民{i},{id},,,汉族,139{i % 100_000_000:00000000},浙江省宁波市,户籍人口,人户一致,{building}幢,{unit},{room}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    static string Room(int n) => $"{n / RoomsPerFloor + 1}{n % RoomsPerFloor + 1:00}";

    public static async Task RunAsync(string label, string provider, string connectionString, byte[] csv, int rows)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider, ["ConnectionStrings:Linli"] = connectionString, ["Privacy:Key"] = Key,
        }).Build();
        var services = new ServiceCollection().AddLogging(l => { l.SetMinimumLevel(LogLevel.Warning); if (Environment.GetEnvironmentVariable("LINLI_BENCH_SQL") == "1") l.AddConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information); }).AddLinliDatabase(config).AddPrivacy(config).BuildServiceProvider();
        var community = await ArrangeAsync(services);
        try
        {
            // Warm-up (JIT, EF model, query caches) on other numbers, so the timed runs measure the import itself.
            await ImportAsync(services, community, Csv(200, region: 110100), 200);
            var first = await ImportAsync(services, community, csv, rows);
            var second = await ImportAsync(services, community, csv, rows);
            Console.WriteLine($"{label}: import {first.Rate,7:N0} rows/s ({first.Elapsed.TotalSeconds:F1} s wall, {first.Cpu.TotalSeconds:F1} s CPU of this process = {rows / first.Cpu.TotalSeconds:N0} rows per CPU-second; " +
                              $"{first.Result.Imported:N0} imported, {first.Result.Failed} failed, peak managed {first.PeakMb:N0} MB)");
            Console.WriteLine($"{label}: re-import {second.Rate,7:N0} rows/s ({second.Elapsed.TotalSeconds:F1} s wall, {rows / second.Cpu.TotalSeconds:N0} rows per CPU-second; {second.Result.Updated} updated)");
        }
        finally
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureDeletedAsync();
        }
    }

    static async Task<OrgUnit> ArrangeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().EnterSystemScope("bench");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await Migrations.ApplyAsync(db, default);
        OrgUnit Unit(long id, OrgUnit? parent, OrgLevel level, string code) =>
            db.OrgUnits.Add(new OrgUnit { Id = id, ParentId = parent?.Id, Level = level, Code = code, Name = $"{level}", OrgPath = $"{parent?.OrgPath ?? "/"}{id}/" }).Entity;
        var city = Unit(1, null, OrgLevel.City, "330200000000");
        var street = Unit(3, Unit(2, city, OrgLevel.District, "330203000000"), OrgLevel.Street, "330203001000");
        var community = Unit(4, street, OrgLevel.Community, "330203001001");
        var grid = Unit(5, community, OrgLevel.Grid, "330203001001001");
        await db.SaveChangesAsync();
        for (var n = 1; n <= Buildings; n++)
        {
            var building = db.Buildings.Add(new Building { CommunityId = community.Id, Name = $"{n}幢", Floors = Floors, UnitCount = Units, OrgPath = community.OrgPath }).Entity;
            await db.SaveChangesAsync();
            for (var u = 1; u <= Units; u++)
                for (var r = 0; r < Floors * RoomsPerFloor; r++)
                    db.Houses.Add(new House { BuildingId = building.Id, GridId = grid.Id, UnitNumber = u, Floor = r / RoomsPerFloor + 1, RoomNumber = Room(r), OrgPath = grid.OrgPath });
        }
        await db.SaveChangesAsync();
        return community;
    }

    sealed record Run(ResidentImport.Result Result, TimeSpan Elapsed, TimeSpan Cpu, double Rate, long PeakMb);

    static async Task<Run> ImportAsync(IServiceProvider services, OrgUnit community, byte[] csv, int rows)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetUser("bench-user", "bench", "CommunityWorker", community.Id, null, community.OrgPath);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        GC.Collect();
        long peak = 0;
        using var sampler = new Timer(_ => peak = Math.Max(peak, GC.GetTotalMemory(false)), null, 0, 50);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await ResidentImport.ExecuteAsync(db, protector, TimeProvider.System, new MemoryStream(csv), "bench.csv", default, chunkSize: ChunkSize);
        watch.Stop();
        return new Run(result, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, rows / watch.Elapsed.TotalSeconds, peak / 1024 / 1024);
    }
}
