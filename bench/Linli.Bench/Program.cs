using System.Globalization;
using System.Text.Json;
using Linli.Bench;
using Linli.Data;
using Linli.Modules.Residents;
using Microsoft.Extensions.DependencyInjection;

// bench/run.sh drives `scenarios` against a running Linli.Web and its PostgreSQL (see Harness.cs and bench/README.md).
// 导入基准 resident import.
//   dotnet run -c Release --project bench/Linli.Bench -- scenario [rows,rows…]   scenario 1 vs COPY on PostgreSQL, JSON per size
//   dotnet run -c Release --project bench/Linli.Bench -- [rows] [sqlite|postgres|both] [chunk size]   import then re-import
// PostgreSQL needs LINLI_BENCH_POSTGRES or LINLI_TEST_POSTGRES (server part, "Host=…;Port=…;Username=…").
if (args is ["scenarios", ..])
    return await Harness.RunAsync(BenchOptions.Parse(args[1..]));

var pgServer = Environment.GetEnvironmentVariable("LINLI_BENCH_POSTGRES") is { Length: > 0 } b ? b : Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES");
if (args is ["scenario", ..])
{
    if (string.IsNullOrWhiteSpace(pgServer)) throw new InvalidOperationException("set LINLI_BENCH_POSTGRES or LINLI_TEST_POSTGRES");
    foreach (var size in (args.Length > 1 ? args[1] : "20000,100000").Split(','))
    {
        var result = await ImportScenario.RunAsync(pgServer, int.Parse(size, CultureInfo.InvariantCulture), default);
        Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
    return 0;
}

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var which = args.Length > 1 ? args[1] : "both";
var chunkSize = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : ResidentImport.DefaultChunkSize;
var csv = ImportScenario.Csv(rows);
Console.WriteLine($"{rows:N0} rows, {csv.Length / 1024.0 / 1024.0:F1} MB CSV, chunks of {chunkSize:N0}");
if (which is "sqlite" or "both")
    await RunAsync("SQLite", "Sqlite", $"Data Source={Path.Combine(Path.GetTempPath(), $"linli_bench_{Guid.NewGuid():N}.db")}");
if (which is "postgres" or "both")
{
    if (string.IsNullOrWhiteSpace(pgServer)) Console.WriteLine("PostgreSQL: skipped (set LINLI_BENCH_POSTGRES or LINLI_TEST_POSTGRES)");
    else await RunAsync("PostgreSQL", "Postgres", $"{pgServer.TrimEnd(';')};Database=linli_bench_{Guid.NewGuid():N}");
}
return 0;

async Task RunAsync(string label, string provider, string connectionString)
{
    await using var services = ImportScenario.Services(provider, connectionString);
    var community = await ImportScenario.ArrangeAsync(services, default);
    try
    {
        // Warm-up (JIT, EF model, query caches) on other numbers, so the timed runs measure the import itself.
        await ImportScenario.ImportAsync(services, community, Parse(ImportScenario.Csv(200, region: 110100)), default, chunkSize);
        var parsed = Parse(csv);
        var first = await ImportScenario.ImportAsync(services, community, parsed, default, chunkSize);
        var second = await ImportScenario.ImportAsync(services, community, parsed, default, chunkSize);
        Console.WriteLine($"{label}: import {rows / first.Elapsed.TotalSeconds,7:N0} rows/s ({first.Elapsed.TotalSeconds:F1} s wall, {first.Cpu.TotalSeconds:F1} s CPU of this process; " +
                          $"{first.Result.Imported:N0} imported, {first.Result.Failed} failed)");
        Console.WriteLine($"{label}: re-import {rows / second.Elapsed.TotalSeconds,7:N0} rows/s ({second.Elapsed.TotalSeconds:F1} s wall; {second.Result.Updated} updated)");
    }
    finally
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureDeletedAsync();
    }
}

static List<ResidentImportFile.Row> Parse(byte[] csv) => ResidentImportFile.Read(new MemoryStream(csv), "bench.csv").ToList();
