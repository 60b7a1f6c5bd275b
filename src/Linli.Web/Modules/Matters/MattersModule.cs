using Linli.Modules.Matters.Calendar;
using Linli.Modules.Matters.Categories;
using Linli.Platform.Auth;

namespace Linli.Modules.Matters;

// 民情诉求 module: matters, their routing configuration (category tree) and the working calendar their deadlines run on.
public static class MattersModule
{
    public static IServiceCollection AddMatters(this IServiceCollection services, IConfiguration configuration)
    {
        WorkingTime.ParseHours(configuration["Matters:WorkingHours"] ?? WorkingTime.DefaultHours); // fail at startup, not at the first deadline
        services.AddMemoryCache();
        services.AddScoped<WorkCalendar>();
        return services;
    }

    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder group)
    {
        group.WithTags("Matters").RequireAuthorization(Permissions.MattersConfigRead);
        CalendarYear.Map(group);
        return group;
    }

    public static RouteGroupBuilder MapMatterCategoriesApi(this RouteGroupBuilder group)
    {
        group.WithTags("Matters").RequireAuthorization(Permissions.MattersConfigRead);
        MatterCategories.Map(group);
        return group;
    }
}
