using System.Globalization;
using System.Text;
using Linli.Modules.Residents;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Residents;

// New people are written in bulk (COPY on PostgreSQL) around the change tracker: these check that what lands is
// the same as a save would write — searchable, revealable, one history row and one audit row each, a whole chain.
public sealed class ImportBulkTests
{
    const int Rows = 2_000;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Import_TwoThousandRowsTwice_SearchableRevealableDedupedAndAudited(Provider provider)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
        {
            if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
        }
        // Its own database: the import's one long write transaction would make other tests' SQLite writers wait.
        await using var app = LinliApp.Create(provider);
        _ = app.Services;
        var home = await app.CreateHomeAsync();
        var protector = app.Services.GetRequiredService<FieldProtector>();
        var known = TestIds.New(new DateOnly(1958, 8, 8));
        var knownId = (await home.AddResidentAsync("老住户", known)).Id();
        var elsewhere = TestIds.New(new DateOnly(1959, 9, 9));
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community3);
        await outsider.CreateResidentAsync(new { name = "外单位", idNumber = elsewhere, orgUnitId = home.Tree.Community3.Id });

        var ids = Enumerable.Range(0, Rows).Select(i => TestIds.New(new DateOnly(1940 + i % 70, 1 + i % 12, 1 + i % 28), i % 2 == 0)).ToArray();
        var phones = ids.Select(_ => TestIds.Phone()).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < Rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"居民{i},{ids[i]},,,汉族,{phones[i]},浙江省宁波市,户籍人口,人户一致,3幢,1,502\n");
        text.Append(CultureInfo.InvariantCulture, $"重复,{ids[7]},,,,,,,,3幢,1,502\n");             // row Rows + 2: again in the file
        text.Append(CultureInfo.InvariantCulture, $"老住户,{known},,,,,上海市,,,3幢,1,502\n");       // row Rows + 3: registered here
        text.Append(CultureInfo.InvariantCulture, $"外单位,{elsewhere},,,,,,,,3幢,1,502\n");         // row Rows + 4: registered elsewhere

        var first = await ImportChunksTests.ImportAsync(app, home, text.ToString(), ResidentImport.DefaultChunkSize);

        Assert.Equal((Rows, 1, 2), (first.Imported, first.Updated, first.Failed));
        Assert.Equal([(Rows + 2, "idNumber"), (Rows + 4, "idNumber")], first.Errors.Select(e => (e.Row, e.Field)));
        Assert.Contains("重复", first.Errors[0].Message);
        Assert.Contains("其他单位", first.Errors[1].Message);

        // Found by ID number (blind index) and by phone, shown masked, revealed whole.
        var sample = 1_234;
        var found = (await home.Worker.GetJsonAsync($"/api/v1/residents?idNumber={ids[sample]}")).GetProperty("items");
        var residentId = Assert.Single(found.EnumerateArray()).GetProperty("id").GetInt64();
        Assert.Equal(residentId, Assert.Single((await home.Worker.GetJsonAsync($"/api/v1/residents?phone={phones[sample]}")).GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(Masking.IdNumber(ids[sample]), found[0].GetProperty("idNumber").GetString());
        Assert.Equal(ids[sample], (await home.Worker.PostOkAsync($"/api/v1/residents/{residentId}/reveal", new { field = "idNumber", reason = "核对导入" })).GetProperty("value").GetString());
        Assert.Equal(phones[sample], (await home.Worker.PostOkAsync($"/api/v1/residents/{residentId}/reveal", new { field = "phone", reason = "核对导入" })).GetProperty("value").GetString());

        var before = await CountsAsync(app, home);
        Assert.Equal((Rows + 1, Rows + 2, Rows + 1), (before.Residents, before.History, before.Created));
        var key = residentId.ToString(CultureInfo.InvariantCulture);
        var audit = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == "Resident.Create" && a.ObjectId == key, Ct));
        Assert.Equal(("Resident", "import-test"), (audit.ObjectType, audit.UserName));
        Assert.Contains(Masking.IdNumber(ids[sample]), audit.After);
        Assert.DoesNotContain(ids[sample], audit.After);
        Assert.True((await app.WithDbAsync(db => AuditVerifier.VerifyAsync(db, Ct))).Ok);

        var second = await ImportChunksTests.ImportAsync(app, home, text.ToString(), ResidentImport.DefaultChunkSize);

        Assert.Equal((0, 0, 2), (second.Imported, second.Updated, second.Failed));
        Assert.Equal(before, await CountsAsync(app, home));
        Assert.Equal("上海市", await app.WithDbAsync(db => db.Residents.Where(r => r.Id == knownId).Select(r => r.RegistrationPlace).SingleAsync(Ct)));
        var report = await app.WithDbAsync(db => AuditVerifier.VerifyAsync(db, Ct));
        Assert.True(report.Ok, report.Message);
    }

    sealed record Counts(int Residents, int History, int Created, int AuditCreates);

    static Task<Counts> CountsAsync(LinliApp app, Home home) => app.WithDbAsync(async db => new Counts(
        await db.Residents.CountAsync(r => r.HouseId == home.HouseId, Ct),
        await db.ResidentChanges.CountAsync(c => c.Resident!.HouseId == home.HouseId, Ct),
        await db.ResidentChanges.CountAsync(c => c.Resident!.HouseId == home.HouseId && c.Field == "record" && c.NewValue == "Created", Ct),
        await db.AuditLog.CountAsync(a => a.Action == "Resident.Create" || a.Action == "ResidentChange.Create", Ct)));
}
