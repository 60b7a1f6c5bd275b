using System.Diagnostics;
using System.Text;
using Linli.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
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

    // Several chunks of the default size on both databases: counts, one history row per new person, and a second
    // import of the same file that changes nothing.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_ThreeThousandRowsTwice_SecondReportsAllUnchanged(Provider provider)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
        {
            if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
        }
        // Its own database, as above: one long write transaction.
        await using var app = LinliApp.Create(provider);
        _ = app.Services;
        var home = await app.CreateHomeAsync();
        const int rows = 3_000;
        var text = new StringBuilder();
        for (var i = 0; i < rows; i++)
            text.Append("居民").Append(i).Append(',').Append(TestIds.New(new DateOnly(1940 + i % 70, 1 + i % 12, 1 + i % 28), i % 2 == 0))
                .Append(",,,汉族,").Append(TestIds.Phone()).Append(",浙江省宁波市,户籍人口,人户一致,3幢,1,502\n");

        var first = await ImportChunksTests.ImportAsync(app, home, text.ToString(), ResidentImport.DefaultChunkSize);
        var second = await ImportChunksTests.ImportAsync(app, home, text.ToString(), ResidentImport.DefaultChunkSize);

        Assert.Equal((rows, 0, 0), (first.Imported, first.Updated, first.Failed));
        Assert.Equal((0, 0, 0), (second.Imported, second.Updated, second.Failed));
        var (residents, history, created, residentAudit) = await app.WithDbAsync(async db => (
            await db.Residents.CountAsync(r => r.HouseId == home.HouseId, Ct),
            await db.ResidentChanges.CountAsync(c => c.Resident!.HouseId == home.HouseId, Ct),
            await db.ResidentChanges.CountAsync(c => c.Resident!.HouseId == home.HouseId && c.Field == "record" && c.NewValue == "Created", Ct),
            await db.AuditLog.CountAsync(a => a.Action == "Resident.Create", Ct)));
        Assert.Equal((rows, rows, rows, rows), (residents, history, created, residentAudit));
    }
}
