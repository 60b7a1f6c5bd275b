using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Grids;

// 分配网格员 assign a grid worker or community worker of the grid's community to the grid (包片联户, 定人定责).
public static class AssignWorker
{
    public sealed record Request(string? UserId, string? Duty, DateOnly? StartDate);

    public static void Map(RouteGroupBuilder grids) =>
        grids.MapPost("/{id:long}/workers", Handle).RequireAuthorization(Permissions.GridsManage)
            .WithName("Grids_AssignWorker")
            .WithSummary("Assign a worker (duty Leader 网格长 | Member 网格员 | Caseworker 包片社工); one running leader per grid, else 422");

    static async Task<Results<Created<GetGrid.Assignment>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserId)) errors["userId"] = [Loc.T("请选择人员。", "Choose a person.")];
        if (Labels.Parse<GridDuty>(request.Duty) is null) errors["duty"] = [Labels.Expected<GridDuty>()];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var created = await ExecuteAsync(db, time, id, request, ct);
        return created is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/grids/{id}", created);
    }

    /// <summary>Shared by the API and the grid page. Null when the grid is not visible to the caller.</summary>
    public static async Task<GetGrid.Assignment?> ExecuteAsync(AppDbContext db, TimeProvider time, long gridId, Request request, CancellationToken ct)
    {
        var grid = await GridAccess.FindAsync(db, gridId, ct);
        if (grid is null) return null;
        if (!grid.Active)
            throw new BusinessRuleException("grid.inactive", Loc.T("该网格已停用。", "This grid is deactivated."), StatusCodes.Status422UnprocessableEntity);
        var duty = Labels.Parse<GridDuty>(request.Duty) ?? GridDuty.Member;
        // One answer whether the account is elsewhere, of another role or unknown: nothing about others' accounts leaks.
        var user = await GridAccess.CandidateUsers(db, grid).AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, ct)
            ?? throw new BusinessRuleException("grid.worker-ineligible", Loc.T("只能分配本社区或本网格的网格员、社区工作者。",
                "Only grid workers and community workers of this community or grid can be assigned."), StatusCodes.Status422UnprocessableEntity, "userId");
        var running = await db.GridAssignments.Where(a => a.GridId == gridId && a.EndDate == null).ToListAsync(ct);
        if (running.Any(a => a.UserId == user.Id))
            throw new BusinessRuleException("grid.worker-assigned", Loc.T($"{user.DisplayName}已在本网格任职。", $"{user.DisplayName} already works on this grid."),
                StatusCodes.Status422UnprocessableEntity, "userId");
        if (duty == GridDuty.Leader && running.Any(a => a.Duty == GridDuty.Leader))
            throw new BusinessRuleException("grid.leader-exists", Loc.T("本网格已有网格长（责任人），请先结束其任职。",
                "This grid already has a responsible person; end that assignment first."), StatusCodes.Status422UnprocessableEntity, "duty");

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var a = new GridAssignment { GridId = grid.Id, UserId = user.Id, Duty = duty, StartDate = request.StartDate ?? today, OrgPath = grid.OrgPath };
        db.GridAssignments.Add(a);
        db.AuditAction = "Grid.AssignWorker";
        await db.SaveChangesAsync(ct);
        return new GetGrid.Assignment(a.Id, a.UserId, user.DisplayName, a.Duty, a.StartDate, a.EndDate);
    }
}
