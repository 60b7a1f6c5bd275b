using Linli.Data;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Platform.Hosting;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.Residents.Demo;

// Each test seeds a database of its own: the demo city's codes are global.
public sealed class DemoResidentsTests
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_FreshDatabase_FillsCityWithAboutFiftyThousandResidents(Provider provider)
    {
        await using var app = Fresh(provider);
        await SeedAsync(app);
        var ct = TestContext.Current.CancellationToken;
        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();

        var residents = await db.Residents.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var households = await db.Households.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var houses = await db.Houses.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(h => h.Id, ct);
        var buildings = await db.Buildings.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var units = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var tags = await db.ResidentTags.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.Now);

        Assert.InRange(residents.Count, 45_000, 55_000);
        Assert.InRange(households.Count, residents.Count / 5, residents.Count / 2);
        Assert.All(buildings, b => Assert.Equal(OrgLevel.Community, units[b.CommunityId].Level));
        Assert.Equal(30, buildings.Select(b => b.CommunityId).Distinct().Count());

        // Every ID number valid, unique, and matching the person's birth date and gender.
        var withId = residents.Where(r => r.IdNumberCipher is not null).ToList();
        var numbers = withId.Select(r => (r, Id: protector.Decrypt(r.IdNumberCipher!))).ToList();
        Assert.All(numbers, x => Assert.True(IdNumber.IsValid(x.Id, today), x.Id));
        Assert.All(numbers, x => Assert.Equal((x.r.BirthDate, x.r.Gender == Gender.Male), (IdNumber.BirthDate(x.Id)!.Value, IdNumber.IsMale(x.Id)!.Value)));
        Assert.Equal(numbers.Count, numbers.Select(x => x.Id).Distinct().Count());
        Assert.All(residents.Where(r => r.IdNumberCipher is null), r => Assert.Equal(ResidenceType.Overseas, r.ResidenceType));

        // Every resident lives in a house of a grid, and carries that grid's path; tags carry the resident's.
        Assert.All(residents, r =>
        {
            var house = houses[r.HouseId!.Value];
            Assert.Equal((house.GridId, house.OrgPath), (r.OrgUnitId, r.OrgPath));
            Assert.Equal((OrgLevel.Grid, house.OrgPath), (units[house.GridId].Level, units[house.GridId].OrgPath));
        });
        var paths = residents.ToDictionary(r => r.Id, r => r.OrgPath);
        Assert.All(tags, t => Assert.Equal(paths[t.ResidentId], t.OrgPath));
        Assert.DoesNotContain(tags, t => t.TagCode is TagCodes.Elderly60 or TagCodes.Elderly80 or TagCodes.Floating);

        // Heads are members of their own household, with relationship 本人.
        var byHousehold = residents.Where(r => r.HouseholdId is not null).ToLookup(r => r.HouseholdId!.Value);
        Assert.All(households, h =>
        {
            var head = Assert.Single(byHousehold[h.Id], r => r.Id == h.HeadResidentId);
            Assert.Equal(Relationship.Self, head.Relationship);
            Assert.Equal(houses[h.HouseId].OrgPath, h.OrgPath);
        });

        // Realistic shares: ~20% aged 60+, ~80/18/2 registered/floating/overseas, key populations present.
        Assert.InRange(residents.Count(r => r.AgeOn(today) >= 60) / (double)residents.Count, 0.15, 0.28);
        double Share(ResidenceType t) => residents.Count(r => r.ResidenceType == t) / (double)residents.Count;
        Assert.InRange(Share(ResidenceType.Registered), 0.72, 0.88);
        Assert.InRange(Share(ResidenceType.Floating), 0.10, 0.25);
        Assert.InRange(Share(ResidenceType.Overseas), 0.005, 0.04);
        var perTag = tags.GroupBy(t => t.TagCode).ToDictionary(g => g.Key, g => g.Count());
        foreach (var code in new[] { TagCodes.LivingAloneElderly, TagCodes.Disabled, TagCodes.Dibao, TagCodes.Tekun, TagCodes.Unemployed,
                     TagCodes.Job4050, TagCodes.PreferentialCare, TagCodes.CommunityCorrection, TagCodes.ReleasedPrisoner, TagCodes.IdleYouth })
            Assert.True(perTag.GetValueOrDefault(code) > 0, code);
        Assert.InRange(perTag[TagCodes.Disabled] / (double)residents.Count, 0.01, 0.04);
        Assert.True(perTag[TagCodes.CommunityCorrection] < perTag[TagCodes.Disabled] / 10);

        // 零就业家庭: whole registered households, rare, where nobody of working age is employed.
        var ref0 = DemoResidents.ReferenceDate;
        var residentById = residents.ToDictionary(r => r.Id);
        var zeroFamilies = tags.Where(t => t.TagCode == TagCodes.ZeroEmploymentFamily)
            .Select(t => residentById[t.ResidentId].HouseholdId!.Value).Distinct().ToList();
        Assert.InRange(zeroFamilies.Count / (double)households.Count, 0.0005, 0.02);
        var zeroTagged = tags.Where(t => t.TagCode == TagCodes.ZeroEmploymentFamily).Select(t => t.ResidentId).ToHashSet();
        Assert.All(zeroFamilies, h =>
        {
            Assert.All(byHousehold[h], m => Assert.Contains(m.Id, zeroTagged));
            Assert.Equal(HouseholdType.Registered, households.Single(x => x.Id == h).Type);
            Assert.DoesNotContain(byHousehold[h], m => m.Employment == EmploymentStatus.Employed && m.AgeOn(ref0) is >= 16 and < 55);
        });

        // demo.worker1's community is populated.
        var qingshi = units.Values.Single(u => u.Name == "青石社区");
        Assert.True(residents.Count(r => r.OrgPath.StartsWith(qingshi.OrgPath, StringComparison.Ordinal)) > 1000);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_TwoFreshDatabases_SameNamesAndIdNumbers(Provider provider)
    {
        var first = await PeopleAsync(provider);
        var second = await PeopleAsync(provider);

        Assert.InRange(first.Count, 2_500, 3_500);
        Assert.Equal(first, second);
    }

    // Two seeds on different days (one a leap day, years apart): the same people, ages and tag dates.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Seed_OnDifferentDays_SameCity(Provider provider)
    {
        var first = await PeopleAsync(provider, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)));
        var second = await PeopleAsync(provider, new DateTimeOffset(2032, 2, 29, 23, 30, 0, TimeSpan.FromHours(8)));

        Assert.InRange(first.Count, 2_500, 3_500);
        Assert.Equal(first, second);
    }

    static async Task<List<string>> PeopleAsync(Provider provider, DateTimeOffset? now = null)
    {
        await using var app = Fresh(provider, residents: 3_000);
        await SeedAsync(app, now);
        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var rows = await db.Residents.IgnoreQueryFilters().AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.IdNumberCipher, r.BirthDate, r.OrgPath, r.Employment }).ToListAsync(TestContext.Current.CancellationToken);
        var tags = (await db.ResidentTags.IgnoreQueryFilters().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .ToLookup(t => t.ResidentId, t => $"{t.TagCode}:{t.StartDate}~{t.EndDate}");
        return rows.Select(r => $"{r.Name} {(r.IdNumberCipher is null ? "-" : protector.Decrypt(r.IdNumberCipher))} {r.BirthDate} {r.OrgPath} {r.Employment} "
            + string.Join(",", tags[r.Id].Order(StringComparer.Ordinal))).ToList();
    }

    internal static LinliApp Fresh(Provider provider, int? residents = null)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
        {
            if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
        }
        var config = new Dictionary<string, string?>();
        if (residents is { } n) config["Demo:Residents"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return LinliApp.Create(provider, config);
    }

    internal static async Task SeedAsync(LinliApp app, DateTimeOffset? now = null)
    {
        using var scope = app.SystemScope();
        var seeder = now is { } at
            ? ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider, new FixedTime(at))
            : ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
        await seeder.SeedAsync(TestContext.Current.CancellationToken);
    }

    sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("UTC+8", now.Offset, "UTC+8", "UTC+8");
    }
}
