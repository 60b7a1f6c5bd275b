using System.Data;
using System.Security.Cryptography;
using Linli.Platform.OrgScope;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using MiniExcelLibs;

namespace Linli.Modules.Organization;

// 导入模板与错误报告 the import template and the row-by-row error report, both as .xlsx downloads.
public static class OrgImportDownloads
{
    const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static readonly TimeSpan ReportLifetime = TimeSpan.FromMinutes(30);

    public const string TemplateUrl = "/api/v1/org-units/import/template";

    public static string ReportUrl(string key) => $"/api/v1/org-units/import/reports/{key}";

    public static void Map(RouteGroupBuilder units)
    {
        units.MapGet("/import/template", Template)
            .WithName("OrgUnits_ImportTemplate")
            .WithSummary("The import template (.xlsx) with the column headers 代码, 名称, 层级, 上级代码, 排序");
        units.MapGet("/import/reports/{key}", Report)
            .WithName("OrgUnits_ImportReport")
            .WithSummary("The error report (.xlsx) of a rejected import, for 30 minutes, to the user who ran it");
    }

    static FileContentHttpResult Template()
    {
        var table = new DataTable("组织架构");
        foreach (var column in OrgImportFile.Columns) table.Columns.Add(column, typeof(string));
        return TypedResults.File(Xlsx(table), XlsxType, "组织架构导入模板.xlsx");
    }

    static Results<FileContentHttpResult, NotFound> Report(string key, IMemoryCache cache, CurrentUser user) =>
        cache.TryGetValue(CacheKey(user, key), out IReadOnlyList<ImportOrgUnits.RowError>? errors) && errors is not null
            ? TypedResults.File(ReportXlsx(errors), XlsxType, "组织架构导入错误报告.xlsx")
            : TypedResults.NotFound();

    /// <summary>Keeps the report for its author only; returns the random key of its download link.</summary>
    public static string StoreReport(IMemoryCache cache, CurrentUser user, IReadOnlyList<ImportOrgUnits.RowError> errors)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cache.Set(CacheKey(user, key), errors, ReportLifetime);
        return key;
    }

    public static byte[] ReportXlsx(IReadOnlyList<ImportOrgUnits.RowError> errors)
    {
        var table = new DataTable("错误报告");
        table.Columns.Add("行号", typeof(int));
        table.Columns.Add("列", typeof(string));
        table.Columns.Add("问题", typeof(string));
        foreach (var e in errors) table.Rows.Add(e.Row, FieldName(e.Field), e.Message);
        return Xlsx(table);
    }

    public static string FieldName(string field) => field switch
    {
        "code" => Loc.T("代码", "Code"),
        "name" => Loc.T("名称", "Name"),
        "level" => Loc.T("层级", "Level"),
        "parentCode" => Loc.T("上级代码", "Parent code"),
        "sortOrder" => Loc.T("排序", "Sort order"),
        _ => Loc.T("文件", "File"),
    };

    static string CacheKey(CurrentUser user, string key) => $"org-import-report:{user.UserId}:{key}";

    static byte[] Xlsx(DataTable table)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: table.TableName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
