using System.Globalization;
using Linli.Data;
using Linli.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;

namespace Linli.Modules.Organization;

// 导入组织架构 import a tree (or a branch) from .xlsx/.csv. Every row is checked first; one bad row rejects the file.
public static class ImportOrgUnits
{
    public sealed record RowError(int Row, string Field, string Message);

    public sealed record Result(int Imported, IReadOnlyList<RowError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    // A unit the file can hang rows under: an existing visible one, or an earlier row of the file.
    sealed record Node(long? Id, OrgLevel Level, string Code, string? OrgPath, bool Active, int Row);

    public sealed record Summary(int Imported);

    public static void Map(RouteGroupBuilder units) =>
        units.MapPost("/import", Handle)
            .DisableAntiforgery() // bearer clients have no antiforgery token; cookie callers are checked in Handle
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("OrgUnits_Import")
            .WithSummary("Import units from a multipart `file` (.xlsx, or .csv in UTF-8 or GBK); 422 with errors [{row, field, message}] and nothing imported when any row is bad");

    static async Task<Results<Ok<Summary>, ProblemHttpResult, ValidationProblem>> Handle(
        IFormFile? file, HttpContext http, IAntiforgery antiforgery, IMemoryCache cache, AppDbContext db, CancellationToken ct)
    {
        if (await FormPostCheck.RefuseStaleFormAsync(http, antiforgery) is { } stale) return stale;
        if (file is null || file.Length == 0)
            return TypedResults.ValidationProblem(RequestValidation.Error("file", Loc.T("请选择要导入的文件。", "Choose a file to import.")));
        if (file.Length > OrgImportFile.MaxBytes)
            return TypedResults.ValidationProblem(RequestValidation.Error("file", Loc.T("文件不能超过 5 MB。", "The file must be at most 5 MB.")));

        await using var stream = file.OpenReadStream();
        var result = await ExecuteAsync(db, stream, file.FileName, ct);
        if (result.Succeeded) return TypedResults.Ok(new Summary(result.Imported));
        var key = OrgImportDownloads.StoreReport(cache, db.CurrentUser, result.Errors);
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
            title: Loc.T($"导入未执行：{result.Errors.Count} 处错误，所有行均未导入。", $"Nothing imported: {result.Errors.Count} errors."),
            type: "https://linli.dev/problems/org.import-invalid",
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors, ["report"] = OrgImportDownloads.ReportUrl(key) });
    }

    /// <summary>
    /// <c>Linli.Web import-org FILE</c>: the first tree of a real installation, root city included, which no account
    /// can create through the API (accounts are bound below the root). Runs in the CLI's system scope.
    /// </summary>
    public static async Task<int> RunCliAsync(AppDbContext db, string[] args)
    {
        if (args.Length < 2 || !File.Exists(args[1]))
        {
            Console.Error.WriteLine("import-org FILE.xlsx|FILE.csv  (columns 代码, 名称, 层级, 上级代码, 排序)");
            return 2;
        }
        await using var stream = File.OpenRead(args[1]);
        var result = await ExecuteAsync(db, stream, args[1], CancellationToken.None);
        foreach (var e in result.Errors) Console.Error.WriteLine($"row {e.Row}, {e.Field}: {e.Message}");
        if (result.Succeeded) Console.WriteLine($"Imported {result.Imported} org units.");
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>Shared by the API and the import page. Nothing is written unless every row is valid.</summary>
    public static async Task<Result> ExecuteAsync(AppDbContext db, Stream stream, string fileName, CancellationToken ct)
    {
        List<OrgImportFile.Row> rows;
        try
        {
            rows = await OrgImportFile.ReadAsync(stream, fileName, ct);
        }
        catch (FormatException e)
        {
            return new Result(0, [new RowError(0, "file", e.Message)]);
        }

        await using var write = await OrgWriteLock.BeginAsync(db, ct);
        var codes = rows.Select(r => r.Code).Where(c => c.Length > 0).ToList();
        var taken = await write.CodesInUseAsync(codes, ct);
        var parentCodes = rows.Select(r => r.ParentCode).Where(c => c.Length > 0).Distinct().ToList();
        // Scoped: a parent outside the caller's subtree is "unknown", exactly like one that does not exist.
        var existing = await db.OrgUnits.AsNoTracking().Where(u => parentCodes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => new Node(u.Id, u.Level, u.Code, u.OrgPath, u.Active, 0), ct);

        var errors = new List<RowError>();
        var inFile = new Dictionary<string, Node>();
        var valid = new List<(OrgImportFile.Row Row, OrgLevel Level, Node? Parent, int Sort)>();
        foreach (var row in rows)
        {
            var before = errors.Count;
            void Fail(string field, string message) => errors.Add(new RowError(row.Number, field, message));

            if (row.Name.Length == 0) Fail("name", string.Format(CultureInfo.CurrentCulture, ValidationText.Required, Loc.T("名称", "name")));
            else if (row.Name.Length > 100) Fail("name", string.Format(CultureInfo.CurrentCulture, ValidationText.StringLength, Loc.T("名称", "name"), 100));
            var sort = 0;
            if (row.SortOrder.Length > 0 && !int.TryParse(row.SortOrder, NumberStyles.Integer, CultureInfo.InvariantCulture, out sort))
                Fail("sortOrder", Loc.T("排序须为整数。", "Sort order must be a whole number."));
            var level = OrgLevels.Parse(row.Level);
            if (level is null) Fail("level", Loc.T("层级应为 市/区/街道/社区/网格 之一。", "Level must be one of City, District, Street, Community, Grid."));

            var duplicate = false;
            if (row.Code.Length == 0) Fail("code", string.Format(CultureInfo.CurrentCulture, ValidationText.Required, Loc.T("代码", "code")));
            else if (inFile.TryGetValue(row.Code, out var first)) { duplicate = true; Fail("code", Loc.T($"代码与第 {first.Row} 行重复。", $"Same code as row {first.Row}.")); }
            else if (taken.Contains(row.Code)) { duplicate = true; Fail("code", Loc.T($"代码 {row.Code} 已被现有单位使用。", $"Code {row.Code} is already used by an existing unit.")); }

            Node? parent = null;
            if (row.ParentCode.Length == 0)
            {
                if (level is not null and not OrgLevel.City) Fail("parentCode", Loc.T("请填写上级代码。", "Parent code is required."));
                else if (level == OrgLevel.City && db.CurrentUser.ScopePath != "/")
                    Fail("parentCode", Loc.T("只有全市范围的账号可以导入顶级单位。", "Only a whole-system account can import top-level units."));
            }
            else if ((inFile.GetValueOrDefault(row.ParentCode) ?? existing.GetValueOrDefault(row.ParentCode)) is { } p)
            {
                parent = p;
                if (!p.Active) Fail("parentCode", Loc.T($"上级单位 {p.Code} 已停用。", $"Parent unit {p.Code} is deactivated."));
            }
            else Fail("parentCode", Loc.T($"上级代码 {row.ParentCode} 不存在（须为已有单位或本文件中更早的行）。",
                $"Parent code {row.ParentCode} is unknown (it must be an existing unit or an earlier row of this file)."));

            if (level is { } l && (parent is not null || row.ParentCode.Length == 0))
            {
                if (row.ParentCode.Length > 0 && OrgCodes.CheckNesting(l, parent!.Level) is { } nesting) Fail("level", nesting);
                else if (row.Code.Length > 0 && !duplicate && OrgCodes.Check(l, row.Code, parent?.Code) is { } bad) Fail("code", bad);
            }

            // Registered even when the row is bad, so its children are not also reported as orphans.
            if (level is not null && row.Code.Length > 0 && !inFile.ContainsKey(row.Code))
                inFile[row.Code] = new Node(null, level.Value, row.Code, null, true, row.Number);
            if (errors.Count == before) valid.Add((row, level!.Value, parent, sort));
        }
        if (errors.Count > 0) return new Result(0, errors);

        var created = new Dictionary<string, OrgUnit>();
        foreach (var (row, level, parent, sort) in valid)
        {
            var id = await write.NextIdAsync(ct);
            var parentUnit = parent is null ? null : created.GetValueOrDefault(parent.Code);
            var parentId = parentUnit?.Id ?? parent?.Id;
            var path = $"{parentUnit?.OrgPath ?? parent?.OrgPath ?? "/"}{id}/";
            var unit = new OrgUnit { Id = id, ParentId = parentId, Level = level, Code = row.Code, Name = row.Name, SortOrder = sort, OrgPath = path };
            created[row.Code] = unit;
            db.OrgUnits.Add(unit);
        }
        db.AuditAction = "OrgUnit.Import";
        await write.CommitAsync(ct);
        return new Result(created.Count, []);
    }
}
