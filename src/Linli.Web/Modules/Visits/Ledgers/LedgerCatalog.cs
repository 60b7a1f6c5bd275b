using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Documents;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Visits;

// 电子台账 GET /api/v1/ledgers (what can be generated) and GET /api/v1/ledgers/{kind} (generate one as .xlsx or PDF).
public static class LedgerCatalog
{
    public sealed record Item(string Kind, string Title, IReadOnlyList<string> Parameters);

    public static IReadOnlyList<Item> Kinds =>
    [
        new(VisitDiaryLedger.Kind, Loc.T("社工走访日记（每人每月）", "Visit diary (per worker, per month)"), ["workerId", "month"]),
        new(SentimentLedger.Kind, Loc.T("民情工作台账（每社区每月）", "Public-sentiment ledger (per community, per month)"), ["orgUnitId", "month"]),
        new(KeyPopulationLedger.Kind, Loc.T("重点人群走访台账（每类人群每月）", "Key-population visit ledger (per tag, per month)"), ["orgUnitId", "tag", "month"]),
    ];

    const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder ledgers)
    {
        ledgers.MapGet("/", () => TypedResults.Ok(new { items = Kinds }))
            .WithName("Ledgers_List").WithSummary("The ledgers that can be generated, with the parameters each takes");
        ledgers.MapGet("/{kind}", Generate).WithName("Ledgers_Generate")
            .WithSummary("Generate a ledger from the recorded data: format=xlsx|pdf, month=yyyy-MM; personal data masked unless reveal=true with a reason (needs the reveal permission; audited)");
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Generate(string kind, long? orgUnitId, string? workerId, string? tag, string? month,
        string? format, bool? reveal, string? reason, HttpContext http, AppDbContext db, FieldProtector protector, TimeProvider time, CancellationToken ct)
    {
        var file = await GenerateAsync(db, protector, time, kind, orgUnitId, workerId, tag, month, format, reveal, reason, ct);
        if (file is null) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Value.Bytes, file.Value.ContentType, file.Value.Name);
    }

    public static async Task<(byte[] Bytes, string ContentType, string Name)?> GenerateAsync(AppDbContext db, FieldProtector protector, TimeProvider time,
        string kind, long? orgUnitId, string? workerId, string? tag, string? month, string? format, bool? reveal, string? reason, CancellationToken ct)
    {
        var now = time.GetLocalNow();
        var errors = new Dictionary<string, string[]>();
        var pdf = format?.ToLowerInvariant() switch { "pdf" => true, null or "xlsx" => false, _ => (bool?)null };
        if (pdf is null) errors["format"] = [Loc.T("格式只能是 xlsx 或 pdf。", "The format is xlsx or pdf.")];
        if (Kinds.All(k => k.Kind != kind)) return null;
        if (kind == KeyPopulationLedger.Kind && string.IsNullOrWhiteSpace(tag)) errors["tag"] = [Loc.T("请选择人群类别。", "Choose the tag.")];
        FieldErrorsException.ThrowIfAny(errors);
        var monthStart = LedgerRequest.ParseMonth(month, DateOnly.FromDateTime(now.DateTime));
        var revealed = LedgerRequest.CheckReveal(db, reveal, reason);

        WorkerHouseholds.Worker? worker = null;
        if (kind == VisitDiaryLedger.Kind && (worker = await WorkerHouseholds.FindAsync(db, workerId ?? db.CurrentUser.UserId!, ct)) is null) return null;
        var unitId = orgUnitId ?? worker?.OrgUnitId ?? db.CurrentUser.OrgUnitId;
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return null;
        var request = new LedgerRequest(monthStart, unit, revealed, protector);

        Ledger ledger;
        if (kind == VisitDiaryLedger.Kind) ledger = await VisitDiaryLedger.BuildAsync(db, request, worker!, now, ct);
        else if (kind == SentimentLedger.Kind) ledger = await SentimentLedger.BuildAsync(db, request, now, ct);
        else
        {
            var definition = (await ResidentTags.VisibleDefinitionsAsync(db, ct)).FirstOrDefault(d => d.Code == tag);
            if (definition is null) return null;
            ledger = await KeyPopulationLedger.BuildAsync(db, request, definition, now, ct);
        }

        db.AddAuditEvent("Ledger.Generate", "Ledger", kind, after: new { kind, unit = unit.Id, workerId = worker?.Id, tag, month = $"{monthStart:yyyy-MM}",
            format = pdf == true ? "pdf" : "xlsx", rows = ledger.Rows.Count, revealed, reason = revealed ? reason!.Trim() : null });
        await db.SaveChangesAsync(ct);
        var name = $"{ledger.Title}-{unit.Name}{(worker is null ? "" : "-" + worker.Name)}-{monthStart:yyyy-MM}";
        return pdf == true ? (LedgerPdf.Render(ledger), "application/pdf", name + ".pdf") : (LedgerXlsx.Render(ledger), XlsxType, name + ".xlsx");
    }
}
