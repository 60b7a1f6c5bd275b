using Linli.Modules.Organization;

namespace Linli.Tests.Modules.Organization;

public sealed class OrgCodesTests
{
    [Theory]
    [InlineData(OrgLevel.City, "110100000000", null)]
    [InlineData(OrgLevel.District, "110105000000", "110100000000")]
    [InlineData(OrgLevel.Street, "110105001000", "110105000000")]
    [InlineData(OrgLevel.Community, "110105001002", "110105001000")]
    [InlineData(OrgLevel.Grid, "110105001002003", "110105001002")]
    public void Check_CodeFittingParent_IsValid(OrgLevel level, string code, string? parentCode) =>
        Assert.Null(OrgCodes.Check(level, code, parentCode));

    [Theory]
    [InlineData(OrgLevel.City, "110000000000", null)]              // city digits 00
    [InlineData(OrgLevel.City, "000100000000", null)]              // province 00
    [InlineData(OrgLevel.City, "110101000000", null)]              // not 8 zeros
    [InlineData(OrgLevel.District, "110200000000", "110100000000")] // other city's prefix
    [InlineData(OrgLevel.District, "110100000000", "110100000000")] // district digits 00
    [InlineData(OrgLevel.District, "110105001000", "110100000000")] // street digits set
    [InlineData(OrgLevel.Street, "110105000000", "110105000000")]   // street digits 000
    [InlineData(OrgLevel.Street, "110106001000", "110105000000")]   // other district
    [InlineData(OrgLevel.Street, "110105001001", "110105000000")]   // community digits set
    [InlineData(OrgLevel.Community, "110105001000", "110105001000")] // community digits 000
    [InlineData(OrgLevel.Community, "110105002001", "110105001000")] // other street
    [InlineData(OrgLevel.Grid, "110105001002000", "110105001002")]  // grid suffix 000
    [InlineData(OrgLevel.Grid, "110105001002", "110105001002")]     // 12 digits for a grid
    [InlineData(OrgLevel.Community, "11010500100A", "110105001000")] // not digits
    [InlineData(OrgLevel.Community, "", "110105001000")]
    [InlineData(OrgLevel.Street, "110105001000", null)]             // no parent
    public void Check_CodeNotFitting_ReturnsReason(OrgLevel level, string code, string? parentCode) =>
        Assert.False(string.IsNullOrEmpty(OrgCodes.Check(level, code, parentCode)));

    [Theory]
    [InlineData(OrgLevel.City, null, true)]
    [InlineData(OrgLevel.District, OrgLevel.City, true)]
    [InlineData(OrgLevel.Grid, OrgLevel.Community, true)]
    [InlineData(OrgLevel.Grid, OrgLevel.Street, false)]
    [InlineData(OrgLevel.Community, OrgLevel.Community, false)]
    [InlineData(OrgLevel.City, OrgLevel.City, false)]
    [InlineData(OrgLevel.District, null, false)]
    public void CheckNesting_FollowsLevels(OrgLevel level, OrgLevel? parentLevel, bool fits) =>
        Assert.Equal(fits, OrgCodes.CheckNesting(level, parentLevel) is null);

    [Theory]
    [InlineData("110105001000", "110106000000", OrgLevel.District, "110106001000")]
    [InlineData("110105001002003", "110106000000", OrgLevel.District, "110106001002003")]
    [InlineData("110105001002", "110105007000", OrgLevel.Street, "110105007002")]
    [InlineData("110105000000", "120100000000", OrgLevel.City, "120105000000")]
    public void Recode_ReplacesTheParentsPrefix(string code, string newParentCode, OrgLevel newParentLevel, string expected) =>
        Assert.Equal(expected, OrgCodes.Recode(code, newParentCode, newParentLevel));

    [Theory]
    [InlineData("社区", OrgLevel.Community)]
    [InlineData("Community", OrgLevel.Community)]
    [InlineData("grid", OrgLevel.Grid)]
    [InlineData("市", OrgLevel.City)]
    [InlineData("3", OrgLevel.Street)]
    public void ParseLevel_ChineseAndEnglishNames(string text, OrgLevel expected) => Assert.Equal(expected, OrgLevels.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("省")]
    [InlineData("9")]
    public void ParseLevel_Unknown_ReturnsNull(string text) => Assert.Null(OrgLevels.Parse(text));
}
