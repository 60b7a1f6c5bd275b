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

    public static async Task<LifeEventWriter.Outcome> ExecuteAsync(AppDbContext db, TimeProvider time, long id, Request request, CancellationToken ct)
    {
        var r = await db.Residents.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new(NotFound: true);
        var errors = new Dictionary<string, string[]>();
        LifeEventWriter.CheckDate(errors, request.Date, r.BirthDate, LifeEventWriter.Today(time));
        LifeEventWriter.CheckLength(errors, request.Destination, 200, "destination");
        LifeEventWriter.CheckLength(errors, request.Note, 500, "note");
        if (errors.Count > 0) return new(Errors: errors);
        if (r.Status != ResidentStatus.Active) throw LifeEventWriter.NotActive();

        var date = request.Date!.Value;
        var changes = new ResidentChangeSet();
        var from = await Addresses.OfHouseAsync(db, r.HouseId, ct);
        await LifeEventWriter.LeaveHouseholdAsync(db, time, r, request.NewHeadResidentId, date, changes, ct);
        if (r.HouseId is not null) { changes.Add("houseId", from, null); r.HouseId = null; }
        changes.Set("status", r.Status, ResidentStatus.MovedOut, x => r.Status = x);
        LifeEventWriter.Record(db, time, r, LifeEventType.MoveOut, date, from, request.Destination, request.Note, changes);
        db.AuditAction = "Resident.MoveOut";
        await LifeEventWriter.SaveAsync(db, [], ct);
        return new(r.Id);
    }
}
