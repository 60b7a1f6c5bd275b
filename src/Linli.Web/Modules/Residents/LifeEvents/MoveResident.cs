using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 市内迁移 a resident moves to another house in the city: one record, whose tags, history and events follow the
// new unit's scope. The caller must see both the person and the target house.
public static class MoveResident
{
    public sealed record Request(long? HouseId, long? HouseholdId, string? Relationship, DateOnly? Date, string? Note, long? NewHeadResidentId);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/{id:long}/move", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_Move")
            .WithSummary("市内迁移: move an active resident to another house (and household); tags and history follow the new unit");

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
        if (request.HouseId is null) errors.Add("houseId", Loc.T("请选择迁入的房屋。", "Choose the house the person moves to."));
        var relationship = LifeEventWriter.Choice<Relationship>(errors, request.Relationship, "relationship");
        LifeEventWriter.CheckDate(errors, request.Date, r.BirthDate, LifeEventWriter.Today(time));
        LifeEventWriter.CheckLength(errors, request.Note, 500, "note");
        if (errors.Count > 0) return new(Errors: errors);
        var target = await LifeEventWriter.TargetAsync(db, request.HouseId!.Value, request.HouseholdId, relationship, r.Id, ct);
        if (target is null) return new(NotFound: true);
        if (r.Status != ResidentStatus.Active) throw LifeEventWriter.NotActive();
        if (r.HouseId == target.House.Id && r.HouseholdId == target.Household?.Id)
            throw new Platform.Problems.BusinessRuleException("resident.same-place", Loc.T("此人已住在该房屋。", "The person already lives there."),
                StatusCodes.Status422UnprocessableEntity, "houseId");

        var date = request.Date!.Value;
        var changes = new ResidentChangeSet();
        var from = await Addresses.OfHouseAsync(db, r.HouseId, ct);
        if (r.HouseholdId != target.Household?.Id) await LifeEventWriter.ReleaseHeadAsync(db, time, r, request.NewHeadResidentId, date, ct);
        var moved = await LifeEventWriter.PlaceAsync(db, r, target, changes, ct);
        LifeEventWriter.Record(db, time, r, LifeEventType.Move, date, from, await Addresses.OfHouseAsync(db, target.House.Id, ct), request.Note, changes);
        db.AuditAction = "Resident.Move";
        await LifeEventWriter.SaveAsync(db, moved ? [r] : [], ct);
        return new(r.Id);
    }
}
