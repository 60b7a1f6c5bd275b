using System.Security.Cryptography;
using System.Text;

namespace Linli.Platform.Privacy;

/// <summary>
/// Encrypts sensitive fields (ID numbers, phones) with AES-256-GCM and computes a keyed blind index
/// (HMAC-SHA256) for exact lookup and uniqueness without decrypting. The master key comes from configuration
/// (<c>Privacy:Key</c>, base64 of 32 bytes) or a key file (<c>Privacy:KeyFile</c>), never from the database.
/// </summary>
public sealed class FieldProtector
{
    const byte Version = 1;
    const int NonceSize = 12, TagSize = 16;
    readonly byte[] encryptionKey;
    readonly byte[] indexKey;
    // One cipher per thread: building one runs the key schedule, which costs more than encrypting an ID number.
    readonly ThreadLocal<AesGcm> aes;

    public FieldProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32) throw new ArgumentException("The privacy master key must be 32 bytes.", nameof(masterKey));
        // Separate keys per purpose, so an index value reveals nothing about the ciphertext key.
        encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "linli:field-encryption"u8.ToArray());
        indexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "linli:blind-index"u8.ToArray());
        aes = new ThreadLocal<AesGcm>(() => new AesGcm(encryptionKey, TagSize));
    }

    public string Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + NonceSize + plain.Length + TagSize];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        aes.Value!.Encrypt(nonce, plain, output.AsSpan(1 + NonceSize, plain.Length), output.AsSpan(1 + NonceSize + plain.Length, TagSize), [Version]);
        return Convert.ToBase64String(output);
    }

    public string Decrypt(string ciphertext)
    {
        var data = Convert.FromBase64String(ciphertext);
        if (data.Length < 1 + NonceSize + TagSize || data[0] != Version) throw new CryptographicException("Unknown ciphertext format.");
        var length = data.Length - 1 - NonceSize - TagSize;
        var plain = new byte[length];
        aes.Value!.Decrypt(data.AsSpan(1, NonceSize), data.AsSpan(1 + NonceSize, length), data.AsSpan(1 + NonceSize + length, TagSize), plain, [Version]);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Deterministic keyed hash of the normalized value: equal inputs give equal indexes.</summary>
    public string BlindIndex(string normalized) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(indexKey, Encoding.UTF8.GetBytes(normalized)));
}
