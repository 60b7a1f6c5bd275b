using Linli.Bench;

// bench/run.sh drives `scenarios` against a running Linli.Web and its PostgreSQL; anything else is the in-process
// resident-import micro benchmark (see ImportBench.cs).
if (args.Length > 0 && args[0] == "scenarios")
    return await Harness.RunAsync(BenchOptions.Parse(args[1..]));
await ImportBench.MainAsync(args);
return 0;
