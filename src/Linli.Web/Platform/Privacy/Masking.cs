namespace Linli.Platform.Privacy;

/// <summary>How sensitive values are shown by default: 110101********123X, 138****5678.</summary>
public static class Masking
{
    public static string IdNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.Length <= 10 ? new string('*', value.Length) : value[..6] + new string('*', value.Length - 10) + value[^4..];
    }

    public static string Phone(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.Length < 7 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];
    }
}
