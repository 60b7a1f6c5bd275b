using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 分户 some members leave to form a household of their own (at the same house unless another is named). The old
// household keeps its head: the head goes only with everyone else. Members other than the new head take the
// relationship given for them in relationships (else 其他).
public static class SplitHousehold
{
    public sealed record Request(List<long>? MemberIds, long? HeadResidentId, long? HouseId, string? Type,
        Dictionary<long, string>? Relationships, DateOnly? Date);

    public static void Map(RouteGroupBuilder households) =>
        households.MapPost("/{id:long}/split", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Households_Split")
            .WithSummary("分户: memberIds form a new household headed by headResidentId, at houseId (default the same house)");

    static async Task<Results<Created<GetHousehold.View>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var o = await ExecuteAsync(db, time, id, request, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Created($"/api/v1/households/{o.Id}", (await GetHousehold.LoadAsync(db, time, o.Id!.Value, ct))!);
    }

    public static async Task<LifeEventWriter.Outcome> ExecuteAsync(AppDbContext db, TimeProvider time, long householdId, Request request, CancellationToken ct)
    {
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return new(NotFound: true);
        var errors = new Dictionary<string, string[]>();
        var ids = request.MemberIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0) errors.Add("memberIds", Loc.T("请选择分出的成员。", "Choose the members who leave."));
        if (request.HeadResidentId is not { } headId) errors.Add("headResidentId", Loc.T("请选择新户的户主。", "Choose the head of the new household."));
        else if (ids.Count > 0 && !ids.Contains(headId)) errors.Add("headResidentId", Loc.T("新户主须在分出的成员中。", "The new head must be one of the members who leave."));
        var type = LifeEventWriter.Choice<HouseholdType>(errors, request.Type, "type");
        if (type is null && !errors.ContainsKey("type")) errors.Add("type", Loc.T("请选择户类型。", "Choose the household type.") + " " + Labels.Expected<HouseholdType>());
        var relationships = new Dictionary<long, Relationship>();
        foreach (var (memberId, text) in request.Relationships ?? [])
            if (LifeEventWriter.Choice<Relationship>(errors, text, "relationships") is { } rel) relationships[memberId] = rel;
        if (relationships.Any(x => x.Value == Relationship.Self && x.Key != request.HeadResidentId))
            errors.Add("relationships", Loc.T("只有新户主为本人。", "Only the new head is 本人."));
        var today = LifeEventWriter.Today(time);
        if (request.Date is not null) LifeEventWriter.CheckDate(errors, request.Date, null, today);
        if (errors.Count > 0) return new(Errors: errors);

        var members = await db.Residents.Where(r => r.HouseholdId == household.Id && r.Status == ResidentStatus.Active).ToListAsync(ct);
        var leaving = members.Where(m => ids.Contains(m.Id)).ToList();
        if (leaving.Count != ids.Count)
            throw new BusinessRuleException("household.not-member", Loc.T("分出的成员须是本户的在册成员。", "The members who leave must be active members of the household."),
                StatusCodes.Status422UnprocessableEntity, "memberIds");
        var headLeaves = household.HeadResidentId is { } oldHead && ids.Contains(oldHead);
        if (headLeaves && leaving.Count < members.Count)
            throw new BusinessRuleException("household.head-split", Loc.T("原户主不能分出，除非其他成员一同分出；请先变更户主。",
                "The head cannot leave unless all other members leave too; change the head first."), StatusCodes.Status422UnprocessableEntity, "memberIds");
        var house = await db.Houses.AsNoTracking().SingleOrDefaultAsync(h => h.Id == (request.HouseId ?? household.HouseId), ct);
        if (house is null) return new(NotFound: true);

        var date = request.Date ?? today;
        var split = new Household { HouseId = house.Id, OrgUnitId = house.GridId, OrgPath = house.OrgPath, Type = type!.Value };
        db.Households.Add(split);
        var from = await Addresses.OfHouseAsync(db, household.HouseId, ct);
        var to = await Addresses.OfHouseAsync(db, house.Id, ct);
        var moved = new List<Resident>();
        foreach (var m in leaving)
        {
            var relationship = m.Id == request.HeadResidentId ? Relationship.Self : relationships.GetValueOrDefault(m.Id, Relationship.Other);
            var changes = new ResidentChangeSet();
            if (await LifeEventWriter.PlaceAsync(db, m, new(house, split, relationship), changes, ct)) moved.Add(m);
            LifeEventWriter.Record(db, time, m, LifeEventType.Split, date, from, to, null, changes);
        }
        if (headLeaves) household.HeadResidentId = null;
        db.AuditAction = "Household.Split";
        await LifeEventWriter.SaveAsync(db, moved, ct);
        return new(split.Id);
    }
}
