using System.Globalization;
using Linli.Platform.Privacy;

namespace Linli.Modules.Residents;

// 演示户 one demo household at a time: its members (ages, relationships, ID numbers, phones) and their key-population tags.
public sealed class DemoHouseholds(Random rng, FieldProtector protector, DateOnly today, string district, DemoHouseholds.Locale locale)
{
    /// <summary>
    /// Where the people are from: the registration place of the city, where floating people come from, and how
    /// ID numbers are kept unique (the demo checks one set; the generator gives each community its own sequences).
    /// </summary>
    public sealed record Locale(string RegistrationPlace, (string Code, string Place)[] HomePlaces, IIdNumbers Ids);

    public interface IIdNumbers
    {
        /// <summary>A unique valid ID number; may move <paramref name="birth"/> when its sequences are used up.</summary>
        string For(Random rng, string region, ref DateOnly birth, Gender gender);
    }

    public DemoHouseholds(Random rng, FieldProtector protector, DateOnly today, string district, HashSet<string> ids)
        : this(rng, protector, today, district, new Locale("浙江省宁波市", DemoPeople.HomePlaces, new SetIds(ids))) { }

    public enum Kind { ElderlyAlone, ElderlyCouple, YoungSingle, Couple, Family, ThreeGenerations, OlderFamily, Floating, Collective, Overseas }

    // Per mille of occupied houses: mostly 户籍户, ~15% 流动户, some 集体户 dormitories and foreign renters.
    static readonly (Kind Kind, int Weight)[] Kinds =
    [
        (Kind.ElderlyAlone, 75), (Kind.ElderlyCouple, 115), (Kind.YoungSingle, 60), (Kind.Couple, 60), (Kind.Family, 260),
        (Kind.ThreeGenerations, 130), (Kind.OlderFamily, 95), (Kind.Floating, 165), (Kind.Collective, 15), (Kind.Overseas, 25),
    ];

    public static Kind PickKind(Random rng)
    {
        var pick = rng.Next(Kinds.Sum(k => k.Weight));
        foreach (var (kind, weight) in Kinds)
        {
            if (pick < weight) return kind;
            pick -= weight;
        }
        return Kind.Family;
    }

    List<Resident> members = [];
    House house = null!;

    public void Fill(House target, Kind kind, List<Household> households, List<Resident> residents)
    {
        house = target;
        members = [];
        var maleHead = rng.Next(10) < 7 ? Gender.Male : Gender.Female;
        switch (kind)
        {
            case Kind.ElderlyAlone:
                var alone = Person(Age(60, 96), rng.Next(10) < 6 ? Gender.Female : Gender.Male, Relationship.Self);
                if (rng.Next(10) < 9) Tag(alone, TagCodes.LivingAloneElderly, "走访", years: 8, notBeforeAge: 60);
                if (rng.Next(30) == 0) Tag(alone, TagCodes.Tekun, "民政局", years: 6);
                break;
            case Kind.ElderlyCouple:
                Couple(Age(60, 90), maleHead);
                break;
            case Kind.YoungSingle:
                Person(Age(20, 40), rng.Next(2) == 0 ? Gender.Male : Gender.Female, Relationship.Self);
                break;
            case Kind.Couple:
                Couple(Age(24, 40), maleHead);
                break;
            case Kind.Family:
                Children(Couple(Age(28, 56), maleHead), rng.Next(1, 3), 25);
                break;
            case Kind.ThreeGenerations:
                var head3 = Age(30, 52);
                Children(Couple(head3, maleHead), rng.Next(1, 3), 20);
                for (int p = 0, parents = rng.Next(1, 3); p < parents; p++)
                    Person(Math.Min(head3 + rng.Next(23, 33), 98), p == 0 ? Gender.Female : Gender.Male, Relationship.Parent);
                break;
            case Kind.OlderFamily:
                var head4 = Age(45, 62);
                Children(Couple(head4, maleHead), 1, 30, minAge: 18);
                break;
            case Kind.Floating:
                var headF = Age(20, 48);
                if (rng.Next(3) == 0) Person(headF, maleHead, Relationship.Self);
                else Children(Couple(headF, maleHead), rng.Next(0, 3), 16);
                break;
            case Kind.Collective:
                for (int i = 0, n = rng.Next(3, 7); i < n; i++)
                    Person(Age(18, 36), rng.Next(3) == 0 ? Gender.Female : Gender.Male, i == 0 ? Relationship.Self : Relationship.Other);
                break;
            case Kind.Overseas:
                for (int i = 0, n = rng.Next(1, 3); i < n; i++) residents.Add(Foreigner());
                return; // renters without a household record
        }

        var type = kind switch { Kind.Floating => HouseholdType.Floating, Kind.Collective => HouseholdType.Collective, _ => HouseholdType.Registered };
        var household = new Household { HouseId = house.Id, OrgUnitId = house.GridId, OrgPath = house.OrgPath, Type = type };
        if (type == HouseholdType.Registered && rng.Next(100) == 0)
            foreach (var m in members) Tag(m, TagCodes.Dibao, "民政局", years: 5);
        if (type == HouseholdType.Registered && IsZeroEmployment(members, today))
            foreach (var m in members) Tag(m, TagCodes.ZeroEmploymentFamily, "人社局", years: 2);
        foreach (var m in members)
        {
            m.Household = household;
            if (type != HouseholdType.Registered)
            {
                var (code, place) = locale.HomePlaces[rng.Next(locale.HomePlaces.Length)];
                m.ResidenceType = ResidenceType.Floating;
                m.RegistrationMatch = RegistrationMatch.PresentNotRegistered;
                m.RegistrationPlace = place;
                if (m.IdNumberCipher is not null) protector.SetIdNumber(m, IdFor(m, code));
            }
        }
        households.Add(household);
        residents.AddRange(members);
    }

