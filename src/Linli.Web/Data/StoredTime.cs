namespace Linli.Data;

/// <summary>PostgreSQL keeps timestamps to the microsecond, .NET to 100 ns: a time computed here and also used unsaved (a
/// hash over it, an answer built from it) is cut first to what a read gives back.</summary>
public static class StoredTime
{
    public static DateTime Microseconds(DateTime t) => new(t.Ticks - t.Ticks % 10, t.Kind);
}
