using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Platform.Generation;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform.Generation;

// The generate verb at tiny scale, into databases of its own: what it writes, that the same seed writes the same
// city, that its logins work and see only their unit, and that it will not write the city twice.
public sealed class GenerateTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly string[] Args = ["generate", "--scale", "tiny", "--seed", "7", "--year", "2026"];

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Tiny_IsDeterministic_Valid_LogsIn_Scoped_AndNotWrittenTwice(Provider provider)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
        {
            if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set.");
            Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
        }
        await using var first = LinliApp.Create(provider);
        await using var second = LinliApp.Create(provider);

        var (code, output, _) = await GenerateAsync(first);
        Assert.Equal(0, code);
        Assert.Contains("gen.community", output);
        Assert.Equal(0, (await GenerateAsync(second)).Code);

        // Same seed, two databases: the same people with the same ID numbers in the same places.
        var people = await PeopleAsync(first);
        Assert.Equal(people, await PeopleAsync(second));
        Assert.InRange(people.Count, 800, 1_300);

        await first.WithDbAsync(async db =>
        {
            var city = await db.OrgUnits.SingleAsync(u => u.Code == SyntheticCity.CityCode, Ct);
            Assert.Equal(10, await db.OrgUnits.CountAsync(u => u.OrgPath.StartsWith(city.OrgPath), Ct));
            Assert.Equal(4, await db.GridAssignments.CountAsync(a => a.OrgPath.StartsWith(city.OrgPath) && a.Duty == Linli.Modules.Grids.GridDuty.Leader, Ct));
            Assert.Equal(4 + 7, await db.Users.CountAsync(u => u.OrgPath.StartsWith(city.OrgPath) && u.IsDemo, Ct));

            // Every household has its 本人 as head; every ID number is valid, unique and stored as the product stores it.
            var households = await db.Households.Where(h => h.OrgPath.StartsWith(city.OrgPath)).ToListAsync(Ct);
            var residents = await db.Residents.Where(r => r.OrgPath.StartsWith(city.OrgPath)).ToListAsync(Ct);
            Assert.All(households, h => Assert.Equal((h.Id, Relationship.Self),
                residents.Where(r => r.Id == h.HeadResidentId).Select(r => (r.HouseholdId!.Value, r.Relationship!.Value)).Single()));
            var protector = first.Services.GetRequiredService<FieldProtector>();
            var today = new DateOnly(2026, 1, 1);
            foreach (var r in residents.Where(r => r.IdNumberCipher is not null))
            {
                var id = protector.Decrypt(r.IdNumberCipher!);
                Assert.True(IdNumber.IsValid(id, today), id);
                Assert.Equal(protector.IdNumberIndex(id), r.IdNumberIndex);
                Assert.Equal(r.BirthDate, IdNumber.BirthDate(id));
            }
            Assert.Contains(residents, r => r.PhoneIndex is not null);
            Assert.True(await db.ResidentTags.CountAsync(t => t.OrgPath.StartsWith(city.OrgPath), Ct) > 0);
            return 0;
        });

        // gen.community logs in through the token API and lists the residents of its own community only.
        var client = first.Anonymous();
        var login = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "gen.community", password = SyntheticAccounts.DefaultPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var community = await first.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Code == "339901001001", Ct));
        var expected = people.Count(p => p.Path.StartsWith(community.OrgPath, StringComparison.Ordinal) && p.Active);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/residents?pageSize=100", Ct);
        Assert.Equal(expected, list.GetProperty("total").GetInt32());
        Assert.True(expected > 100 && expected < people.Count);
        var grids = await first.WithDbAsync(db => db.OrgUnits.Where(u => u.ParentId == community.Id).Select(u => u.Id).ToListAsync(Ct));
        Assert.All(list.GetProperty("items").EnumerateArray(), item => Assert.Contains(item.GetProperty("orgUnitId").GetInt64(), grids));

        // Search by an exact ID number finds its one person through the blind index.
        var someone = people.First(p => p.Path.StartsWith(community.OrgPath, StringComparison.Ordinal) && p.IdNumber is not null);
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/residents?idNumber={someone.IdNumber}", Ct);
        Assert.Equal(1, found.GetProperty("total").GetInt32());

        var (again, _, error) = await GenerateAsync(first);
        Assert.Equal(2, again);
        Assert.Contains(SyntheticCity.CityCode, error);
    }

    sealed record Person(string Name, string? IdNumber, DateOnly BirthDate, string Path, bool Active);

    static async Task<(int Code, string Output, string Error)> GenerateAsync(LinliApp app)
    {
        using var scope = app.SystemScope();
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await GenerateCommand.RunAsync(scope.ServiceProvider, Args, output, error, null, Ct);
        return (code, output.ToString(), error.ToString());
    }

    // Paths hold ids, which both fresh databases assign alike.
    static Task<List<Person>> PeopleAsync(LinliApp app) => app.WithDbAsync(async db =>
    {
        var protector = app.Services.GetRequiredService<FieldProtector>();
        var rows = await db.Residents.OrderBy(r => r.Id).Select(r => new { r.Name, r.IdNumberCipher, r.BirthDate, r.OrgPath, r.Status }).ToListAsync(Ct);
        return rows.Select(r => new Person(r.Name, r.IdNumberCipher is null ? null : protector.Decrypt(r.IdNumberCipher), r.BirthDate, r.OrgPath,
            r.Status == ResidentStatus.Active)).ToList();
    });
}
