using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 变更户主 another member becomes the head (本人); the former head takes the relationship given.
public static class ChangeHouseholdHead
{
    public sealed record Request(long? ResidentId, string? FormerHeadRelationship, DateOnly? Date);

    public static void Map(RouteGroupBuilder households) =>
        households.MapPost("/{id:long}/head", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Households_ChangeHead")
            .WithSummary("变更户主: residentId becomes 本人, the former head gets formerHeadRelationship; date defaults to today");

    static async Task<Results<Ok<GetHousehold.View>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var o = await ExecuteAsync(db, time, id, request, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Ok((await GetHousehold.LoadAsync(db, time, id, ct))!);
    }

    public static async Task<LifeEventWriter.Outcome> ExecuteAsync(AppDbContext db, TimeProvider time, long householdId, Request request, CancellationToken ct)
    {
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return new(NotFound: true);
        var today = LifeEventWriter.Today(time);
        var errors = new Dictionary<string, string[]>();
        if (request.ResidentId is null) errors.Add("residentId", Loc.T("请选择新户主。", "Choose the new head."));
        var former = household.HeadResidentId is { } formerId
            ? await db.Residents.SingleOrDefaultAsync(r => r.Id == formerId && r.HouseholdId == household.Id && r.Status == ResidentStatus.Active, ct)
            : null;
        var formerRelationship = LifeEventWriter.Choice<Relationship>(errors, request.FormerHeadRelationship, "formerHeadRelationship");
        if (former is not null && formerRelationship is null && !errors.ContainsKey("formerHeadRelationship"))
            errors.Add("formerHeadRelationship", Loc.T("请选择原户主与新户主的关系。", "Choose the former head's relationship to the new head."));
        if (formerRelationship == Relationship.Self)
            errors.Add("formerHeadRelationship", Loc.T("原户主不能仍为本人。", "The former head cannot stay 本人."));
        if (request.Date is not null) LifeEventWriter.CheckDate(errors, request.Date, null, today);
        if (errors.Count > 0) return new(Errors: errors);

        var head = await db.Residents.SingleOrDefaultAsync(r => r.Id == request.ResidentId, ct);
        if (head is null) return new(NotFound: true);
        if (head.HouseholdId != household.Id || head.Status != ResidentStatus.Active)
            throw new BusinessRuleException("household.head-not-member", Loc.T("户主须是本户的在册成员。", "The head must be an active member of the household."),
                StatusCodes.Status422UnprocessableEntity, "residentId");
        if (household.HeadResidentId == head.Id)
            throw new BusinessRuleException("household.already-head", Loc.T("此人已是户主。", "The person is already the head."), field: "residentId");
        var date = request.Date ?? today;
        if (date < head.BirthDate) return new(Errors: new() { ["date"] = [Loc.T("日期不能早于出生日期。", "The date cannot be before the birth date.")] });

        var changes = new ResidentChangeSet();
        changes.Set<Relationship?>("relationship", head.Relationship, Relationship.Self, x => head.Relationship = x);
        LifeEventWriter.Record(db, time, head, LifeEventType.HeadChange, date, former?.Name, head.Name, null, changes);
        if (former is not null)
        {
            var formerChanges = new ResidentChangeSet();
            formerChanges.Set("relationship", former.Relationship, formerRelationship, x => former.Relationship = x);
            LifeEventWriter.Record(db, time, former, LifeEventType.HeadChange, date, former.Name, head.Name, null, formerChanges);
        }
        household.HeadResidentId = head.Id;
        db.AuditAction = "Household.ChangeHead";
        await db.SaveChangesAsync(ct);
        return new(household.Id);
    }
}
