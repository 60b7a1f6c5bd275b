namespace Linli.Platform.Privacy;

public static class PrivacySetup
{
    public const string DefaultKeyFile = "data/keys/privacy.key";

    /// <summary>
    /// Registers <see cref="FieldProtector"/>. Key from <c>Privacy:Key</c> (base64) or the file at <c>Privacy:KeyFile</c>.
    /// With neither, the quick start creates a random key in data/keys/privacy.key; losing that file loses the data,
    /// so production sets the key explicitly.
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(_ => new FieldProtector(LoadKey(config)));
        return services;
    }

    static byte[] LoadKey(IConfiguration config)
    {
        if (config["Privacy:Key"] is { Length: > 0 } b64) return Convert.FromBase64String(b64);
        var file = config["Privacy:KeyFile"] is { Length: > 0 } f ? f : DefaultKeyFile;
        if (File.Exists(file)) return Convert.FromBase64String(File.ReadAllText(file).Trim());
        if (config["Privacy:KeyFile"] is { Length: > 0 })
            throw new InvalidOperationException($"Privacy key file '{file}' not found.");
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
