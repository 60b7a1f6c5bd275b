using Npgsql;

namespace Linli.Bench;

// 3 范围查询: a community worker's filtered, paged resident search and a street official's matter list over HTTP,
// each against hand-written SQL returning the same page (count, page with unit names, addresses and tags) on the same
// data. One sequential client, the HTTP request and the SQL of each page taking turns. Target: p95 within 3× of the SQL and ≤ 50 ms.
public static class ScopedLists
{
    const string Name = "3 scoped lists";
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈"];

    // The subtree as a range on the "C"-collated path (what LIKE 'prefix%' means, but usable by the index in any plan);
    // the community's rows are taken first (MATERIALIZED), as one would write it by hand for a per-community page.
    const string ResidentsSql = """
        WITH scope AS MATERIALIZED (
          SELECT r."Id", r."Name", r."Gender", r."BirthDate", r."IdNumberMasked", r."PhoneMasked", r."OrgUnitId", r."HouseId", r."ResidenceType", r."Status"
          FROM "Residents" r
          WHERE r."OrgPath" >= $1 COLLATE "C" AND r."OrgPath" < $2 COLLATE "C" AND r."Status" = 'Active' AND r."Name" LIKE $3),
        page AS (SELECT * FROM scope ORDER BY "Name", "Id" LIMIT 20 OFFSET $4)
        SELECT (SELECT count(*) FROM scope), p.*, u."Name", b."Name" || h."UnitNumber" || '单元' || h."RoomNumber" || '室',
               (SELECT string_agg(t."TagCode", ',') FROM "ResidentTags" t
                 WHERE t."ResidentId" = p."Id" AND (t."StartDate" IS NULL OR t."StartDate" <= current_date) AND (t."EndDate" IS NULL OR t."EndDate" >= current_date))
        FROM page p JOIN "OrgUnits" u ON u."Id" = p."OrgUnitId"
        LEFT JOIN "Houses" h ON h."Id" = p."HouseId" LEFT JOIN "Buildings" b ON b."Id" = h."BuildingId"
        ORDER BY p."Name", p."Id"
        """;

    const string MattersSql = """
        SELECT count(*) FROM "Matters" m
        WHERE (m."OrgPath" >= $1 COLLATE "C" AND m."OrgPath" < $2 COLLATE "C") OR (m."HandlingPath" >= $1 COLLATE "C" AND m."HandlingPath" < $2 COLLATE "C");
        SELECT m."Id", m."TicketNumber", m."Channel", m."CategoryName", m."Description", m."Urgency", m."State", m."RegisteredByUnitId",
               m."CreatedAt", m."AcceptDueAt", m."ResolveDueAt", m."WarnedAt", m."HandlingUnitId", m."Supervised", u."Name"
        FROM "Matters" m LEFT JOIN "OrgUnits" u ON u."Id" = coalesce(m."HandlingUnitId", m."RegisteredByUnitId")
        WHERE (m."OrgPath" >= $1 COLLATE "C" AND m."OrgPath" < $2 COLLATE "C") OR (m."HandlingPath" >= $1 COLLATE "C" AND m."HandlingPath" < $2 COLLATE "C")
        ORDER BY m."CreatedAt" DESC, m."Id" DESC LIMIT 20 OFFSET $3
        """;

    /// <summary>The end of a subtree's range: "/1/2/" → "/1/20" ('0' follows '/').</summary>
    static string Above(string path) => path[..^1] + "0";

    public static async Task<List<ScenarioResult>> RunAsync(BenchContext c, CancellationToken ct)
    {
        var n = c.Options.Pick(5, 200, 500);
        var limit = TimeSpan.FromSeconds(c.Options.Pick(30, 45, 120)); // per side: bounded by count and time
        var worker = await c.SessionAsync("community", ct);
        var community = await c.UnitAsync("community", ct);
        var official = await c.SessionAsync("street", ct);
        var street = await c.UnitAsync("street", ct);

        Task Residents(int i, CancellationToken t) => worker.GetAsync($"api/v1/residents?name={Uri.EscapeDataString(Surnames[i % 5])}&page={i / 5 % 5 + 1}&pageSize=20", t);
        Task ResidentsSqlAsync(int i, CancellationToken t) => QueryAsync(c, ResidentsSql, t, community.Path, Above(community.Path), "%" + Surnames[i % 5] + "%", i / 5 % 5 * 20);
        Task Matters(int i, CancellationToken t) => official.GetAsync($"api/v1/matters?page={i % 5 + 1}&pageSize=20", t);
        Task MattersSqlAsync(int i, CancellationToken t) => QueryAsync(c, MattersSql, t, street.Path, Above(street.Path), i % 5 * 20);

        var rows = new List<ScenarioResult>();
        rows.Add(await CompareAsync(c, "community resident search p95 ms", n, limit, Residents, ResidentsSqlAsync,
            $"GET /api/v1/residents?name=<surname>&page=1..5 as {worker.UserName}", ct));
        rows.Add(await CompareAsync(c, "street matter list p95 ms", n, limit, Matters, MattersSqlAsync,
            $"GET /api/v1/matters?page=1..5 as {official.UserName}", ct));
        return rows;
    }

    static async Task<ScenarioResult> CompareAsync(BenchContext c, string metric, int n, TimeSpan limit, Func<int, CancellationToken, Task> http,
        Func<int, CancellationToken, Task> sql, string what, CancellationToken ct)
    {
        await Load.WarmAsync(5, http, ct);
        await Load.WarmAsync(5, sql, ct);
        // Interleaved, request i over HTTP then the same page in SQL: a noisy moment of a shared machine falls on both sides.
        var (ours, baseline) = await Load.AlternateAsync(n, limit * 2, http, sql, ct);
        if (ours.Errors + baseline.Errors > 0) throw new BenchException($"{metric}: {ours.Errors} HTTP and {baseline.Errors} SQL errors{ours.ErrorText}{baseline.ErrorText}");
        return Rows.WithinTimes(Name, metric, ours.P(95), baseline.P(95), 3, 50,
            $"{ours.Count} × {what} (p50 {ours.P(50):0.0} ms) vs {baseline.Count} × the same pages in hand-written SQL over Npgsql (p50 {baseline.P(50):0.00} ms)");
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
