using System.Globalization;
using Linli.Data;
using Linli.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Linli.Modules.AuditLog;

// 导出审计日志 export the filtered log as .xlsx; the export is itself an audit event.
public static class ExportAudit
{
    public const int MaxRows = 100_000;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const int MaxCellLength = 32_000; // Excel refuses cells over 32,767 characters

    public sealed class Row
    {
        [ExcelColumnName("编号")] public long Id { get; init; }
        [ExcelColumnName("时间(北京时间)")] public string TimeChina { get; init; } = "";
        [ExcelColumnName("时间(UTC)")] public string TimeUtc { get; init; } = "";
        [ExcelColumnName("用户名")] public string? UserName { get; init; }
        [ExcelColumnName("用户ID")] public string? UserId { get; init; }
        [ExcelColumnName("角色")] public string? Roles { get; init; }
        [ExcelColumnName("单位ID")] public long? OrgUnitId { get; init; }
        [ExcelColumnName("IP地址")] public string? Ip { get; init; }
        [ExcelColumnName("操作")] public string Action { get; init; } = "";
        [ExcelColumnName("对象类型")] public string? ObjectType { get; init; }
        [ExcelColumnName("对象ID")] public string? ObjectId { get; init; }
        [ExcelColumnName("结果")] public string Outcome { get; init; } = "";
        [ExcelColumnName("变更前")] public string? Before { get; init; }
        [ExcelColumnName("变更后")] public string? After { get; init; }
        [ExcelColumnName("前一哈希")] public string PrevHash { get; init; } = "";
        [ExcelColumnName("哈希")] public string Hash { get; init; } = "";

        public static Row From(AuditEntry a) => new()
        {
            Id = a.Id,
            TimeChina = AuditFilter.ToChinaTime(a.TimeUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            TimeUtc = a.TimeUtc.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            UserName = a.UserName, UserId = a.UserId, Roles = a.Roles, OrgUnitId = a.OrgUnitId, Ip = a.Ip,
            Action = a.Action, ObjectType = a.ObjectType, ObjectId = a.ObjectId, Outcome = a.Outcome,
            Before = Cell(a.Before), After = Cell(a.After), PrevHash = a.PrevHash, Hash = a.Hash,
        };

        static string? Cell(string? s) => s is null || s.Length <= MaxCellLength ? s : s[..MaxCellLength] + "…";
    }

    public static void Map(RouteGroupBuilder audit) =>
        audit.MapGet("/export", Handle)
            .WithName("Audit_Export")
            .WithSummary($"Export the filtered log (same filters as the list, newest first, at most {MaxRows:N0} rows) as .xlsx");

    static async Task<Results<FileContentHttpResult, ValidationProblem>> Handle(
        [AsParameters] AuditFilter filter, AppDbContext db, HttpResponse response, TimeProvider time, CancellationToken ct)
    {
        if (!filter.TryParse(out var criteria, out var errors)) return TypedResults.ValidationProblem(errors);
        var query = criteria.Apply(db.AuditLog.AsNoTracking());
        var matched = await query.CountAsync(ct);
        var exported = 0;
        using var file = new MemoryStream();
        // Streams rows from the database into the workbook instead of holding 100,000 entities at once.
        var rows = query.Take(MaxRows).AsEnumerable().Select(a => { exported++; return Row.From(a); });
        await file.SaveAsAsync(rows, sheetName: "审计日志", cancellationToken: ct);

        db.AddAuditEvent("Audit.Export", "AuditLog", null, AuditOutcome.Success,
            after: new { filter = filter.ToQueryString(), matched, exported });
        await db.SaveChangesAsync(ct);
        if (exported < matched) response.Headers["X-Export-Truncated"] = $"{exported}/{matched}";
        var name = $"audit-{AuditFilter.ToChinaTime(time.GetUtcNow().UtcDateTime):yyyyMMdd-HHmmss}.xlsx";
        return TypedResults.File(file.ToArray(), ContentType, name);
    }
}