    int Age(int min, int max) => rng.Next(min, max + 1);

    /// <summary>
    /// 零就业家庭: a registered household whose members of working age (16 to 60, women to 55) who want work are
    /// all unemployed: someone is unemployed and nobody of working age is employed.
    /// </summary>
    public static bool IsZeroEmployment(IEnumerable<Resident> household, DateOnly today)
    {
        var workingAge = household.Where(m => m.AgeOn(today) >= 16 && m.AgeOn(today) < (m.Gender == Gender.Female ? 55 : 60)).ToList();
        return workingAge.Any(m => m.Employment == EmploymentStatus.Unemployed) && workingAge.All(m => m.Employment != EmploymentStatus.Employed);
    }

    int Couple(int headAge, Gender headGender)
    {
        Person(headAge, headGender, Relationship.Self);
        var spouseAge = Math.Clamp(headAge + (headGender == Gender.Male ? -rng.Next(0, 5) : rng.Next(0, 5)), 20, 98);
        Person(spouseAge, headGender == Gender.Male ? Gender.Female : Gender.Male, Relationship.Spouse);
        return headAge;
    }

    void Children(int parentAge, int count, int maxAge, int minAge = 0)
    {
        for (var i = 0; i < count; i++)
        {
            var oldest = Math.Min(parentAge - 22, maxAge);
            if (oldest < minAge) return;
            Person(rng.Next(minAge, oldest + 1), rng.Next(2) == 0 ? Gender.Male : Gender.Female, Relationship.Child);
        }
    }

    Resident Person(int age, Gender gender, Relationship relationship)
    {
        var birth = today.AddYears(-age).AddDays(-rng.Next(1, 365));
        var r = NewResident(DemoPeople.Name(rng, gender), gender, birth, relationship);
        r.Ethnicity = rng.Next(50) == 0 ? DemoPeople.Minorities[rng.Next(DemoPeople.Minorities.Length)] : "汉族";
        r.RegistrationPlace = locale.RegistrationPlace;
        protector.SetIdNumber(r, IdFor(r, district));
        DemoProfile.Describe(rng, r, age, this);
        members.Add(r);
        return r;
    }

    Resident Foreigner()
    {
        var (name, country, passport) = DemoPeople.Foreigners[rng.Next(DemoPeople.Foreigners.Length)];
        var gender = rng.Next(2) == 0 ? Gender.Male : Gender.Female;
        var r = NewResident(name, gender, today.AddYears(-Age(22, 60)).AddDays(-rng.Next(1, 365)), null);
        r.ResidenceType = ResidenceType.Overseas;
        r.RegistrationMatch = RegistrationMatch.PresentNotRegistered;
        r.RegistrationPlace = country;
        r.Employment = EmploymentStatus.Employed;
        r.Notes = $"护照号 {passport}{rng.Next(1_000_000, 10_000_000).ToString(CultureInfo.InvariantCulture)}";
        protector.SetPhone(r, DemoPeople.Phone(rng));
        return r;
    }

    Resident NewResident(string name, Gender gender, DateOnly birth, Relationship? relationship) => new()
    {
        Name = name, Gender = gender, BirthDate = birth, Relationship = relationship, Status = ResidentStatus.Active,
        ResidenceType = ResidenceType.Registered, RegistrationMatch = RegistrationMatch.Consistent,
        HouseId = house.Id, OrgUnitId = house.GridId, OrgPath = house.OrgPath,
    };

    string IdFor(Resident r, string region)
    {
        var birth = r.BirthDate;
        var id = locale.Ids.For(rng, region, ref birth, r.Gender);
        r.BirthDate = birth;
        return id;
    }

    /// <summary>A valid, city-unique 身份证号码: region, birth date, sequence (odd for men), check character.</summary>
    sealed class SetIds(HashSet<string> ids) : IIdNumbers
    {
        public string For(Random rng, string region, ref DateOnly birth, Gender gender)
        {
            var sequence = rng.Next(0, 500) * 2 + (gender == Gender.Male ? 1 : 0);
            while (true)
            {
                var first17 = $"{region}{birth:yyyyMMdd}{sequence % 1000:000}";
                var id = first17 + IdNumber.CheckChar(first17);
                if (ids.Add(id)) return id;
                sequence += 2;
            }
        }
    }

    public void SetPhone(Resident r) => protector.SetPhone(r, DemoPeople.Phone(rng));

    /// <summary>Adds a stored (never derived) tag that began some time in the last <paramref name="years"/> years.</summary>
    public void Tag(Resident r, string code, string source, int years, int notBeforeAge = 0, DisabilityCategory? category = null, int? grade = null)
    {
        var start = today.AddDays(-rng.Next(30, years * 365));
        var earliest = r.BirthDate.AddYears(notBeforeAge);
        if (start < earliest) start = earliest;
        r.Tags.Add(new ResidentTag
        {
            TagCode = code, StartDate = start, Source = source, OrgPath = r.OrgPath,
            EndDate = code == TagCodes.CommunityCorrection ? today.AddDays(rng.Next(60, 720)) : null,
            DisabilityCategory = category, DisabilityGrade = grade,
        });
    }
}
