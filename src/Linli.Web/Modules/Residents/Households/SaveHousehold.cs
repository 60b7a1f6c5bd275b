using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 立户/修改户 create a household at a house (optionally with its head), or change its type or fill a missing head.
public static class SaveHousehold
{
    public sealed record Request(long? HouseId, string? Type, long? HeadResidentId);
    public sealed record Patch(string? Type, long? HeadResidentId);

    public sealed record Outcome(Household? Household, Dictionary<string, string[]>? Errors = null, bool NotFound = false);

    public static void Map(RouteGroupBuilder households)
    {
        households.MapPost("/", Create).RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Households_Create").WithSummary("Create a household at a house; headResidentId (optional) joins it as 本人");
        households.MapPatch("/{id:long}", Update).RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Households_Update").WithSummary("Change the household type, or name a head when the household has none");
    }

    static async Task<Results<Created<GetHousehold.View>, NotFound, ValidationProblem>> Create(Request request, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var o = await CreateAsync(db, time, request, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Created($"/api/v1/households/{o.Household!.Id}", (await GetHousehold.LoadAsync(db, time, o.Household.Id, ct))!);
    }

    static async Task<Results<Ok<GetHousehold.View>, NotFound, ValidationProblem>> Update(long id, Patch patch, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var o = await UpdateAsync(db, time, id, patch, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Ok((await GetHousehold.LoadAsync(db, time, id, ct))!);
    }

    public static async Task<Outcome> CreateAsync(AppDbContext db, TimeProvider time, Request request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.HouseId is null) errors.Add("houseId", Loc.T("请选择房屋。", "Choose the house."));
        var type = Labels.Parse<HouseholdType>(request.Type);
        if (type is null) errors.Add("type", Loc.T("请选择户类型。", "Choose the household type.") + " " + Labels.Expected<HouseholdType>());
        if (errors.Count > 0) return new(null, errors);
        var house = await db.Houses.AsNoTracking().SingleOrDefaultAsync(h => h.Id == request.HouseId, ct);
        if (house is null) return new(null, NotFound: true);
        Resident? head = null;
        if (request.HeadResidentId is { } headId)
        {
            head = await db.Residents.SingleOrDefaultAsync(r => r.Id == headId, ct);
            if (head is null) return new(null, NotFound: true);
            if (head.HouseholdId is not null)
                throw new BusinessRuleException("resident.in-household", Loc.T("此人已属于另一户。", "The person already belongs to a household."), field: "headResidentId");
        }
        var household = new Household { HouseId = house.Id, OrgUnitId = house.GridId, OrgPath = house.OrgPath, Type = type!.Value };
        db.Households.Add(household);
        if (head is not null) JoinAsHead(db, time, household, head, await Addresses.OfHouseAsync(db, house.Id, ct));
        await db.SaveChangesAsync(ct);
        return new(household);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, TimeProvider time, long id, Patch patch, CancellationToken ct)
    {
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return new(null, NotFound: true);
        if (patch.Type is not null)
        {
            if (Labels.Parse<HouseholdType>(patch.Type) is not { } type)
                return new(null, new() { ["type"] = [Labels.Expected<HouseholdType>()] });
            household.Type = type;
        }
        if (patch.HeadResidentId is { } headId && headId != household.HeadResidentId)
        {
            var head = await db.Residents.SingleOrDefaultAsync(r => r.Id == headId, ct);
            if (head is null) return new(null, NotFound: true);
            if (head.HouseholdId != household.Id)
                throw new BusinessRuleException("household.head-not-member", Loc.T("户主须是本户成员。", "The head must be a member of the household."),
                    StatusCodes.Status422UnprocessableEntity, "headResidentId");
            var current = household.HeadResidentId is { } c ? await db.Residents.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.Id == c, ct) : null;
            if (current is { Status: ResidentStatus.Active } && current.HouseholdId == household.Id)
                throw new BusinessRuleException("household.has-head", Loc.T("该户已有户主；变更户主请使用户主变更操作。",
                    "The household has a head; changing the head is its own action."), field: "headResidentId");
            JoinAsHead(db, time, household, head, await Addresses.OfHouseAsync(db, household.HouseId, ct));
        }
        await db.SaveChangesAsync(ct);
        return new(household);
    }

    // One save, so the history names the household by its address (its id is not known before the save).
    static void JoinAsHead(AppDbContext db, TimeProvider time, Household household, Resident head, string? address)
    {
        var changes = new ResidentChangeSet();
        if (head.HouseholdId != household.Id || household.Id == 0) changes.Add("householdId", null, address);
        changes.Set<Relationship?>("relationship", head.Relationship, Relationship.Self, x => head.Relationship = x);
        head.Household = household;
        household.HeadResidentId = head.Id;
        changes.WriteTo(db, head, time);
    }
}
