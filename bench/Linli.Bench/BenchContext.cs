using Npgsql;

namespace Linli.Bench;

/// <summary>What every scenario shares: the options, one HTTP client, sessions per role, the database and the units.</summary>
public sealed class BenchContext(BenchOptions options, HttpClient http, NpgsqlDataSource db) : IAsyncDisposable
{
    readonly Dictionary<string, ApiSession> sessions = [];
    readonly Dictionary<string, (long Id, string Path)> units = [];

    public BenchOptions Options => options;
    public HttpClient Http => http;
    public NpgsqlDataSource Db => db;

    /// <summary>A signed-in session of the role's account (community, street, district, city, grid); reused.</summary>
    public async Task<ApiSession> SessionAsync(string role, CancellationToken ct)
    {
        if (sessions.TryGetValue(role, out var s)) return s;
        return sessions[role] = await ApiSession.LoginAsync(http, options.User(role), options.Password, ct);
    }

    /// <summary>Tokens live ≤ 1 hour: a full run signs in again before each scenario.</summary>
    public void ForgetSessions() => sessions.Clear();

    /// <summary>The unit the role's account is bound to, with its org path (for the hand-written SQL).</summary>
    public async Task<(long Id, string Path)> UnitAsync(string role, CancellationToken ct)
    {
        if (units.TryGetValue(role, out var u)) return u;
        var me = await (await SessionAsync(role, ct)).GetJsonAsync("api/v1/me", ct);
        var id = me.GetProperty("orgUnit").GetProperty("id").GetInt64();
        var path = await ScalarAsync<string>("SELECT \"OrgPath\" FROM \"OrgUnits\" WHERE \"Id\" = $1", ct, id);
        return units[role] = (id, path);
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<List<long>> IdsAsync(string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var ids = new List<long>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>Peak resident set of the web process so far (VmHWM), in MiB.</summary>
    public double PeakRssMb()
    {
        var line = File.ReadLines($"/proc/{options.WebPid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();
}
