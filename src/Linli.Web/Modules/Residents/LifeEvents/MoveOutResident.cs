using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 迁出 a resident moves away: no longer active, leaves house and household; the record stays in the unit as history.
public static class MoveOutResident
{
    public sealed record Request(DateOnly? Date, string? Destination, string? Note, long? NewHeadResidentId);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/{id:long}/move-out", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_MoveOut")
            .WithSummary("迁出: status MovedOut, leaves house and household (a head with other members needs newHeadResidentId)");

    static async Task<Results<Ok<GetResident.Card>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var o = await ExecuteAsync(db, time, id, request, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Ok((await GetResident.LoadAsync(db, time, id, ct))!);
    }

    public static Task<LifeEventWriter.Outcome> ExecuteAsync(AppDbContext db, TimeProvider time, long id, Request request, CancellationToken ct) =>
        LifeEventWriter.LeaveAsync(db, time, id, request.Date, request.Destination, request.Note, request.NewHeadResidentId,
            ResidentStatus.MovedOut, LifeEventType.MoveOut, "Resident.MoveOut", ct);
}
