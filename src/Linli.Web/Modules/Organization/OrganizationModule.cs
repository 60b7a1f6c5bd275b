using Linli.Platform.Auth;

namespace Linli.Modules.Organization;

// 组织架构 module: the org tree and departments.
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapOrgUnitsApi(this RouteGroupBuilder group)
    {
        group.WithTags("OrgUnits").RequireAuthorization(Permissions.OrgUnitsRead);
        return group;
    }

    public static RouteGroupBuilder MapDepartmentsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Departments").RequireAuthorization(Permissions.OrgUnitsRead);
        return group;
    }
}
