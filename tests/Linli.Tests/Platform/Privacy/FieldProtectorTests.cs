using System.Security.Cryptography;
using Linli.Platform.Privacy;

namespace Linli.Tests.Platform.Privacy;

public sealed class FieldProtectorTests
{
    static readonly FieldProtector Protector = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void EncryptDecrypt_RoundTripsAndIsRandomized()
    {
        var a = Protector.Encrypt("11010519491231002X");
        var b = Protector.Encrypt("11010519491231002X");
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("1949", a);
        Assert.Equal("11010519491231002X", Protector.Decrypt(a));
        Assert.Equal("11010519491231002X", Protector.Decrypt(b));
    }

    [Fact]
    public void Decrypt_TamperedCiphertext_Throws()
    {
        var bytes = Convert.FromBase64String(Protector.Encrypt("13812345678"));
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => Protector.Decrypt(Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Decrypt_WithAnotherKey_Throws()
    {
        var other = new FieldProtector(RandomNumberGenerator.GetBytes(32));
        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(Protector.Encrypt("13812345678")));
    }

    [Fact]
    public void BlindIndex_DeterministicPerKeyAndNotThePlainHash()
    {
        Assert.Equal(Protector.BlindIndex("13812345678"), Protector.BlindIndex("13812345678"));
        Assert.NotEqual(Protector.BlindIndex("13812345678"), Protector.BlindIndex("13812345679"));
        var other = new FieldProtector(RandomNumberGenerator.GetBytes(32));
        Assert.NotEqual(Protector.BlindIndex("13812345678"), other.BlindIndex("13812345678"));
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("13812345678"u8)), Protector.BlindIndex("13812345678"));
    }
}
