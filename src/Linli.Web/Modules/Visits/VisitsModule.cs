using Linli.Platform.Auth;

namespace Linli.Modules.Visits;

// 走访 module: household visits from the phone, the rules of how often, the due list, and the ledgers made from them.
public static class VisitsModule
{
    public static IServiceCollection AddVisits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VisitOptions>(configuration.GetSection("Visits"));
        return services;
    }

    public static RouteGroupBuilder MapVisitsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Visits").RequireAuthorization(Permissions.VisitsRead);
        ListVisits.Map(group);
        DueVisits.Map(group);
        VisitCoverage.Map(group);
        GetVisit.Map(group);
        RecordVisit.Map(group);
        VisitPhotos.Map(group);
        return group;
    }

    public static RouteGroupBuilder MapLedgersApi(this RouteGroupBuilder group)
    {
        group.WithTags("Ledgers").RequireAuthorization(Permissions.VisitsRead);
        LedgerCatalog.Map(group);
        return group;
    }
}
