using Linli.Platform.Privacy;

namespace Linli.Tests.Platform.Privacy;

public sealed class IdNumberTests
{
    static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example
    [InlineData("440524188001010014")]
    [InlineData("11010119900307803x")] // lower-case x is normalized
    public void Check_ValidNumbers_None(string id) => Assert.Equal(IdNumber.Problem.None, IdNumber.Check(id, Today));

    [Theory]
    [InlineData("", IdNumber.Problem.Empty)]
    [InlineData("1101051949123100", IdNumber.Problem.Length)]
    [InlineData("11010519491231A02X", IdNumber.Problem.Characters)]
    [InlineData("990105194912310021", IdNumber.Problem.Region)]
    [InlineData("110105194913310025", IdNumber.Problem.BirthDate)]   // month 13
    [InlineData("110105203012310022", IdNumber.Problem.BirthDate)]   // born in the future
    [InlineData("110105194912310021", IdNumber.Problem.CheckDigit)]
    public void Check_BadNumbers_NamesTheProblem(string id, IdNumber.Problem expected) =>
        Assert.Equal(expected, IdNumber.Check(id, Today));

    [Fact]
    public void CheckChar_ComputesGb11643Digit()
    {
        Assert.Equal('X', IdNumber.CheckChar("11010519491231002"));
        Assert.Equal('4', IdNumber.CheckChar("44052418800101001"));
    }

    [Fact]
    public void BirthDateAndSex_ReadFromNumber()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), IdNumber.BirthDate("11010519491231002X"));
        Assert.False(IdNumber.IsMale("11010519491231002X"));
        Assert.True(IdNumber.IsMale("440524188001010014"));
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("", "")]
    public void MaskIdNumber_KeepsSixAndFour(string id, string masked) => Assert.Equal(masked, Masking.IdNumber(id));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("057487654321", "057*****4321")]
    [InlineData("12345", "*****")]
    public void MaskPhone_KeepsThreeAndFour(string phone, string masked) => Assert.Equal(masked, Masking.Phone(phone));
}
