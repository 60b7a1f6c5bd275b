using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 死亡登记 a resident has died: no longer active (nor counted anywhere), leaves house and household.
public static class RegisterDeath
{
    public sealed record Request(DateOnly? Date, string? Note, long? NewHeadResidentId);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/{id:long}/death", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_Death")
            .WithSummary("死亡登记: status Deceased, leaves house and household (a head with other members needs newHeadResidentId)");

    static async Task<Results<Ok<GetResident.Card>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var o = await ExecuteAsync(db, time, id, request, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Ok((await GetResident.LoadAsync(db, time, id, ct))!);
    }

    public static Task<LifeEventWriter.Outcome> ExecuteAsync(AppDbContext db, TimeProvider time, long id, Request request, CancellationToken ct) =>
        LifeEventWriter.LeaveAsync(db, time, id, request.Date, null, request.Note, request.NewHeadResidentId,
            ResidentStatus.Deceased, LifeEventType.Death, "Resident.Death", ct);
}
