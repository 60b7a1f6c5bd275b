using System.Diagnostics;
using System.Globalization;
using Linli.Data;
using Linli.Modules.Matters.Deadlines;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Microsoft.AspNetCore.Identity;

namespace Linli.Platform.Generation;

/// <summary><c>Linli.Web generate --scale tiny|demo|district|city --seed N [--password P] [--year YYYY]</c></summary>
public static class GenerateCommand
{
    public const string Usage = "generate --scale tiny|demo|district|city --seed N [--password P] [--year YYYY] [--baseline] [--baseline-activity]";

    public static async Task<int> RunAsync(IServiceProvider sp, string[] args, TextWriter output, TextWriter error, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        ScalePlan plan;
        try { plan = ScalePlan.For(Arg("--scale") ?? ""); }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine("Usage: Linli.Web " + Usage);
            return 2;
        }
        if (!int.TryParse(Arg("--seed") ?? "1", NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            || !int.TryParse(Arg("--year") ?? DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
            || year < 2000 || year > DateTime.UtcNow.Year)
        {
            error.WriteLine("Usage: Linli.Web " + Usage + " (the year at most this one)");
            return 2;
        }
        var password = Arg("--password") ?? SyntheticAccounts.DefaultPassword;

        var db = sp.GetRequiredService<AppDbContext>();
        if (await CityGenerator.ExistsAsync(db, ct))
        {
            error.WriteLine($"The database already holds the synthetic city {SyntheticCity.CityName} ({SyntheticCity.CityCode}). Generate into an empty database.");
            return 2;
        }
        output.WriteLine($"Generating {SyntheticCity.CityName} ({SyntheticCity.CityCode}) at scale '{plan.Name}', seed {seed}, year {year}: " +
                         $"{plan.Districts} districts, {plan.Streets:N0} streets, {plan.Communities:N0} communities, {plan.Grids:N0} grids, ~{plan.Residents:N0} residents.");
        var generator = new CityGenerator(db, sp.GetRequiredService<FieldProtector>(), sp.GetRequiredService<UserManager<AppUser>>(), sp);
        GenerationResult result;
        try
        {
            result = await generator.RunAsync(new(plan, seed, year, password), progress, ct);
        }
        catch (GenerationException e)
        {
            (progress as IDisposable)?.Dispose();
            error.WriteLine(e.Message);
            return 2;
        }
        (progress as IDisposable)?.Dispose();
        Print(output, plan, result, password);
        // The deadline timer's tick, as a running platform would have done it by now: the year's open matters past or near
        // their deadline are flagged and warned, instead of the web process doing thousands of them when it first starts.
        var swept = await MatterDeadlineSweep.RunOnceAsync(sp, ct: ct);
        output.WriteLine($"deadline timer: {swept.Overdue:N0} overdue matters flagged for supervision, {swept.Warned:N0} warned");
        if (args.Contains("--baseline") && db.IsPostgres)
        {
            var registryRows = result.Units + result.Departments + result.Accounts + result.Registry.Rows;
            output.WriteLine();
            Print(output, "the registry tables'", "generator", await GenerationBaseline.MeasureAsync(db, registryRows, result.RegistryElapsed, ct));
        }
        // Opt-in: the activity tables are several times the registry's size, and so is copying them again.
        if (args.Contains("--baseline-activity") && db.IsPostgres)
        {
            var a = result.Activity;
            Print(output, "the activity tables'", "activity step", await GenerationBaseline.MeasureAsync(db, CityGenerator.ActivityTables,
                a.Visits + a.Matters + a.MatterEvents, result.ActivityElapsed, ct));
        }
        return 0;
    }

    static void Print(TextWriter output, string tables, string step, GenerationBaseline.Result b) =>
        output.WriteLine($"baseline: COPY of {tables} {b.Rows:N0} rows in {b.Copy.TotalSeconds:0.0} s ({b.CopyRowsPerSecond:N0} rows/s); " +
                         $"{step} {b.GeneratedRowsPerSecond:N0} rows/s: ratio {b.Ratio:0.00} (target ≥ 0.5)");

    static void Print(TextWriter output, ScalePlan plan, GenerationResult r, string password)
    {
        var g = r.Registry;
        output.WriteLine();
        output.WriteLine($"org units {r.Units:N0}, departments {r.Departments:N0}, accounts {r.Accounts:N0}");
        output.WriteLine($"buildings {g.Buildings:N0}, houses {g.Houses:N0}, households {g.Households:N0}, residents {g.Residents:N0}, tags {g.Tags:N0}");
        output.WriteLine($"registry writer: {g.Writing.TotalSeconds:0.0} s writing, {g.Waiting.TotalSeconds:0.0} s waiting for rows to be made");
        output.WriteLine($"visits {r.Activity.Visits:N0}, matters {r.Activity.Matters:N0}, matter events {r.Activity.MatterEvents:N0}");
        var t = SyntheticActivity.Timings;
        output.WriteLine($"activity: {r.Activity.Visits + r.Activity.Matters + r.Activity.MatterEvents:N0} rows in {r.ActivityElapsed.TotalSeconds:0.0} s: " +
                         $"{t.Load.TotalSeconds:0.0} s reading the registry, {t.Make.TotalSeconds:0.0} s waiting for rows to be made, " +
                         $"{t.Write.TotalSeconds:0.0} s writing, {t.Indexes.TotalSeconds:0.0} s indexes and keys");
        var registryRows = r.Units + r.Departments + r.Accounts + g.Rows;
        output.WriteLine($"registry: {registryRows:N0} rows in {r.RegistryElapsed.TotalSeconds:0.0} s ({registryRows / Math.Max(r.RegistryElapsed.TotalSeconds, 0.001):N0} rows/s)");
        output.WriteLine($"total: {r.Rows:N0} rows in {r.Elapsed.TotalSeconds:0.0} s ({r.Rows / Math.Max(r.Elapsed.TotalSeconds, 0.001):N0} rows/s)");
        output.WriteLine();
        output.WriteLine($"Logins (password {password}):");
        foreach (var login in SyntheticAccounts.Logins(plan))
            output.WriteLine($"  {login.UserName,-14} {login.Role,-16} {login.UnitCode}{(login.DepartmentCode is null ? "" : " " + login.DepartmentCode)}");
        output.WriteLine($"  w<gridcode>    {Roles.GridWorker,-16} one per grid, e.g. {SyntheticAccounts.GridWorkerName(SyntheticCity.Communities(plan).First().GridCodes[0])}");
    }
}
