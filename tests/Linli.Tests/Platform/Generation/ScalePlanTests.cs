using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Platform.Generation;
using Linli.Platform.Privacy;
using Linli.Tests.Support;

namespace Linli.Tests.Platform.Generation;

public sealed class ScalePlanTests
{
    [Fact]
    public void City_HasTheIssuesShape()
    {
        var city = ScalePlan.For("city");
        Assert.Equal(16, city.Districts);
        Assert.InRange(city.Streets, 320, 360);
        Assert.InRange(city.Communities, 6_500, 7_500);
        Assert.InRange(city.Grids, 28_000, 32_000);
        Assert.InRange(city.Households, 7_000_000, 9_000_000);
        Assert.InRange(city.Residents, 18_000_000, 22_000_000);
        Assert.InRange((double)city.Grids / city.Communities, 4.2, 4.4);
        Assert.True(city.CommunitiesPerDistrict <= 500); // one ID-number sequence per community and region
    }

    [Fact]
    public void SmallerScales_AreOneDistrict_DemoAndTiny()
    {
        var district = ScalePlan.For("district");
        Assert.Equal(1, district.Districts);
        Assert.Equal(ScalePlan.For("city") with { Name = "district", Districts = 1 }, district);
        Assert.InRange(district.Residents, 1_100_000, 1_400_000);
        Assert.InRange(ScalePlan.For("demo").Residents, 45_000, 55_000);
        var tiny = ScalePlan.For("TINY");
        Assert.Equal((1, 2, 2, 4), (tiny.Districts, tiny.Streets, tiny.Communities, (int)tiny.Grids));
        Assert.InRange(tiny.Residents, 800, 1_200);
        Assert.Throws<ArgumentException>(() => ScalePlan.For("galaxy"));
    }

    [Fact]
    public void Codes_HaveTheStatisticalShape()
    {
        Assert.Equal("339900000000", SyntheticCity.CityCode);
        Assert.Equal("339916000000", SyntheticCity.DistrictCode(16));
        Assert.Equal("339901021000", SyntheticCity.StreetCode(1, 21));
        Assert.Equal("339901002003", SyntheticCity.CommunityCode(1, 2, 3));
        Assert.Equal("339901002003004", SyntheticCity.GridCode("339901002003", 4));

        var units = SyntheticCity.Units(ScalePlan.For("demo")).ToList();
        Assert.Equal(units.Count, units.Select(u => u.Code).Distinct().Count());
        var byCode = units.ToDictionary(u => u.Code);
        foreach (var u in units)
        {
            Assert.Equal(u.Level == OrgLevel.Grid ? 15 : 12, u.Code.Length);
            Assert.All(u.Code, c => Assert.True(char.IsAsciiDigit(c)));
            if (u.ParentCode is null) continue;
            var parent = byCode[u.ParentCode];
            Assert.Equal(parent.Level + 1, u.Level);
            var prefix = parent.Level switch { OrgLevel.City => 4, OrgLevel.District => 6, OrgLevel.Street => 9, _ => 12 };
            Assert.StartsWith(parent.Code[..prefix], u.Code);
        }
        Assert.Equal(["海曙区"], units.Where(u => u.Level == OrgLevel.District).Select(u => u.Name));
        Assert.Equal("第一网格", units.First(u => u.Level == OrgLevel.Grid).Name);

        // Community names are unique within a district of the city's size, department codes everywhere.
        var city = ScalePlan.For("district");
        var names = SyntheticCity.Communities(city).Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.EndsWith("社区", n));
        var departments = SyntheticCity.Departments(city).ToList();
        Assert.Equal(6 + 21 * 3, departments.Count);
        Assert.Equal(departments.Count, departments.Select(d => d.Code).Distinct().Count());
    }

    [Fact]
    public void Communities_SharingHomePlaces_NeverMakeTheSameIdNumber()
    {
        var protector = new FieldProtector(Convert.FromBase64String(LinliApp.PrivacyKey));
        var plan = ScalePlan.For("tiny");
        var today = new DateOnly(2026, 1, 1);
        // Communities 0 and 16 of the city draw floating people from the same two home places (32 places, two each).
        SyntheticCommunity.Place Place(int inCity, int inDistrict) =>
            new(1, "/1/", "青石社区", "339901", inDistrict, inCity, [(2, "/1/2/"), (3, "/1/3/")]);
        var a = SyntheticCommunity.Build(Place(0, 0), plan, 1, today, protector);
        var b = SyntheticCommunity.Build(Place(16, 16), plan, 1, today, protector);

        var ids = a.Residents.Concat(b.Residents).Where(r => r.IdNumberCipher is not null)
            .Select(r => (Id: protector.Decrypt(r.IdNumberCipher!), r.BirthDate, r.Gender)).ToList();
        Assert.True(ids.Count > 300);
        Assert.Equal(ids.Count, ids.Select(i => i.Id).Distinct().Count());
        Assert.All(ids, i =>
        {
            Assert.True(IdNumber.IsValid(i.Id, today), i.Id);
            Assert.Equal(i.BirthDate, IdNumber.BirthDate(i.Id));
            Assert.Equal(i.Gender == Gender.Male, IdNumber.IsMale(i.Id));
        });
        Assert.Contains(ids, i => i.Id.StartsWith("339901", StringComparison.Ordinal));
        Assert.Contains(a.Residents, r => r.ResidenceType == ResidenceType.Floating);
    }
}
