using System.Text.Json;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Grids;

// 设置网格边界 store a grid's boundary (GeoJSON Polygon or MultiPolygon, or a Feature holding one).
public static class SaveBoundary
{
    public sealed record View(long GridId, JsonElement Geometry, DateTime UpdatedAt);

    public static void Map(RouteGroupBuilder grids)
    {
        grids.MapPut("/{id:long}/boundary", Handle).RequireAuthorization(Permissions.GridsManage)
            .WithName("Grids_SetBoundary")
            .WithSummary("Set the grid's boundary: a GeoJSON Polygon/MultiPolygon (or a Feature with one), lon/lat, at most 200 KB; else 400");
        grids.MapGet("/{id:long}/boundary", Get)
            .WithName("Grids_GetBoundary").WithSummary("The grid's boundary geometry; 404 when it has none");
    }

    static async Task<Results<Ok<View>, NotFound, ValidationProblem>> Handle(long id, JsonElement body, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var grid = await GridAccess.FindAsync(db, id, ct);
        if (grid is null) return TypedResults.NotFound();
        var (geometry, error) = GeoJsonShape.Check(body);
        if (error is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["boundary"] = [error] });
        var saved = await StoreAsync(db, time, grid, geometry!, "Grid.SetBoundary", ct);
        return TypedResults.Ok(saved);
    }

    static async Task<Results<Ok<View>, NotFound>> Get(long id, AppDbContext db, CancellationToken ct)
    {
        var b = await db.GridBoundaries.AsNoTracking().SingleOrDefaultAsync(x => x.GridId == id, ct);
        return b is null ? TypedResults.NotFound() : TypedResults.Ok(ToView(b));
    }

    /// <summary>Creates or replaces the boundary of a visible grid with a checked geometry, and saves.</summary>
    public static async Task<View> StoreAsync(AppDbContext db, TimeProvider time, OrgUnit grid, string geometry, string action, CancellationToken ct)
    {
        var b = Upsert(db, time, grid, geometry, await db.GridBoundaries.SingleOrDefaultAsync(x => x.GridId == grid.Id, ct));
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
        return ToView(b);
    }

    public static GridBoundary Upsert(AppDbContext db, TimeProvider time, OrgUnit grid, string geometry, GridBoundary? existing)
    {
        var b = existing ?? db.GridBoundaries.Add(new GridBoundary { GridId = grid.Id, GeoJson = geometry }).Entity;
        (b.GeoJson, b.OrgPath, b.UpdatedAt) = (geometry, grid.OrgPath, time.GetUtcNow().UtcDateTime);
        return b;
    }

    static View ToView(GridBoundary b) => new(b.GridId, JsonDocument.Parse(b.GeoJson).RootElement.Clone(), b.UpdatedAt);
}
