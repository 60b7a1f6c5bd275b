using System.Diagnostics;
using System.Text;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Residents;

public sealed class ImportStreamingTests
{
    // The 100,000-row figure belongs to benchmarks; 5,000 rows show the batched, streamed path works end to end.
    [Fact]
    public async Task Import_FiveThousandRowsCsv_ImportsAllOfThem()
    {
        // Its own database: the import's one long write transaction would make other tests' SQLite writers wait.
        await using var app = LinliApp.Create(Provider.Sqlite);
        _ = app.Services;
        var home = await app.CreateHomeAsync();
        var text = new StringBuilder(ImportResidentsTests.Header).Append('\n');
        for (var i = 0; i < 5_000; i++)
            text.Append("居民").Append(i).Append(',').Append(TestIds.New(new DateOnly(1940 + i % 70, 1 + i % 12, 1 + i % 28), i % 2 == 0)).Append(",,,,,,,,3幢,1,502\n");
        var watch = Stopwatch.StartNew();

        var body = await ImportResidentsTests.ImportOkAsync(home.Worker, Encoding.UTF8.GetBytes(text.ToString()), "big.csv");

        Assert.Equal((5_000, 0), (body.GetProperty("imported").GetInt32(), body.GetProperty("failed").GetInt32()));
        var count = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Residents, r => r.HouseId == home.HouseId, Ct));
        Assert.Equal(5_000, count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"took {watch.Elapsed}");
    }
}
