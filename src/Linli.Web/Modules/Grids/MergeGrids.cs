using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Grids;

// 合并网格 merge grid B into this grid A: B's houses move to A, B's assignments end, B is deactivated (never deleted).
public static class MergeGrids
{
    public sealed record Request(long? GridId);

    public sealed record Outcome(long GridId, long MergedGridId, int Moved, int AssignmentsEnded);

    public static void Map(RouteGroupBuilder grids) =>
        grids.MapPost("/{id:long}/merge", Handle).RequireAuthorization(Permissions.GridsManage)
            .WithName("Grids_Merge")
            .WithSummary("Merge grid {gridId} of the same community into this one: its houses move here, its assignments end, it is deactivated");

    static async Task<Results<Ok<Outcome>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (request.GridId is not { } other)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["gridId"] = [Loc.T("请选择要并入的网格。", "Choose the grid to merge in.")] });
        return await ExecuteAsync(db, time, id, other, ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound();
    }

    /// <summary>Shared by the API and the grid page. Null when either grid is not visible to the caller.</summary>
    public static async Task<Outcome?> ExecuteAsync(AppDbContext db, TimeProvider time, long gridId, long mergedId, CancellationToken ct)
    {
        var target = await GridAccess.FindAsync(db, gridId, ct);
        var merged = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == mergedId && u.Level == Organization.OrgLevel.Grid, ct);
        if (target is null || merged is null) return null;
        if (target.Id == merged.Id || target.ParentId != merged.ParentId)
            throw new BusinessRuleException("grid.merge-invalid", Loc.T("只能合并同一社区的另一个网格。", "Only another grid of the same community can be merged in."),
                StatusCodes.Status422UnprocessableEntity, "gridId");
        GridRedraw.RequireActive(target);
        GridRedraw.RequireActive(merged);

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var houses = await db.Houses.Where(h => h.GridId == merged.Id).ToListAsync(ct);
        var moved = await GridRedraw.MoveAsync(db, target, houses, GridChangeKind.Merge, now, ct);
        if (moved == 0) // an empty grid merged in still leaves a trace on both grids
            db.GridChanges.Add(new GridChange { Kind = GridChangeKind.Merge, FromGridId = merged.Id, ToGridId = target.Id, UserName = db.CurrentUser.UserName,
                At = now, OrgPath = GridRedraw.ParentPath(target.OrgPath) });
        var running = await db.GridAssignments.Where(a => a.GridId == merged.Id && a.EndDate == null).ToListAsync(ct);
        foreach (var a in running) a.EndDate = today < a.StartDate ? a.StartDate : today;
        merged.Active = false;
        db.AuditAction = "Grid.Merge";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(target.Id, merged.Id, moved, running.Count);
    }
}
