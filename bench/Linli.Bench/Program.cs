using System.Globalization;
using System.Text.Json;
using Linli.Bench;

// bench/run.sh drives `scenarios` against a running Linli.Web and its PostgreSQL (see Harness.cs);
// `scenario [rows,rows…]` runs only the import scenario (1) against LINLI_BENCH_POSTGRES or LINLI_TEST_POSTGRES and prints JSON;
// anything else is the in-process resident-import micro benchmark (see ImportBench.cs).
if (args is ["scenarios", ..])
    return await Harness.RunAsync(BenchOptions.Parse(args[1..]));
if (args is ["scenario", ..])
{
    var pgServer = Environment.GetEnvironmentVariable("LINLI_BENCH_POSTGRES") is { Length: > 0 } b ? b : Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES");
    if (string.IsNullOrWhiteSpace(pgServer)) throw new InvalidOperationException("set LINLI_BENCH_POSTGRES or LINLI_TEST_POSTGRES");
    foreach (var size in (args.Length > 1 ? args[1] : "20000,100000").Split(','))
    {
        var result = await ImportScenario.RunAsync(pgServer, int.Parse(size, CultureInfo.InvariantCulture), default);
        Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
    return 0;
}
await ImportBench.MainAsync(args);
return 0;
