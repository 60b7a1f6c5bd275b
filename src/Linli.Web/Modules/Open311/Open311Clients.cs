using Linli.Data;
using Linli.Platform.Api;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Open311;

// Open311 接入系统管理 GET/POST /api/v1/open311/clients, POST /{id}/revoke: the security admin issues one api_key per
// client system, bound to a unit in the admin's subtree. The key is answered once, at creation; only its hash is kept.
public static class Open311Clients
{
    public sealed record Request(string? Name, long? OrgUnitId);

    public sealed record View(long Id, string Name, long OrgUnitId, string UnitName, string KeyHint, bool Active, DateTime CreatedAt,
        string CreatedByName, DateTime? RevokedAt);

    public sealed record Created(View Client, string ApiKey);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", (AppDbContext db, int? page, int? pageSize, CancellationToken ct) => ListAsync(db, page, pageSize, ct))
            .WithName("Open311Clients_List").WithSummary("Client systems allowed to POST Open311 requests (newest first)");
        group.MapPost("/", Create).WithName("Open311Clients_Create").ProducesValidationProblem()
            .WithSummary("Issue an api_key for a client system bound to a unit; the key is in this answer only");
        group.MapPost("/{id:long}/revoke", Revoke).WithName("Open311Clients_Revoke").WithSummary("Revoke a client's key at once");
    }

    public static async Task<Paged<View>> ListAsync(AppDbContext db, int? page, int? pageSize, CancellationToken ct) =>
        await Views(db, db.Open311Clients.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)).ToPagedAsync(page, pageSize, ct);

    static async Task<Results<Created<Created>, NotFound>> Create(Request request, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await CreateAsync(db, time, request, ct) is { } created
            ? TypedResults.Created($"/api/v1/open311/clients/{created.Client.Id}", created)
            : TypedResults.NotFound();

    static async Task<Results<Ok<View>, NotFound>> Revoke(long id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await RevokeAsync(db, time, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    /// <summary>The new client and its key; null when the unit is outside the caller's subtree.</summary>
    public static async Task<Created?> CreateAsync(AppDbContext db, TimeProvider time, Request request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = [Loc.T("请填写接入系统名称。", "Name the client system.")];
        else if (name.Length > 100) errors["name"] = [Loc.T("不超过 100 字。", "At most 100 characters.")];
        if (request.OrgUnitId is null) errors["orgUnitId"] = [Loc.T("请选择归属单位。", "Choose the unit that owns its matters.")];
        FieldErrorsException.ThrowIfAny(errors);
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == request.OrgUnitId).Select(u => new { u.Id, u.OrgPath, u.Active }).SingleOrDefaultAsync(ct);
        if (unit is null) return null;
        if (!unit.Active) throw new BusinessRuleException("open311.unit-inactive", Loc.T("该单位已停用。", "That unit is inactive."), StatusCodes.Status422UnprocessableEntity);
        var key = Open311Client.NewKey();
        var client = Add(db, name!, unit.Id, unit.OrgPath, key, time.GetUtcNow().UtcDateTime);
        db.AuditAction = "Open311Client.Create";
        await db.SaveChangesAsync(ct);
        return new(await Views(db, db.Open311Clients.Where(c => c.Id == client.Id)).SingleAsync(ct), key);
    }

    /// <summary>Adds (does not save) a client holding <paramref name="key"/>; also used by the demo seeding.</summary>
    public static Open311Client Add(AppDbContext db, string name, long unitId, string unitPath, string key, DateTime nowUtc)
    {
        var me = db.CurrentUser;
        var client = new Open311Client
        {
            Name = name, OrgUnitId = unitId, OrgPath = unitPath, KeyHash = Open311Client.Hash(key), KeyHint = Open311Client.Hint(key),
            CreatedAt = nowUtc, CreatedById = me.UserId ?? "system", CreatedByName = me.UserName ?? "system",
        };
        db.Add(client);
        return client;
    }

    public static async Task<View?> RevokeAsync(AppDbContext db, TimeProvider time, long id, CancellationToken ct)
    {
        var client = await db.Open311Clients.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return null;
        if (!client.Active) throw new BusinessRuleException("open311.client-revoked", Loc.T("该接入系统的密钥已吊销。", "This client's key is revoked already."));
        client.Active = false;
        client.RevokedAt = time.GetUtcNow().UtcDateTime;
        db.AuditAction = "Open311Client.Revoke";
        await db.SaveChangesAsync(ct);
        return await Views(db, db.Open311Clients.Where(c => c.Id == id)).SingleAsync(ct);
    }

    // Filter and order before projecting: members of a constructor projection do not translate.
    static IQueryable<View> Views(AppDbContext db, IQueryable<Open311Client> clients) => clients.AsNoTracking().Select(c => new View(
        c.Id, c.Name, c.OrgUnitId, db.OrgUnits.Where(u => u.Id == c.OrgUnitId).Select(u => u.Name).FirstOrDefault() ?? "", c.KeyHint, c.Active,
        c.CreatedAt, c.CreatedByName, c.RevokedAt));
}
