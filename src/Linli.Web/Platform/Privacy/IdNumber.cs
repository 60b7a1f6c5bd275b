using System.Globalization;

namespace Linli.Platform.Privacy;

/// <summary>
/// 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, 1 check character.
/// </summary>
public static class IdNumber
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckChars = "10X98765432";

    // Province-level codes of GB/T 2260 (plus 71 Taiwan, 81 Hong Kong, 82 Macao, 83 for the residence permits of those).
    static readonly HashSet<int> Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83];

    public enum Problem { None, Empty, Length, Characters, Region, BirthDate, CheckDigit }

    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    public static Problem Check(string? value, DateOnly today)
    {
        var v = Normalize(value);
        if (v.Length == 0) return Problem.Empty;
        if (v.Length != 18) return Problem.Length;
        for (var i = 0; i < 17; i++) if (!char.IsAsciiDigit(v[i])) return Problem.Characters;
        if (!char.IsAsciiDigit(v[17]) && v[17] != 'X') return Problem.Characters;
        if (!Provinces.Contains(int.Parse(v.AsSpan(0, 2), CultureInfo.InvariantCulture)) || v.AsSpan(2, 4).SequenceEqual("0000")) return Problem.Region;
        if (BirthDate(v) is not { } birth || birth > today || birth.Year < 1850) return Problem.BirthDate;
        return CheckChar(v) == v[17] ? Problem.None : Problem.CheckDigit;
    }

    public static bool IsValid(string? value, DateOnly today) => Check(value, today) == Problem.None;

    public static char CheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    public static DateOnly? BirthDate(string v) =>
        v.Length >= 14 && DateOnly.TryParseExact(v.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Odd 17th digit = male.</summary>
    public static bool? IsMale(string v) => v.Length == 18 && char.IsAsciiDigit(v[16]) ? (v[16] - '0') % 2 == 1 : null;

    public static string Message(Problem p) => p switch
    {
        Problem.Empty => Loc.T("请填写身份证号码。", "The ID number is required."),
        Problem.Length => Loc.T("身份证号码应为 18 位。", "An ID number has 18 characters."),
        Problem.Characters => Loc.T("身份证号码只能包含数字，最后一位可以是 X。", "An ID number is digits, with X allowed last."),
        Problem.Region => Loc.T("身份证号码的地区码无效。", "The ID number's region code is not valid."),
        Problem.BirthDate => Loc.T("身份证号码中的出生日期无效。", "The ID number's birth date is not valid."),
        Problem.CheckDigit => Loc.T("身份证号码校验位错误。", "The ID number's check digit is wrong."),
        _ => "",
    };
}
