using System.Data;
using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 导出居民 export the residents a search finds as .xlsx. A reason is required and the export is audit-logged with
// its filter and row count; numbers stay masked unless the caller may reveal and asks for it (reveal=true).
public static class ExportResidents
{
    const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapGet("/export", Handle)
            .WithName("Residents_Export")
            .WithSummary("Export the residents matching the search filters as .xlsx; `reason` is required; ID numbers and phones are masked unless reveal=true and the caller may reveal");

    static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> Handle([AsParameters] SearchResidents.Filter filter,
        string? reason, bool? reveal, AppDbContext db, FieldProtector protector, TimeProvider time, HttpContext http,
        IAuthorizationService authorization, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 2 || reason.Trim().Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [Loc.T("请说明导出理由（2 到 200 个字符）。", "State the reason for the export (2 to 200 characters).")] });
        var revealing = reveal == true;
        if (revealing && !(await authorization.AuthorizeAsync(http.User, Permissions.ResidentsReveal)).Succeeded) return TypedResults.Forbid();

        var table = new DataTable("居民");
        foreach (var column in (string[])["姓名", "性别", "年龄", "身份证号码", "联系电话", "所属单位", "住址", "人口类型", "状态", "标签"])
            table.Columns.Add(column, typeof(string));
        for (var page = 1; ; page++)
        {
            var (result, errors) = await SearchResidents.QueryAsync(db, protector, time, filter with { Page = page, PageSize = Linli.Platform.Api.Paging.MaxPageSize }, ct);
            if (result is null) return TypedResults.ValidationProblem(errors);
            var secrets = revealing ? await SecretsAsync(db, protector, result.Items.Select(r => r.Id).ToList(), ct) : null;
            foreach (var r in result.Items)
            {
                var plain = secrets?.GetValueOrDefault(r.Id);
                table.Rows.Add(r.Name, Labels.Of(r.Gender), r.Age.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    plain?.IdNumber ?? r.IdNumber, plain?.Phone ?? r.Phone, r.OrgUnitName, r.Address,
                    Labels.Of(r.ResidenceType), Labels.Of(r.Status), string.Join("、", r.Tags.Select(t => t.Name)));
            }
            if (result.Items.Count < Linli.Platform.Api.Paging.MaxPageSize) break;
        }

        db.AddAuditEvent("Resident.Export", nameof(Resident), null,
            after: new { reason = reason.Trim(), revealed = revealing, rows = table.Rows.Count, filter = filter with { Page = null, PageSize = null, IdNumber = Mask(filter.IdNumber), Phone = Mask(filter.Phone) } });
        await db.SaveChangesAsync(ct);
        return TypedResults.File(ImportResidents.Xlsx(table), XlsxType, "居民导出.xlsx");
    }

    // The audit log keeps no plain numbers, not even the ones searched for.
    static string? Mask(string? value) => string.IsNullOrWhiteSpace(value) ? value : "***";

    static async Task<Dictionary<long, (string? IdNumber, string? Phone)>> SecretsAsync(AppDbContext db, FieldProtector protector, List<long> ids, CancellationToken ct) =>
        (await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.IdNumberCipher, r.PhoneCipher }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => (r.IdNumberCipher is null ? null : protector.Decrypt(r.IdNumberCipher), r.PhoneCipher is null ? null : protector.Decrypt(r.PhoneCipher)));
}
