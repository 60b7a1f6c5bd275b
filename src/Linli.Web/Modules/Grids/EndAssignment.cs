using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Grids;

// 结束任职 end an assignment: it stays as history with its end date.
public static class EndAssignment
{
    public static void Map(RouteGroupBuilder grids) =>
        grids.MapDelete("/{id:long}/workers/{assignmentId:long}", Handle).RequireAuthorization(Permissions.GridsManage)
            .WithName("Grids_EndAssignment")
            .WithSummary("End an assignment (kept as history with its end date); ending an ended one changes nothing");

    static async Task<Results<Ok<GetGrid.Assignment>, NotFound>> Handle(long id, long assignmentId, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await ExecuteAsync(db, time, id, assignmentId, ct) is { } a ? TypedResults.Ok(a) : TypedResults.NotFound();

    public static async Task<GetGrid.Assignment?> ExecuteAsync(AppDbContext db, TimeProvider time, long gridId, long assignmentId, CancellationToken ct)
    {
        var a = await db.GridAssignments.SingleOrDefaultAsync(x => x.Id == assignmentId && x.GridId == gridId, ct);
        if (a is null) return null;
        if (a.EndDate is null)
        {
            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            a.EndDate = today < a.StartDate ? a.StartDate : today;
            db.AuditAction = "Grid.EndAssignment";
            await db.SaveChangesAsync(ct);
        }
        var name = await db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        return new GetGrid.Assignment(a.Id, a.UserId, name, a.Duty, a.StartDate, a.EndDate);
    }
}
