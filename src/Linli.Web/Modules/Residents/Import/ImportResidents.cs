using System.Data;
using System.Security.Cryptography;
using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.OrgScope;
using Linli.Platform.Privacy;
using Linli.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using MiniExcelLibs;

namespace Linli.Modules.Residents;

// 导入居民 POST /api/v1/residents/import, the template and the error report. Valid rows are imported even when
// other rows are invalid (those come back as errors); an unexpected failure rolls the whole file back.
public static class ImportResidents
{
    public const string TemplateUrl = "/api/v1/residents/import/template";
    public static string ReportUrl(string key) => $"/api/v1/residents/import/reports/{key}";
    const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record Response(int Imported, int Updated, int Failed, IReadOnlyList<ResidentImport.RowError> Errors, string? Report);

    public static void Map(RouteGroupBuilder residents)
    {
        residents.MapPost("/import", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .DisableAntiforgery() // bearer clients have no antiforgery token; cookie callers are checked in Handle
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("Residents_Import")
            .WithSummary("Import residents from a multipart `file` (.xlsx, or .csv in UTF-8 or GBK); upsert by ID number; invalid rows come back in errors [{row, field, message}]");
        residents.MapGet("/import/template", Template)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_ImportTemplate")
            .WithSummary("The resident import template (.xlsx) with its Chinese column headers");
        residents.MapGet("/import/reports/{key}", Report)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_ImportReport")
            .WithSummary("The error report (.xlsx) of an import, for 30 minutes, to the user who ran it");
    }

    static async Task<Results<Ok<Response>, ProblemHttpResult, ValidationProblem>> Handle(IFormFile? file, HttpContext http, IAntiforgery antiforgery,
        IMemoryCache cache, AppDbContext db, FieldProtector protector, TimeProvider time, CancellationToken ct)
    {
        if (await FormPostCheck.RefuseStaleFormAsync(http, antiforgery) is { } stale) return stale;
        if (file is null || file.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [Loc.T("请选择要导入的文件。", "Choose a file to import.")] });
        await using var stream = file.OpenReadStream();
        var result = await ResidentImport.ExecuteAsync(db, protector, time, stream, file.FileName, ct);
        if (result.Errors is [{ Row: 0 } fileError])
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [fileError.Message] });
        var report = result.Errors.Count > 0 ? ReportUrl(StoreReport(cache, db.CurrentUser, result.Errors)) : null;
        return TypedResults.Ok(new Response(result.Imported, result.Updated, result.Failed, result.Errors, report));
    }

    static FileContentHttpResult Template()
    {
        var table = new DataTable("居民");
        foreach (var (header, _) in ResidentImportFile.Columns) table.Columns.Add(header, typeof(string));
        return TypedResults.File(Xlsx(table), XlsxType, "居民导入模板.xlsx");
    }

    static Results<FileContentHttpResult, NotFound> Report(string key, IMemoryCache cache, CurrentUser user) =>
        cache.TryGetValue(CacheKey(user, key), out IReadOnlyList<ResidentImport.RowError>? errors) && errors is not null
            ? TypedResults.File(ReportXlsx(errors), XlsxType, "居民导入错误报告.xlsx")
            : TypedResults.NotFound();

    /// <summary>Keeps the report for its author only; returns the random key of its download link.</summary>
    public static string StoreReport(IMemoryCache cache, CurrentUser user, IReadOnlyList<ResidentImport.RowError> errors)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cache.Set(CacheKey(user, key), errors, TimeSpan.FromMinutes(30));
        return key;
    }

    public static byte[] ReportXlsx(IReadOnlyList<ResidentImport.RowError> errors)
    {
        var table = new DataTable("错误报告");
        table.Columns.Add("行号", typeof(int));
        table.Columns.Add("列", typeof(string));
        table.Columns.Add("问题", typeof(string));
        foreach (var e in errors) table.Rows.Add(e.Row, ColumnName(e.Field), e.Message);
        return Xlsx(table);
    }

    public static string ColumnName(string field) =>
        ResidentImportFile.Columns.FirstOrDefault(c => c.Field == field).Header ?? (field == "file" ? "文件" : field);

    static string CacheKey(CurrentUser user, string key) => $"resident-import-report:{user.UserId}:{key}";

    internal static byte[] Xlsx(DataTable table)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: table.TableName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
