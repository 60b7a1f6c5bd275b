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
using Npgsql;
using NpgsqlTypes;

namespace Linli.Bench;

// 场景 1 居民导入 scenario 1: N valid rows through the product's import (ResidentImport.ExecuteAsync: validation, ID check
// digit, dedupe by blind index, house lookup, encryption, history, audit chain) vs a binary COPY of the same rows'
// plaintext into a plain unindexed table, both on the same PostgreSQL server in the same run, both from the parsed file.
public static class ImportScenario
{
    const string Key = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    const int Buildings = 20, Units = 2, Floors = 6, RoomsPerFloor = 2;

    public static async Task<List<ScenarioResult>> RunAsync(string pgServerConnection, int rows, CancellationToken ct)
    {
        var database = $"linli_bench_import_{Guid.NewGuid():N}";
        var connection = $"{pgServerConnection.TrimEnd(';')};Database={database}";
        await using var services = Services("Postgres", connection);
        var community = await ArrangeAsync(services, ct);
        try
        {
            var csv = Csv(rows);
            var parse = Stopwatch.StartNew();
            var parsed = ResidentImportFile.Read(new MemoryStream(csv), "bench.csv").ToList();
            parse.Stop();

            var micro = ImportMicro.Run(services, parsed.Take(5_000).ToList());
            // Warm-up on other rows and another table (JIT, EF model, query plans, COPY paths), then the timed runs.
            await ImportAsync(services, community, ResidentImportFile.Read(new MemoryStream(Csv(200, region: 110100)), "warm.csv").ToList(), ct);
            await CopyPlainAsync(connection, "bench_warm", parsed.Take(200), ct);
            var copy1 = await CopyPlainAsync(connection, "bench_plain_1", parsed, ct);
            var ours = await ImportAsync(services, community, parsed, ct);
            var copy2 = await CopyPlainAsync(connection, "bench_plain_2", parsed, ct);
            var again = await ImportAsync(services, community, parsed, ct);

            if (ours.Result.Imported != rows || again.Result is not { Imported: 0, Updated: 0, Failed: 0 })
                throw new InvalidOperationException($"import counts wrong: {ours.Result} then {again.Result}");
            var ceiling = await CeilingAsync(connection, ct);
            var copy = copy1.Wall <= copy2.Wall ? copy1 : copy2;
            var baseline = copy.Wall;
            var (oursRate, baseRate) = (rows / ours.Elapsed.TotalSeconds, rows / baseline.TotalSeconds);
            var notes = string.Create(CultureInfo.InvariantCulture,
                $"{rows:N0} rows; import {ours.Elapsed.TotalSeconds:F2} s, COPY {copy1.Wall.TotalSeconds:F2}/{copy2.Wall.TotalSeconds:F2} s (faster taken). " +
                $"CPU, load-independent: import {ours.Cpu.TotalSeconds:F2} s client + {Seconds(ours.ServerCpu)} s PostgreSQL backend, " +
                $"COPY {copy.Cpu.TotalSeconds:F2} s client + {Seconds(copy.ServerCpu)} s backend; parse {parse.Elapsed.TotalSeconds:F2} s (excluded from both); " +
                $"re-import of the same file (all unchanged) {rows / again.Elapsed.TotalSeconds:N0} rows/s; chunk {ResidentImport.DefaultChunkSize}. " +
                $"Import profile (s): {ours.Profile()}. Re-import profile (s): {again.Profile()}. {micro}");
            var ceilingRate = ceiling.Residents / ceiling.Indexed.TotalSeconds;
            return
            [
                new ScenarioResult("1 import", "rows/s", Math.Round(oursRate), Math.Round(baseRate), Math.Round(oursRate / baseRate, 3), 0.5,
                    oursRate / baseRate >= 0.5, notes),
                Rows.Beside("1 import", "rows/s, PostgreSQL's own ceiling", ceilingRate, baseRate, string.Create(CultureInfo.InvariantCulture,
                    $"what the import writes (the stored rows of {string.Join(", ", CeilingTables)}: {ceiling.Rows:N0} rows for {ceiling.Residents:N0} residents), " +
                    $"copied back with binary COPY into tables with the product's indexes: {ceiling.Indexed.TotalSeconds:F2} s; into the same tables without " +
                    $"indexes: {ceiling.Plain.TotalSeconds:F2} s. No import that keeps these indexes and this audit trail can beat this row's ratio")),
            ];
        }
        finally
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureDeletedAsync(CancellationToken.None);
        }
    }

    /// <summary>The baseline: BEGIN, binary COPY of the rows' plaintext (every file column, birth date as a date), COMMIT.</summary>
    static async Task<Run> CopyPlainAsync(string connectionString, string table, IEnumerable<ResidentImportFile.Row> rows, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var create = new NpgsqlCommand($"CREATE TABLE {table} (name text, id_number text, gender text, birth_date date, ethnicity text, phone text, " +
                                                    "registration_place text, residence_type text, registration_match text, building text, unit text, room text)", connection))
            await create.ExecuteNonQueryAsync(ct);
        var (cpu, server) = (Process.GetCurrentProcess().TotalProcessorTime, BackendCpu(connection.ProcessID));
        var watch = Stopwatch.StartNew();
        var count = 0;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var row in rows)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(row.Get("name"), NpgsqlDbType.Text, ct);
                    var id = row.Get("idNumber");
                    await copy.WriteAsync(id, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(row.Get("gender"), NpgsqlDbType.Text, ct);
                    if (IdNumber.BirthDate(id) is { } birth) await copy.WriteAsync(birth, NpgsqlDbType.Date, ct);
                    else await copy.WriteNullAsync(ct);
                    foreach (var field in (string[])["ethnicity", "phone", "registrationPlace", "residenceType", "registrationMatch", "building", "unit", "room"])
                        await copy.WriteAsync(row.Get(field), NpgsqlDbType.Text, ct);
                    count++;
                }
                await copy.CompleteAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        watch.Stop();
        return new Run(new ResidentImport.Result(count, 0, 0, []), watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu,
            BackendCpu(connection.ProcessID) - server, new ImportStages());
    }

    static readonly string[] CeilingTables = ["Residents", "ResidentChanges", "AuditLog"];

    /// <summary>
    /// What PostgreSQL itself needs to store the import's result: the rows the import left in its tables, exported in binary
    /// and copied back into tables LIKE them, once with all their indexes and once with none. Untimed export; timed COPY.
    /// </summary>
    static async Task<(long Residents, long Rows, TimeSpan Indexed, TimeSpan Plain)> CeilingAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var (indexed, plain, rows, residents) = (TimeSpan.Zero, TimeSpan.Zero, 0L, 0L);
        foreach (var table in CeilingTables)
        {
            var data = new MemoryStream();
            await using (var export = await connection.BeginRawBinaryCopyAsync($"COPY (SELECT * FROM \"{table}\") TO STDOUT (FORMAT BINARY)", ct))
                await export.CopyToAsync(data, ct);
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection))
            {
                var n = (long)(await count.ExecuteScalarAsync(ct))!;
                rows += n;
                if (table == "Residents") residents = n;
            }
            indexed += await CopyBackAsync(connection, $"bench_ceiling_indexed_{table}", $"(LIKE \"{table}\" INCLUDING ALL)", data, ct);
            plain += await CopyBackAsync(connection, $"bench_ceiling_plain_{table}", $"(LIKE \"{table}\")", data, ct);
        }
        return (residents, rows, indexed, plain);
    }

    static async Task<TimeSpan> CopyBackAsync(NpgsqlConnection connection, string table, string shape, MemoryStream data, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand($"CREATE TABLE {table} {shape}", connection)) await create.ExecuteNonQueryAsync(ct);
        var watch = Stopwatch.StartNew();
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", ct))
            {
                data.Position = 0;
                await data.CopyToAsync(copy, ct);
            }
            await tx.CommitAsync(ct);
        }
        return watch.Elapsed;
    }

    /// <summary>CPU time of a PostgreSQL backend from /proc (same machine only; null otherwise).</summary>
    static TimeSpan? BackendCpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');   // after "pid (comm) ": state is field 3
            return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    static string Seconds(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) : "?";

    public sealed record Run(ResidentImport.Result Result, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan? ServerCpu, ImportStages Stages)
    {
        /// <summary>Seconds per stage, biggest first: where the import's time went.</summary>
        public TimeSpan Wall => Elapsed;

        public string Profile() => string.Join("; ", Stages.Spent.OrderByDescending(s => s.Value)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value.TotalSeconds:F2}")));
    }

    /// <summary>The product path as a community worker of the arranged community, from parsed rows, commit included.</summary>
    public static async Task<Run> ImportAsync(IServiceProvider services, OrgUnit community, IReadOnlyList<ResidentImportFile.Row> rows, CancellationToken ct,
        int chunkSize = ResidentImport.DefaultChunkSize)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetUser("bench-user", "bench", "CommunityWorker", community.Id, null, community.OrgPath);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        await db.Database.OpenConnectionAsync(ct);   // the import's own connection, so its backend's CPU can be read
        var pid = db.IsPostgres ? ((NpgsqlConnection)db.Database.GetDbConnection()).ProcessID : 0;
        GC.Collect();
        var server = db.IsPostgres ? BackendCpu(pid) : null;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stages = new ImportStages();
        var watch = Stopwatch.StartNew();
        var result = await ResidentImport.ExecuteAsync(db, protector, TimeProvider.System, rows, "bench.csv", ct, chunkSize: chunkSize, stages: stages);
        watch.Stop();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new Run(result, watch.Elapsed, clientCpu, db.IsPostgres ? BackendCpu(pid) - server : null, stages);
    }

    public static ServiceProvider Services(string provider, string connectionString)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider, ["ConnectionStrings:Linli"] = connectionString, ["Privacy:Key"] = Key,
        }).Build();
        return new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddLinliDatabase(config).AddPrivacy(config).BuildServiceProvider();
    }

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

    /// <summary>A fresh database: city → district → street → community → grid, 20 buildings of 24 houses in the grid.</summary>
    public static async Task<OrgUnit> ArrangeAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().EnterSystemScope("bench");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await Migrations.ApplyAsync(db, ct);
        OrgUnit Unit(long id, OrgUnit? parent, OrgLevel level, string code) =>
            db.OrgUnits.Add(new OrgUnit { Id = id, ParentId = parent?.Id, Level = level, Code = code, Name = $"{level}", OrgPath = $"{parent?.OrgPath ?? "/"}{id}/" }).Entity;
        var city = Unit(1, null, OrgLevel.City, "330200000000");
        var street = Unit(3, Unit(2, city, OrgLevel.District, "330203000000"), OrgLevel.Street, "330203001000");
        var community = Unit(4, street, OrgLevel.Community, "330203001001");
        var grid = Unit(5, community, OrgLevel.Grid, "330203001001001");
        await db.SaveChangesAsync(ct);
        for (var n = 1; n <= Buildings; n++)
        {
            var building = db.Buildings.Add(new Building { CommunityId = community.Id, Name = $"{n}幢", Floors = Floors, UnitCount = Units, OrgPath = community.OrgPath }).Entity;
            await db.SaveChangesAsync(ct);
            for (var u = 1; u <= Units; u++)
                for (var r = 0; r < Floors * RoomsPerFloor; r++)
                    db.Houses.Add(new House { BuildingId = building.Id, GridId = grid.Id, UnitNumber = u, Floor = r / RoomsPerFloor + 1, RoomNumber = Room(r), OrgPath = grid.OrgPath });
        }
        await db.SaveChangesAsync(ct);
        return community;
    }
}
