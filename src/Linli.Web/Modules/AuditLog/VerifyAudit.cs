using Linli.Data;
using Linli.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.AuditLog;

// 校验哈希链 verify the audit log's hash chain, as `Linli.Web verify-audit` does.
public static class VerifyAudit
{
    public static void Map(RouteGroupBuilder audit) =>
        audit.MapGet("/verify", Handle)
            .WithName("Audit_Verify")
            .WithSummary("Verify the hash chain: {ok, checked, firstBrokenId, message}");

    static async Task<Ok<AuditVerifier.Report>> Handle(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ExecuteAsync(db, ct));

    // Shared by the API and AuditLogPage. The check itself is recorded: when it ran, by whom, what it found.
    public static async Task<AuditVerifier.Report> ExecuteAsync(AppDbContext db, CancellationToken ct)
    {
        var report = await AuditVerifier.VerifyAsync(db, ct);
        db.AddAuditEvent("Audit.Verify", "AuditLog", null, report.Ok ? AuditOutcome.Success : AuditOutcome.Failure,
            after: new { report.Ok, report.Checked, report.FirstBrokenId });
        await db.SaveChangesAsync(ct);
        return report;
    }
}
