namespace Linli.Modules.Organization;

// 统计用区划代码规则 statistical division code rules. Pure functions shared by create, rename, move and import.
// 12 digits = 2 province + 2 city + 2 county + 3 street + 3 community; a grid adds a 3-digit suffix (15 digits).
public static class OrgCodes
{
    /// <summary>How many leading digits identify a unit of this level; the rest of its code is zeros.</summary>
    public static int SignificantLength(OrgLevel level) => level switch
    {
        OrgLevel.City => 4,
        OrgLevel.District => 6,
        OrgLevel.Street => 9,
        OrgLevel.Community => 12,
        OrgLevel.Grid => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static int Length(OrgLevel level) => level == OrgLevel.Grid ? 15 : 12;

    /// <summary>Why the code does not fit a unit of <paramref name="level"/> under a parent coded <paramref name="parentCode"/>; null when it fits.</summary>
    public static string? Check(OrgLevel level, string? code, string? parentCode)
    {
        var length = Length(level);
        if (string.IsNullOrEmpty(code) || code.Length != length || !code.All(char.IsAsciiDigit))
            return Loc.T($"{OrgLevels.DisplayName(level)}代码应为 {length} 位数字。", $"A {level} code has {length} digits.");

        var end = SignificantLength(level);
        var start = level == OrgLevel.City ? 2 : SignificantLength(level - 1);
        if (level == OrgLevel.City && code[..2] == "00")
            return Loc.T("前 2 位（省级代码）不能为 00。", "The first 2 digits (province) cannot be 00.");
        if (level != OrgLevel.City)
        {
            if (parentCode is null || parentCode.Length < start)
                return Loc.T("缺少上级单位代码。", "The parent's code is missing.");
            if (!code.StartsWith(parentCode[..start], StringComparison.Ordinal))
                return Loc.T($"前 {start} 位须与上级单位代码一致（{parentCode[..start]}）。",
                    $"The first {start} digits must match the parent's code ({parentCode[..start]}).");
        }
        if (code[start..end].All(c => c == '0'))
            return Loc.T($"第 {start + 1}–{end} 位（本级代码）不能全为 0。", $"Digits {start + 1}–{end} (this level's number) cannot all be 0.");
        if (code[end..].Any(c => c != '0'))
            return Loc.T($"{OrgLevels.DisplayName(level)}代码第 {end + 1} 位起须为 0。", $"A {level} code has zeros from digit {end + 1} on.");
        return null;
    }

    /// <summary>Why a unit of <paramref name="level"/> cannot sit under a parent of <paramref name="parentLevel"/>; null when it can.</summary>
    public static string? CheckNesting(OrgLevel level, OrgLevel? parentLevel)
    {
        var expected = OrgLevels.ParentOf(level);
        if (expected == parentLevel) return null;
        if (expected is null)
            return Loc.T("市级单位不能有上级单位。", "A city has no parent unit.");
        return Loc.T($"{OrgLevels.DisplayName(level)}的上级须为{OrgLevels.DisplayName(expected.Value)}。",
            $"A {level}'s parent must be a {expected}.");
    }

    /// <summary>The code a unit gets when its subtree moves under a new parent: the parent's prefix replaces the old one.</summary>
    public static string Recode(string code, string newParentCode, OrgLevel newParentLevel)
    {
        var prefix = SignificantLength(newParentLevel);
        return string.Concat(newParentCode.AsSpan(0, prefix), code.AsSpan(prefix));
    }
}
