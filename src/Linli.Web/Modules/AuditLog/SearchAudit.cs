using Linli.Data;
using Linli.Platform.Api;
using Linli.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.AuditLog;

// 查询审计日志 search the audit log: filters, newest first, paged.
public static class SearchAudit
{
    /// <summary>Every column of a log row, as stored (before/after are the JSON text the hash covers).</summary>
    public sealed record AuditRow(long Id, DateTime TimeUtc, string? UserId, string? UserName, string? Roles, long? OrgUnitId,
        string? Ip, string Action, string? ObjectType, string? ObjectId, string? Before, string? After, string Outcome,
        string PrevHash, string Hash)
    {
        public static AuditRow From(AuditEntry a) => new(a.Id, DateTime.SpecifyKind(a.TimeUtc, DateTimeKind.Utc), a.UserId,
            a.UserName, a.Roles, a.OrgUnitId, a.Ip, a.Action, a.ObjectType, a.ObjectId, a.Before, a.After, a.Outcome, a.PrevHash, a.Hash);
    }

    public static void Map(RouteGroupBuilder audit) =>
        audit.MapGet("/", Handle)
            .WithName("Audit_Search")
            .WithSummary("Search the audit log (newest first): userName (part), action (prefix), objectType, objectId, outcome, from, to");

    static async Task<Results<Ok<Paged<AuditRow>>, ValidationProblem>> Handle(
        [AsParameters] AuditFilter filter, int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        if (!filter.TryParse(out var criteria, out var errors)) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await QueryAsync(db, criteria, page, pageSize, ct));
    }

    // Shared by the API and AuditLogPage.
    public static async Task<Paged<AuditRow>> QueryAsync(AppDbContext db, AuditCriteria criteria, int? page, int? pageSize, CancellationToken ct)
    {
        var paged = await criteria.Apply(db.AuditLog.AsNoTracking()).ToPagedAsync(page, pageSize, ct);
        return new(paged.Items.Select(AuditRow.From).ToList(), paged.Total);
    }
}
