using System.Globalization;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Grids;

// 拆分网格 split a grid: a new grid of the same community takes a set of this grid's houses.
public static class SplitGrid
{
    // Code: 15 digits under the community; empty takes the community's next free grid number.
    public sealed record Request(string? Name, string? Code, long[]? HouseIds);

    public sealed record Outcome(long GridId, long NewGridId, string NewGridCode, int Moved);

    public static void Map(RouteGroupBuilder grids) =>
        grids.MapPost("/{id:long}/split", Handle).RequireAuthorization(Permissions.GridsManage)
            .WithName("Grids_Split")
            .WithSummary("Create a new grid in the same community that takes the given houses of this grid; recorded as a grid change");

    static async Task<Results<Created<Outcome>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100) errors["name"] = [Loc.T("请填写新网格名称（不超过 100 字）。", "Name the new grid (up to 100 characters).")];
        if (request.HouseIds is not { Length: > 0 }) errors["houseIds"] = [Loc.T("请选择划入新网格的房屋。", "Choose the houses for the new grid.")];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var o = await ExecuteAsync(db, time, id, request, ct);
        return o is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/grids/{o.NewGridId}", o);
    }

    /// <summary>Shared by the API and the grid page. Null when the grid or a house is not visible to the caller.</summary>
    public static async Task<Outcome?> ExecuteAsync(AppDbContext db, TimeProvider time, long gridId, Request request, CancellationToken ct)
    {
        var source = await GridAccess.FindAsync(db, gridId, ct);
        if (source is null) return null;
        GridRedraw.RequireActive(source);
        var houses = await GridRedraw.HousesAsync(db, request.HouseIds ?? [], ct);
        if (houses is null) return null;
        if (houses.Any(h => h.GridId != source.Id))
            throw new BusinessRuleException("grid.house-elsewhere", Loc.T("只能把本网格的房屋划入新网格。", "Only this grid's houses can go to the new grid."),
                StatusCodes.Status422UnprocessableEntity, "houseIds");
        var code = string.IsNullOrWhiteSpace(request.Code) ? await NextCodeAsync(db, source, ct) : request.Code.Trim();

        // The new unit goes through the Organization module's rules (code format, uniqueness, parent active).
        db.AuditAction = "Grid.Split";
        var created = await CreateOrgUnit.ExecuteAsync(db, new CreateOrgUnit.Request(source.ParentId, nameof(OrgLevel.Grid), code, request.Name!.Trim()), ct);
        if (created is null) return null;
        var target = (await GridAccess.FindAsync(db, created.Id, ct))!;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await GridRedraw.MoveAsync(db, target, houses, GridChangeKind.Split, time.GetUtcNow().UtcDateTime, ct);
        db.AuditAction = "Grid.Split";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(source.Id, target.Id, target.Code, moved);
    }

    /// <summary>The community's code plus the number after its highest grid number.</summary>
    public static async Task<string> NextCodeAsync(AppDbContext db, OrgUnit grid, CancellationToken ct)
    {
        var siblings = await db.OrgUnits.Where(u => u.ParentId == grid.ParentId && u.Level == OrgLevel.Grid).Select(u => u.Code).ToListAsync(ct);
        var highest = siblings.Select(c => int.TryParse(c.AsSpan(12), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return grid.Code[..12] + (highest + 1).ToString("000", CultureInfo.InvariantCulture);
    }
}
