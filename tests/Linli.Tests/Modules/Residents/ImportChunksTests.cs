using System.Text;
using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Platform.OrgScope;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Residents;

// The import works in chunks; these use chunks of two or three rows so every rule is seen across a boundary.
public sealed class ImportChunksTests(Apps apps)
{
    /// <summary>Imports as the home's community worker, straight through ResidentImport with a small chunk size.</summary>
    internal static async Task<ResidentImport.Result> ImportAsync(LinliApp app, Home home, string rows, int chunkSize,
        Func<int, Task>? afterChunk = null, string fileName = "chunks.csv")
    {
        using var scope = app.Services.CreateScope();
        var community = home.Tree.Community;
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetUser("import-test", "import-test", Roles.CommunityWorker, community.Id, null, community.OrgPath);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ImportResidentsTests.Header + "\n" + rows));
        return await ResidentImport.ExecuteAsync(db, app.Services.GetRequiredService<FieldProtector>(), TimeProvider.System, stream, fileName, Ct, afterChunk, chunkSize);
    }

    static string Row(string name, string id, string registrationPlace = "") => $"{name},{id},,,,,{registrationPlace},,,3幢,1,502\n";

    static Task<List<Resident>> ResidentsAsync(LinliApp app, params string[] ids)
    {
        var protector = app.Services.GetRequiredService<FieldProtector>();
        var indexes = ids.Select(id => protector.IdNumberIndex(id)).ToList();
        return app.WithDbAsync(db => db.Residents.AsNoTracking().Where(r => indexes.Contains(r.IdNumberIndex!)).OrderBy(r => r.Name).ToListAsync(Ct));
    }

    static Task<List<string>> HistoryAsync(LinliApp app, long residentId) =>
        app.WithDbAsync(db => db.ResidentChanges.Where(c => c.ResidentId == residentId).OrderBy(c => c.Id).Select(c => c.Field + ":" + c.NewValue).ToListAsync(Ct));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_DuplicatePairSplitAcrossChunks_RefusesTheSecond(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var (a, b) = (TestIds.New(new DateOnly(1961, 1, 1)), TestIds.New(new DateOnly(1962, 2, 2)));

        var result = await ImportAsync(app, home, Row("甲", a) + Row("乙", b) + Row("甲二", a), chunkSize: 2);

        Assert.Equal((2, 0, 1), (result.Imported, result.Updated, result.Failed));
        var error = Assert.Single(result.Errors);
        Assert.Equal((4, "idNumber"), (error.Row, error.Field));
        Assert.Contains("重复", error.Message);
        Assert.Equal(["乙", "甲"], (await ResidentsAsync(app, a, b)).Select(r => r.Name));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_UpdateAndInsertInOneChunk_CountsBothAndRecordsTheirHistory(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var (known, fresh) = (TestIds.New(new DateOnly(1970, 3, 3)), TestIds.New(new DateOnly(1971, 4, 4), male: false));
        var knownId = (await home.AddResidentAsync("老住户", known)).Id();

        var result = await ImportAsync(app, home, Row("老住户", known, "上海市") + Row("新住户", fresh), chunkSize: 3);

        Assert.Equal((1, 1, 0), (result.Imported, result.Updated, result.Failed));
        var saved = await ResidentsAsync(app, known, fresh);
        Assert.Equal(["新住户", "老住户"], saved.Select(r => r.Name));
        Assert.Equal("上海市", saved[1].RegistrationPlace);
        Assert.Equal(["record:Created", "registrationPlace:上海市"], await HistoryAsync(app, knownId));
        Assert.Equal(["record:Created"], await HistoryAsync(app, saved[0].Id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_BadRowInSecondChunk_ReportsItAndKeepsTheOtherRows(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var ids = Enumerable.Range(0, 4).Select(i => TestIds.New(new DateOnly(1980 + i, 5, 5))).ToArray();
        var wrongDigit = ids[2][..17] + (ids[2][17] == '0' ? '1' : '0');

        var result = await ImportAsync(app, home, Row("一", ids[0]) + Row("二", ids[1]) + Row("三", wrongDigit) + Row("四", ids[3]), chunkSize: 2);

        Assert.Equal((3, 0, 1), (result.Imported, result.Updated, result.Failed));
        var error = Assert.Single(result.Errors);
        Assert.Equal((4, "idNumber", IdNumber.Message(IdNumber.Problem.CheckDigit)), (error.Row, error.Field, error.Message));
        Assert.Equal(["一", "二", "四"], (await ResidentsAsync(app, ids)).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_FailureAfterTheSecondChunk_RollsBackUpdatesInsertsAndAudit(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var known = TestIds.New(new DateOnly(1955, 6, 6));
        var knownId = (await home.AddResidentAsync("老住户", known)).Id();
        var fresh = Enumerable.Range(0, 3).Select(i => TestIds.New(new DateOnly(1990 + i, 7, 7))).ToArray();
        var fileName = $"rollback-{Guid.NewGuid():N}.csv";
        var knownKey = knownId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Task<int> AuditRowsAsync() => app.WithDbAsync(db => db.AuditLog.CountAsync(a =>
            (a.ObjectType == "Resident" && a.ObjectId == knownKey) || (a.Action == "Resident.Import" && a.After!.Contains(fileName)), Ct));
        var auditBefore = await AuditRowsAsync();
        var chunksSaved = 0;

        await Assert.ThrowsAsync<IOException>(() => ImportAsync(app, home,
            Row("老住户", known, "北京市") + Row("甲", fresh[0]) + Row("乙", fresh[1]) + Row("丙", fresh[2]), chunkSize: 2,
            afterChunk: lastRow => ++chunksSaved == 2 ? throw new IOException("disk gone") : Task.CompletedTask, fileName: fileName));

        Assert.Equal(2, chunksSaved);
        Assert.Equal(["老住户"], (await ResidentsAsync(app, [known, .. fresh])).Select(r => r.Name));
        Assert.Null((await ResidentsAsync(app, known))[0].RegistrationPlace);
        Assert.Equal(["record:Created"], await HistoryAsync(app, knownId));
        Assert.Equal(auditBefore, await AuditRowsAsync());
    }
}
