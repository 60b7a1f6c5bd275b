using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Linli.Data;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace Linli.Platform.Idempotency;

/// <summary>
/// Idempotency-Key for POSTs: a retry with the same key and the same body by the same caller gets the first answer
/// (status, body, Location) and changes nothing; the same key with another body is a 422. The record is inserted in
/// the same transaction as the work, so a concurrent duplicate waits on the (caller, key) primary key and, once the
/// first commits, collides and replays it; if the first fails, nothing is kept and the retry runs anew.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Endpoint filter for the group's POSTs: the body is the bound argument of type <typeparamref name="TBody"/>.</summary>
    public static RouteGroupBuilder WithIdempotency<TBody>(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            if (!http.Request.Headers.TryGetValue(Header, out var values)) return await next(ctx);
            var key = values.ToString();
            if (!IsValidKey(key))
                throw new FieldErrorsException(new Dictionary<string, string[]> { [Header] = [Loc.T("幂等键应为 1-200 个可见字符。", "The Idempotency-Key is 1-200 visible characters.")] });
            var db = http.RequestServices.GetRequiredService<AppDbContext>();
            var caller = db.CurrentUser.UserId ?? throw new InvalidOperationException("Idempotency needs a signed-in caller.");
            var body = JsonSerializer.Serialize(ctx.Arguments.OfType<TBody>().FirstOrDefault());
            return await RunAsync(http, caller, key, RequestHash(http, body), async () => await next(ctx) switch
            {
                IResult r => r,
                var other => TypedResults.Ok(other),
            });
        });
        return group;
    }

    public static bool IsValidKey(string? key) => key is { Length: > 0 and <= 200 } && key.All(c => c is > ' ' and <= '~');

    public static string RequestHash(HttpContext http, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n{body}")));

    /// <summary>Runs <paramref name="work"/> once per (caller, key) and answers what it answered, then and on every retry.</summary>
    public static async Task<IResult> RunAsync(HttpContext http, string caller, string key, string requestHash, Func<Task<IResult>> work)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var protector = services.GetRequiredService<FieldProtector>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var ct = http.RequestAborted;
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "IdempotencyRecords" WHERE "ExpiresAt" < {now}""", ct);
        for (var attempt = 1; ; attempt++)
        {
            var first = await db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, ct);
            if (first is not null)
            {
                if (first.RequestHash != requestHash)
                    throw new BusinessRuleException("idempotency.mismatch",
                        Loc.T("这个幂等键已用于另一个请求。", "This Idempotency-Key was used with a different request."), StatusCodes.Status422UnprocessableEntity);
                return new StoredResponse(first.Status, first.ContentType, first.Location,
                    first.BodyCipher is null ? [] : Encoding.UTF8.GetBytes(protector.Decrypt(first.BodyCipher)), Replayed: true);
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var expires = now + Lifetime;
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "IdempotencyRecords" ("Caller", "Key", "RequestHash", "Status", "CreatedAt", "ExpiresAt")
                    VALUES ({caller}, {key}, {requestHash}, 0, {now}, {expires})
                    """, ct);
            }
            catch (DbException) when (attempt < 3)
            {
                await tx.RollbackAsync(ct);
                continue; // a concurrent first request committed meanwhile: answer as it did
            }

            var answer = await CaptureAsync(http, await work());
            var text = Encoding.UTF8.GetString(answer.Body);
            var cipher = answer.Body.Length == 0 ? null : protector.Encrypt(text);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "IdempotencyRecords" SET "Status" = {answer.Status}, "ContentType" = {answer.ContentType},
                    "Location" = {answer.Location}, "BodyCipher" = {cipher}
                WHERE "Caller" = {caller} AND "Key" = {key}
                """, ct);
            await tx.CommitAsync(ct);
            return answer;
        }
    }

    // Executes the result into a buffer, so it can be stored before anything reaches the client.
    static async Task<StoredResponse> CaptureAsync(HttpContext http, IResult result)
    {
        var original = http.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await result.ExecuteAsync(http);
            await capture.CompleteAsync();
        }
        finally
        {
            http.Features.Set(original);
        }
        var location = http.Response.Headers.Location.ToString();
        return new StoredResponse(http.Response.StatusCode, http.Response.ContentType, location.Length == 0 ? null : location, buffer.ToArray(), Replayed: false);
    }

    sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body, bool Replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = Status;
            if (ContentType is not null) http.Response.ContentType = ContentType;
            if (Location is not null) http.Response.Headers.Location = Location;
            if (Replayed) http.Response.Headers[ReplayedHeader] = "true";
            if (Body.Length > 0) await http.Response.Body.WriteAsync(Body, http.RequestAborted);
        }
    }
}
