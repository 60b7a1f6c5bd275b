using System.Globalization;

namespace Linli.Bench;

/// <summary>What run.sh hands over: where the web process and its database are, which accounts, how hard to push.</summary>
public sealed record BenchOptions(string Mode, string Scale, string BaseUrl, string PgServer, string Database, int WebPid,
    string OutDir, string Password, string? GenerationLog, double GenerationSeconds, string? Only, double TotalSecondsBefore)
{
    public bool Smoke => Mode == "smoke";
    public bool Quick => Mode == "quick";
    public string Db => $"{PgServer.TrimEnd(';')};Database={Database};Pooling=true;Maximum Pool Size=20";

    /// <summary>How many times / how long each scenario runs in this mode.</summary>
    public int Pick(int smoke, int quick, int full) => Smoke ? smoke : Quick ? quick : full;

    /// <summary>An account of the generated city: gen.community, gen.street, gen.district, gen.city, gen.grid.</summary>
    public string User(string role) => "gen." + role;

    public bool Runs(string scenario) => Only is null || Only.Split(',').Contains(scenario);

    public static BenchOptions Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        string Need(string name) => Arg(name) ?? throw new ArgumentException($"missing {name}");
        return new(Arg("--mode") ?? "full", Arg("--scale") ?? "city", Need("--base-url").TrimEnd('/'), Need("--pg"), Need("--database"),
            int.Parse(Need("--web-pid"), CultureInfo.InvariantCulture), Arg("--out") ?? "bench/results",
            Arg("--password") ?? "Linli@12345", Arg("--gen-log"),
            double.Parse(Arg("--gen-seconds") ?? "0", CultureInfo.InvariantCulture), Arg("--only"),
            double.Parse(Arg("--seconds-before") ?? "0", CultureInfo.InvariantCulture));
    }
}
