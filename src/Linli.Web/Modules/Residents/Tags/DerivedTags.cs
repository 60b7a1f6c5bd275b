namespace Linli.Modules.Residents;

// 派生标签 tags computed from other fields, never typed: age from the birth date, floating population from the
// residence type. Search filters on them translate to the same conditions.
public static class DerivedTags
{
    public static IEnumerable<string> For(DateOnly birthDate, ResidenceType residenceType, DateOnly today)
    {
        var age = Resident.AgeOn(birthDate, today);
        if (age >= 60) yield return TagCodes.Elderly60;
        if (age >= 80) yield return TagCodes.Elderly80;
        if (residenceType == ResidenceType.Floating) yield return TagCodes.Floating;
    }

    /// <summary>Residents born on or before this day are at least <paramref name="age"/> years old today.</summary>
    public static DateOnly BornBy(int age, DateOnly today) => today.AddYears(-age);
}
