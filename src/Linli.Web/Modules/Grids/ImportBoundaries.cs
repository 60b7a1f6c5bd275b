using System.Globalization;
using System.Text.Json;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Grids;

// 导入网格边界 a GeoJSON FeatureCollection for one community: each feature's code property (the grid's 15-digit code
// or its 3-digit number) names its grid. Matched features are stored; the rest come back with the reason.
public static class ImportBoundaries
{
    public const int MaxChars = 5_000_000;

    public sealed record Unmatched(int Feature, string? Code, string Reason);

    public sealed record Outcome(int Matched, IReadOnlyList<Unmatched> Unmatched);

    public static void Map(RouteGroupBuilder grids) =>
        grids.MapPost("/boundaries", Handle).RequireAuthorization(Permissions.GridsManage)
            .WithName("Grids_ImportBoundaries")
            .WithSummary("Import a FeatureCollection for the community orgUnitId; features match grids by the property codeProperty (default \"code\"); unmatched features are reported");

    static async Task<Results<Ok<Outcome>, NotFound, ValidationProblem>> Handle(long orgUnitId, string? codeProperty, JsonElement body,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (Problem(body) is { } problem) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [problem] });
        var o = await ExecuteAsync(db, time, orgUnitId, codeProperty, body, ct);
        return o is null ? TypedResults.NotFound() : TypedResults.Ok(o);
    }

    /// <summary>Why the document is not a FeatureCollection we take; null when it is.</summary>
    public static string? Problem(JsonElement doc)
    {
        if (doc.ValueKind != JsonValueKind.Object || !doc.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String
            || t.GetString() != "FeatureCollection" || !doc.TryGetProperty("features", out var f) || f.ValueKind != JsonValueKind.Array)
            return Loc.T("文件应为 GeoJSON FeatureCollection。", "The file must be a GeoJSON FeatureCollection.");
        return doc.GetRawText().Length > MaxChars ? Loc.T($"文件超过 {MaxChars / 1_000_000} MB。", $"The file exceeds {MaxChars / 1_000_000} MB.") : null;
    }

    /// <summary>Shared by the API and the grid page. Null when the community is not visible to the caller.</summary>
    public static async Task<Outcome?> ExecuteAsync(AppDbContext db, TimeProvider time, long communityId, string? codeProperty, JsonElement doc, CancellationToken ct)
    {
        var community = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == communityId, ct);
        if (community is null) return null;
        if (community.Level != OrgLevel.Community)
            throw new BusinessRuleException("grid.import-level", Loc.T("请选择一个社区导入其网格边界。", "Choose a community to import its grid boundaries."),
                StatusCodes.Status422UnprocessableEntity, "orgUnitId");
        var property = string.IsNullOrWhiteSpace(codeProperty) ? "code" : codeProperty.Trim();
        var grids = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == community.Id && u.Level == OrgLevel.Grid && u.Active).ToListAsync(ct);
        var gridIds = grids.Select(g => g.Id).ToList();
        var existing = await db.GridBoundaries.Where(b => gridIds.Contains(b.GridId)).ToDictionaryAsync(b => b.GridId, ct);

        var unmatched = new List<Unmatched>();
        var done = new HashSet<long>();
        var index = 0;
        foreach (var feature in doc.GetProperty("features").EnumerateArray())
        {
            index++;
            var code = Code(feature, property);
            var grid = code is null ? null : grids.FirstOrDefault(g => g.Code == code || g.Code.EndsWith(code.PadLeft(3, '0'), StringComparison.Ordinal) && code.Length <= 3);
            var (geometry, error) = GeoJsonShape.Check(feature);
            string? reason = code is null ? Loc.T($"缺少属性 {property}。", $"No property {property}.")
                : grid is null ? Loc.T($"本社区没有代码为 {code} 的网格。", $"No grid coded {code} in this community.")
                : error ?? (!done.Add(grid.Id) ? Loc.T("同一网格出现多次，只取第一个。", "The grid appears more than once; the first one is kept.") : null);
            if (reason is not null) { unmatched.Add(new Unmatched(index, code, reason)); continue; }
            existing[grid!.Id] = SaveBoundary.Upsert(db, time, grid, geometry!, existing.GetValueOrDefault(grid.Id));
        }
        if (done.Count > 0)
        {
            db.AuditAction = "Grid.ImportBoundaries";
            await db.SaveChangesAsync(ct);
        }
        return new Outcome(index - unmatched.Count, unmatched);
    }

    static string? Code(JsonElement feature, string property)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object
            || !p.TryGetProperty(property, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()?.Trim() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }
}
