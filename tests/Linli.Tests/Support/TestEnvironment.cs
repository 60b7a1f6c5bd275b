namespace Linli.Tests.Support;

public static class TestEnvironment
{
    /// <summary>
    /// Server part of a PostgreSQL connection string ("Host=…;Port=…;Username=…;"), set by ./test.sh
    /// after it starts a throwaway server. Each app adds its own Database=.
    /// </summary>
    public static string? PostgresConnection
    {
        get
        {
            var cs = Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES");
            return string.IsNullOrWhiteSpace(cs) ? null : cs.TrimEnd(';') + ";";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
