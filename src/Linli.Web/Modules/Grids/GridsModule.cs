using Linli.Platform.Auth;

namespace Linli.Modules.Grids;

// 网格管理 module: workers assigned to grids, workload, re-drawing grids, boundaries and the grid map.
public static class GridsModule
{
    public static IServiceCollection AddGrids(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GridOptions>(configuration.GetSection("Grids"));
        services.Configure<MapOptions>(configuration.GetSection("Map"));
        return services;
    }

    public static RouteGroupBuilder MapGridsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Grids").RequireAuthorization(Permissions.ResidentsRead);
        ListGrids.Map(group);
        GetGrid.Map(group);
        AssignWorker.Map(group);
        EndAssignment.Map(group);
        MoveHouses.Map(group);
        SplitGrid.Map(group);
        MergeGrids.Map(group);
        SaveBoundary.Map(group);
        ImportBoundaries.Map(group);
        GridMap.Map(group);
        return group;
    }

    public static RouteGroupBuilder MapWorkloadApi(this RouteGroupBuilder group)
    {
        group.WithTags("Grids").RequireAuthorization(Permissions.ResidentsRead);
        Workload.Map(group);
        return group;
    }
}

public sealed class GridOptions
{
    // 一名网格员联系约 250 户: households per worker above which the workload view flags them.
    public int WorkloadLimit { get; set; } = 250;
}

// Optional tile layer for the grid map (e.g. 天地图); without it the polygons draw on a plain background.
public sealed class MapOptions
{
    public string? TileUrl { get; set; }
    public string? TileAttribution { get; set; }
}
