using System.Globalization;
using System.Reflection;
using Linli.Data;
using Linli.Platform.OrgScope;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Organization;

// 调整隶属 move a unit with its whole subtree, and everything scoped to it, under a new parent.
public static class MoveOrgUnit
{
    public sealed record Request(long NewParentId);

    public sealed record Outcome(GetOrgUnit.View Unit, int UnitsMoved, int UsersMoved, int OtherRowsMoved);

    public static void Map(RouteGroupBuilder units) =>
        units.MapPost("/{id:long}/move", Handle)
            .WithName("OrgUnits_Move")
            .WithSummary("Move a unit and its subtree under a new parent of the level above; paths and codes follow, in one transaction");

    static async Task<Results<Ok<GetOrgUnit.View>, NotFound>> Handle(long id, Request request, AppDbContext db, CancellationToken ct) =>
        await ExecuteAsync(db, id, request.NewParentId, ct) is { } outcome ? TypedResults.Ok(outcome.Unit) : TypedResults.NotFound();

    /// <summary>Shared by the API and the unit page. Null when the unit or the new parent is not visible to the caller.</summary>
    public static async Task<Outcome?> ExecuteAsync(AppDbContext db, long id, long newParentId, CancellationToken ct)
    {
        await using var write = await OrgWriteLock.BeginAsync(db, ct);
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        var parent = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == newParentId, ct);
        if (unit is null || parent is null) return null;
        if (parent.Id == unit.ParentId)
            return new Outcome((await GetOrgUnit.FindAsync(db, id, ct))!, 0, 0, 0);

        if (parent.OrgPath.StartsWith(unit.OrgPath, StringComparison.Ordinal))
            throw Rule("org.move-into-self", Loc.T("不能移到自身或其下级单位之下。", "A unit cannot move under itself or its own subtree."));
        if (OrgCodes.CheckNesting(unit.Level, parent.Level) is { } nesting)
            throw Rule("org.nesting", nesting);
        if (!parent.Active)
            throw Rule("org.parent-inactive", Loc.T("目标上级单位已停用。", "The new parent unit is deactivated."));

        var oldPath = unit.OrgPath;
        var newPath = $"{parent.OrgPath}{unit.Id}/";
        var codes = await db.OrgUnits.AsNoTracking().Where(u => u.OrgPath.StartsWith(oldPath)).Select(u => u.Code).ToListAsync(ct);
        var recoded = codes.Select(c => OrgCodes.Recode(c, parent.Code, parent.Level)).ToList();
        if ((await write.CodesInUseAsync(recoded, ct)).FirstOrDefault() is { } taken)
            throw Rule("org.code-taken", Loc.T($"移动后的代码 {taken} 已被其他单位使用。", $"After the move, code {taken} would collide with an existing unit."));

        var prefixLength = OrgCodes.SignificantLength(parent.Level);
        var newPrefix = parent.Code[..prefixLength];
        var unitsMoved = await db.OrgUnits.Where(u => u.OrgPath.StartsWith(oldPath)).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.OrgPath, u => newPath + u.OrgPath.Substring(oldPath.Length))
            .SetProperty(u => u.Code, u => newPrefix + u.Code.Substring(prefixLength)), ct);
        await db.OrgUnits.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ParentId, parent.Id), ct);
        var usersMoved = await db.Users.Where(u => u.OrgPath.StartsWith(oldPath))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.OrgPath, u => newPath + u.OrgPath.Substring(oldPath.Length)), ct);
        var otherRows = 0;
        foreach (var type in ScopedTypes(db))
            otherRows += await (Task<int>)RewriteMethod.MakeGenericMethod(type).Invoke(null, [db, oldPath, newPath, ct])!;
        await Linli.Platform.Generation.Rollups.MoveSubtreeAsync(db, oldPath, newPath, ct);   // the dashboards' figures follow

        db.AddAuditEvent("OrgUnit.Move", nameof(OrgUnit), unit.Id.ToString(CultureInfo.InvariantCulture),
            before: new { unit.ParentId, unit.Code, OrgPath = oldPath },
            after: new { ParentId = parent.Id, Code = OrgCodes.Recode(unit.Code, parent.Code, parent.Level), OrgPath = newPath, UnitsMoved = unitsMoved, UsersMoved = usersMoved, OtherRowsMoved = otherRows });
        await write.CommitAsync(ct);
        return new Outcome((await GetOrgUnit.FindAsync(db, id, ct))!, unitsMoved, usersMoved, otherRows);
    }

    static BusinessRuleException Rule(string code, string message) => new(code, message, StatusCodes.Status409Conflict, "newParentId");

    // Every other IOrgScoped entity (departments today, residents and the rest as modules add them) follows the move
    // without this slice having to know it.
    static IEnumerable<Type> ScopedTypes(AppDbContext db) => db.Model.GetEntityTypes()
        .Select(t => t.ClrType)
        .Where(t => typeof(IOrgScoped).IsAssignableFrom(t) && t != typeof(OrgUnit))
        .Distinct();

    static readonly MethodInfo RewriteMethod = typeof(MoveOrgUnit).GetMethod(nameof(RewritePathsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    static Task<int> RewritePathsAsync<T>(AppDbContext db, string oldPath, string newPath, CancellationToken ct) where T : class, IOrgScoped =>
        db.Set<T>().Where(e => e.OrgPath.StartsWith(oldPath))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.OrgPath, e => newPath + e.OrgPath.Substring(oldPath.Length)), ct);
}
