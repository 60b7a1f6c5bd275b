namespace Linli.Modules.Residents;

// 演示个人情况 a demo person's schooling, work, party, phone and the personal key-population tags, by age.
public static class DemoProfile
{
    public static void Describe(Random rng, Resident r, int age, DemoHouseholds people)
    {
        r.Education = age switch
        {
            < 7 => null,
            < 13 => Education.Primary,
            < 16 => Education.JuniorSecondary,
            < 19 => Education.SeniorSecondary,
            _ => Adult(rng, age),
        };
        r.Employment = age switch
        {
            < 6 => EmploymentStatus.Preschool,
            < 16 => EmploymentStatus.Student,
            < 23 when rng.Next(10) < 6 => EmploymentStatus.Student,
            _ when age >= 60 || (r.Gender == Gender.Female && age >= 55) => EmploymentStatus.Retired,
            _ => rng.Next(100) switch { < 4 => EmploymentStatus.Unemployed, < 10 => EmploymentStatus.NotWorking, _ => EmploymentStatus.Employed },
        };
        r.Political = age < 14 ? null : rng.Next(100) switch
        {
            < 9 when age >= 18 => PoliticalStatus.CpcMember,
            < 30 when age <= 28 => PoliticalStatus.LeagueMember,
            0 => PoliticalStatus.OtherParty,
            _ => PoliticalStatus.Masses,
        };
        if (age >= 12 && rng.Next(20) != 0) people.SetPhone(r);

        if (rng.Next(1000) < (age >= 60 ? 45 : 15))
            people.Tag(r, TagCodes.Disabled, "残联", years: 15,
                category: (DisabilityCategory)Pick(rng, [10, 12, 3, 45, 10, 12, 8]), grade: rng.Next(1, 5));
        if (r.Employment == EmploymentStatus.Unemployed)
        {
            people.Tag(r, TagCodes.Unemployed, "人社局", years: 2, notBeforeAge: 16);
            if (age >= (r.Gender == Gender.Female ? 40 : 50)) people.Tag(r, TagCodes.Job4050, "人社局", years: 2, notBeforeAge: 40);
        }
        if (r.Employment == EmploymentStatus.NotWorking && age is >= 16 and <= 25 && rng.Next(3) == 0)
            people.Tag(r, TagCodes.IdleYouth, "团委", years: 2, notBeforeAge: 16);
        if (age >= 50 && r.Gender == Gender.Male && rng.Next(100) < 2)
            people.Tag(r, TagCodes.PreferentialCare, "退役军人事务局", years: 20, notBeforeAge: 20);
        if (age is >= 20 and <= 55 && rng.Next(10_000) < 6)
            people.Tag(r, TagCodes.CommunityCorrection, "司法所", years: 1, notBeforeAge: 18);
        else if (age is >= 25 and <= 65 && rng.Next(10_000) < 12)
            people.Tag(r, TagCodes.ReleasedPrisoner, "司法所", years: 5, notBeforeAge: 18);
    }

    // Older people went to school for fewer years.
    static Education Adult(Random rng, int age) => age >= 60
        ? (Education)Pick(rng, [10, 35, 35, 15, 3, 2, 0])
        : age >= 40
            ? (Education)Pick(rng, [1, 10, 35, 30, 12, 11, 1])
            : (Education)Pick(rng, [0, 2, 15, 25, 25, 28, 5]);

    static int Pick(Random rng, int[] weights)
    {
        var pick = rng.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (pick < weights[i]) return i;
            pick -= weights[i];
        }
        return weights.Length - 1;
    }
}
