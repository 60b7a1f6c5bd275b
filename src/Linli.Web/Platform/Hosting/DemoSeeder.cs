using Linli.Data;

namespace Linli.Platform.Hosting;

// 演示城市 demo city: filled in by the demo-seed work.
public sealed class DemoSeeder(AppDbContext db)
{
    public Task SeedAsync(CancellationToken ct) => Task.CompletedTask;

    public void PrintLogins(TextWriter output) => output.WriteLine($"Demo seeding skipped ({db.GetType().Name}).");
}
