using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Grids;

// 调整房屋 move houses of the same community into this grid; their households and residents follow.
public static class MoveHouses
{
    public sealed record Request([property: Required] long[]? HouseIds);

    public sealed record Outcome(long GridId, int Moved);

    public static void Map(RouteGroupBuilder grids) =>
        grids.MapPost("/{id:long}/houses", Handle).RequireAuthorization(Permissions.GridsManage)
            .WithName("Grids_MoveHouses")
            .WithSummary("Move houses (same community, visible) into this grid; households, residents, tags and history follow; recorded as a grid change");

    static async Task<Results<Ok<Outcome>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (request.HouseIds is not { Length: > 0 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["houseIds"] = [Loc.T("请选择房屋。", "Choose the houses.")] });
        return await ExecuteAsync(db, time, id, request.HouseIds, ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound();
    }

    /// <summary>Shared by the API and the grid page. Null when the grid or a house is not visible to the caller.</summary>
    public static async Task<Outcome?> ExecuteAsync(AppDbContext db, TimeProvider time, long gridId, IReadOnlyCollection<long> houseIds, CancellationToken ct)
    {
        var target = await GridAccess.FindAsync(db, gridId, ct);
        if (target is null) return null;
        GridRedraw.RequireActive(target);
        var houses = await GridRedraw.HousesAsync(db, houseIds, ct);
        if (houses is null) return null;
        await GridRedraw.RequireSameCommunityAsync(db, target, houses, ct);

        // One save per transaction: the audit chain's lock is taken at the save and held to the commit.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await GridRedraw.MoveAsync(db, target, houses, GridChangeKind.MoveHouses, time.GetUtcNow().UtcDateTime, ct);
        db.AuditAction = "Grid.MoveHouses";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(target.Id, moved);
    }
}
