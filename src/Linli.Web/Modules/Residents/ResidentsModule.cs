using Linli.Platform.Auth;

namespace Linli.Modules.Residents;

// 人口与户籍 module: buildings → houses → households → residents, key-population tags, protected personal data.
public static class ResidentsModule
{
    public static IServiceCollection AddResidents(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapResidentsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Residents").RequireAuthorization(Permissions.ResidentsRead);
        SearchResidents.Map(group);
        GetResident.Map(group);
        CreateResident.Map(group);
        UpdateResident.Map(group);
        ImportResidents.Map(group);
        ExportResidents.Map(group);
        RevealResident.Map(group);
        AddResidentTag.Map(group);
        UpdateResidentTag.Map(group);
        RemoveResidentTag.Map(group);
        MoveOutResident.Map(group);      // 户籍变动 (LifeEvents/)
        MoveInResident.Map(group);
        MoveResident.Map(group);
        RegisterDeath.Map(group);
        ListResidentEvents.Map(group);
        ListDuplicates.Map(group);
        GetDuplicateCase.Map(group);
        ResolveDuplicateCase.Map(group);
        MergeResidents.Map(group);
        return group;
    }

    public static RouteGroupBuilder MapResidentTagsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Residents"); // each endpoint names its policy: the system admin manages tags but reads no residents
        ListTagDefinitions.Map(group);
        CreateTagDefinition.Map(group);
        UpdateTagDefinition.Map(group);
        return group;
    }

    public static RouteGroupBuilder MapBuildingsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Buildings").RequireAuthorization(Permissions.ResidentsRead);
        ListBuildings.Map(group);
        GetBuilding.Map(group);
        GetBuildingLayout.Map(group);
        SaveBuilding.Map(group);
        DeleteBuilding.Map(group);
        return group;
    }

    public static RouteGroupBuilder MapHousesApi(this RouteGroupBuilder group)
    {
        group.WithTags("Houses").RequireAuthorization(Permissions.ResidentsRead);
        ListHouses.Map(group);
        GetHouse.Map(group);
        SaveHouse.Map(group);
        DeleteHouse.Map(group);
        return group;
    }

    public static RouteGroupBuilder MapHouseholdsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Households").RequireAuthorization(Permissions.ResidentsRead);
        ListHouseholds.Map(group);
        GetHousehold.Map(group);
        SaveHousehold.Map(group);
        DeleteHousehold.Map(group);
        RegisterBirth.Map(group);        // 户籍变动 (LifeEvents/)
        SplitHousehold.Map(group);
        ChangeHouseholdHead.Map(group);
        return group;
    }

    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Stats").RequireAuthorization(Permissions.ResidentsRead);
        PopulationStats.Map(group);
        return group;
    }
}
