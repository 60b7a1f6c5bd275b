using Linli.Platform.Auth;

namespace Linli.Modules.Organization;

// 组织架构 module: the org tree and departments.
public static class OrganizationModule
{
    // The import error report is kept in memory for its download link.
    public static IServiceCollection AddOrganization(this IServiceCollection services) => services.AddMemoryCache();

    public static RouteGroupBuilder MapOrgUnitsApi(this RouteGroupBuilder group)
    {
        group.WithTags("OrgUnits").RequireAuthorization(Permissions.OrgUnitsRead);
        ListOrgUnits.Map(group);
        GetOrgUnit.Map(group);

        var manage = group.MapGroup("").RequireAuthorization(Permissions.OrgUnitsManage);
        CreateOrgUnit.Map(manage);
        UpdateOrgUnit.Map(manage);
        MoveOrgUnit.Map(manage);
        DeactivateOrgUnit.Map(manage);
        ImportOrgUnits.Map(manage);
        OrgImportDownloads.Map(manage);
        return group;
    }

    public static RouteGroupBuilder MapDepartmentsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Departments").RequireAuthorization(Permissions.OrgUnitsRead);
        ListDepartments.Map(group);
        GetDepartment.Map(group);
        CreateDepartment.Map(group);
        UpdateDepartment.Map(group);
        DeactivateDepartment.Map(group);
        return group;
    }
}
