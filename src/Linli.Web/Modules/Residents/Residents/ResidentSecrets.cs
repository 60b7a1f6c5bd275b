using System.Text.RegularExpressions;
using Linli.Platform.Privacy;

namespace Linli.Modules.Residents;

/// <summary>
/// How a resident's ID number and phone are kept: ciphertext, blind index, masked form. The one place that
/// normalizes them, so lookups (search, import, duplicate checks) compute the same index as writes.
/// </summary>
public static partial class ResidentSecrets
{
    // Domain-separated, so an ID-number index and a phone index can never be compared with each other.
    public static string IdNumberIndex(this FieldProtector p, string idNumber) => p.BlindIndex("id:" + IdNumber.Normalize(idNumber));

    public static string? PhoneIndex(this FieldProtector p, string phone) =>
        NormalizePhone(phone) is { } n ? p.BlindIndex("phone:" + n) : null;

    public static void SetIdNumber(this FieldProtector p, Resident r, string? idNumber)
    {
        var v = string.IsNullOrWhiteSpace(idNumber) ? null : IdNumber.Normalize(idNumber);
        r.IdNumberCipher = v is null ? null : p.Encrypt(v);
        r.IdNumberIndex = v is null ? null : p.IdNumberIndex(v);
        r.IdNumberMasked = v is null ? null : Masking.IdNumber(v);
    }

    public static void SetPhone(this FieldProtector p, Resident r, string? phone)
    {
        var v = string.IsNullOrWhiteSpace(phone) ? null : NormalizePhone(phone) ?? phone.Trim();
        r.PhoneCipher = v is null ? null : p.Encrypt(v);
        r.PhoneIndex = v is null ? null : p.BlindIndex("phone:" + v);
        r.PhoneMasked = v is null ? null : Masking.Phone(v);
    }

    /// <summary>
    /// Digits only: a mainland mobile (13800138000, with or without +86) or a landline with its area code
    /// (0574-87654321 → 057487654321). Null when it is neither.
    /// </summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = Separators().Replace(phone.Trim(), "");
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return Mobile().IsMatch(digits) || Landline().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{2,3}\d{7,8}$")]
    private static partial Regex Landline();
}
