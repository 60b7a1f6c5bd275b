using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 登记居民 register a resident: in a house (and optionally a household) or, without a house, in a community or grid.
public static class CreateResident
{
    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_Create")
            .WithSummary("Register a resident; the ID number is checked (GB 11643) and must be new to the city");

    static async Task<Results<Created<GetResident.Card>, NotFound, ValidationProblem>> Handle(ResidentForm form, AppDbContext db,
        FieldProtector protector, TimeProvider time, CancellationToken ct)
    {
        var outcome = await ResidentWriter.SaveAsync(db, protector, time, null, form, ct);
        if (outcome.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (outcome.NotFound) return TypedResults.NotFound();
        var card = await GetResident.LoadAsync(db, time, outcome.Resident!.Id, ct);
        return TypedResults.Created($"/api/v1/residents/{outcome.Resident.Id}", card!);
    }
}
