using Npgsql;

namespace Linli.Bench;

// 3 范围查询: a community worker's filtered, paged resident search and a street official's matter list over HTTP,
// each against hand-written SQL returning the same page (count, page with unit names, addresses and tags) on the same
// data. One sequential client each, same pages in the same order. Target: p95 within 3× of the SQL and ≤ 50 ms.
public static class ScopedLists
{
    const string Name = "3 scoped lists";
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈"];

    const string ResidentsSql = """
        SELECT count(*) FROM "Residents" r WHERE r."OrgPath" LIKE $1 AND r."Status" = 'Active' AND r."Name" LIKE $2;
        SELECT r."Id", r."Name", r."Gender", r."BirthDate", r."IdNumberMasked", r."PhoneMasked", r."OrgUnitId", u."Name", r."ResidenceType", r."Status",
               b."Name" || h."UnitNumber" || '单元' || h."RoomNumber" || '室',
               (SELECT string_agg(t."TagCode", ',') FROM "ResidentTags" t
                 WHERE t."ResidentId" = r."Id" AND (t."StartDate" IS NULL OR t."StartDate" <= current_date) AND (t."EndDate" IS NULL OR t."EndDate" >= current_date))
        FROM "Residents" r JOIN "OrgUnits" u ON u."Id" = r."OrgUnitId"
        LEFT JOIN "Houses" h ON h."Id" = r."HouseId" LEFT JOIN "Buildings" b ON b."Id" = h."BuildingId"
        WHERE r."OrgPath" LIKE $1 AND r."Status" = 'Active' AND r."Name" LIKE $2
        ORDER BY r."Name", r."Id" LIMIT 20 OFFSET $3
        """;

    const string MattersSql = """
        SELECT count(*) FROM "Matters" m WHERE m."OrgPath" LIKE $1 OR m."HandlingPath" LIKE $1;
        SELECT m."Id", m."TicketNumber", m."Channel", m."CategoryName", m."Description", m."Urgency", m."State", m."RegisteredByUnitId",
               m."CreatedAt", m."AcceptDueAt", m."ResolveDueAt", m."WarnedAt", m."HandlingUnitId", m."Supervised", u."Name"
        FROM "Matters" m LEFT JOIN "OrgUnits" u ON u."Id" = coalesce(m."HandlingUnitId", m."RegisteredByUnitId")
        WHERE m."OrgPath" LIKE $1 OR m."HandlingPath" LIKE $1
        ORDER BY m."CreatedAt" DESC, m."Id" DESC LIMIT 20 OFFSET $2
        """;

    public static async Task<List<ScenarioResult>> RunAsync(BenchContext c, CancellationToken ct)
    {
        var n = c.Options.Pick(5, 200, 500);
        var worker = await c.SessionAsync("community", ct);
        var community = await c.UnitAsync("community", ct);
        var official = await c.SessionAsync("street", ct);
        var street = await c.UnitAsync("street", ct);

        Task Residents(int i, CancellationToken t) => worker.GetAsync($"api/v1/residents?name={Uri.EscapeDataString(Surnames[i % 5])}&page={i / 5 % 5 + 1}&pageSize=20", t);
        Task ResidentsSqlAsync(int i, CancellationToken t) => QueryAsync(c, ResidentsSql, t, community.Path + "%", "%" + Surnames[i % 5] + "%", i / 5 % 5 * 20);
        Task Matters(int i, CancellationToken t) => official.GetAsync($"api/v1/matters?page={i % 5 + 1}&pageSize=20", t);
        Task MattersSqlAsync(int i, CancellationToken t) => QueryAsync(c, MattersSql, t, street.Path + "%", i % 5 * 20);

        var rows = new List<ScenarioResult>();
        rows.Add(await CompareAsync(c, "community resident search p95 ms", n, Residents, ResidentsSqlAsync,
            $"GET /api/v1/residents?name=<surname>&page=1..5 as {worker.UserName}", ct));
        rows.Add(await CompareAsync(c, "street matter list p95 ms", n, Matters, MattersSqlAsync,
            $"GET /api/v1/matters?page=1..5 as {official.UserName}", ct));
        return rows;
    }

    static async Task<ScenarioResult> CompareAsync(BenchContext c, string metric, int n, Func<int, CancellationToken, Task> http,
        Func<int, CancellationToken, Task> sql, string what, CancellationToken ct)
    {
        await Load.WarmAsync(5, http, ct);
        await Load.WarmAsync(5, sql, ct);
        var ours = await Load.RunAsync(1, n, TimeSpan.FromMinutes(5), (_, i, t) => http(i, t), ct);
        var baseline = await Load.RunAsync(1, n, TimeSpan.FromMinutes(5), (_, i, t) => sql(i, t), ct);
        if (ours.Errors + baseline.Errors > 0) throw new BenchException($"{metric}: {ours.Errors} HTTP and {baseline.Errors} SQL errors{ours.ErrorText}{baseline.ErrorText}");
        return Rows.WithinTimes(Name, metric, ours.P(95), baseline.P(95), 3, 50,
            $"{ours.Count} × {what} (p50 {ours.P(50):0.0} ms) vs the same pages in hand-written SQL over Npgsql (p50 {baseline.P(50):0.00} ms)");
    }

    /// <summary>Runs the statements as one batch (one round trip), each with the leading parameters it uses, reading every value.</summary>
    static async Task QueryAsync(BenchContext c, string sql, CancellationToken ct, params object[] args)
    {
        await using var conn = await c.Db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = new NpgsqlBatchCommand(statement);
            var used = Enumerable.Range(1, args.Length).Count(k => statement.Contains($"${k}", StringComparison.Ordinal));
            foreach (var a in args.Take(used)) command.Parameters.Add(new NpgsqlParameter { Value = a });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do { while (await reader.ReadAsync(ct)) for (var f = 0; f < reader.FieldCount; f++) _ = reader.GetValue(f); }
        while (await reader.NextResultAsync(ct));
    }
}
