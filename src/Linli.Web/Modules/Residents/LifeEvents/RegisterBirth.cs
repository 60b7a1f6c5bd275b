using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using IdCard = Linli.Platform.Privacy.IdNumber;

namespace Linli.Modules.Residents;

// 出生登记 a child is born into a household: a new active resident in that household and its house. A newborn may
// not have an ID number yet.
public static class RegisterBirth
{
    public sealed record Request(string? Name, string? Gender, DateOnly? BirthDate, string? IdNumber, string? Relationship, string? Ethnicity, string? Note);

    public static void Map(RouteGroupBuilder households) =>
        households.MapPost("/{id:long}/births", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Households_Birth")
            .WithSummary("出生登记: a new active resident in the household (relationship defaults to 子女); idNumber optional");

    static async Task<Results<Created<GetResident.Card>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db,
        FieldProtector protector, TimeProvider time, CancellationToken ct)
    {
        var o = await ExecuteAsync(db, protector, time, id, request, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Created($"/api/v1/residents/{o.Id}", (await GetResident.LoadAsync(db, time, o.Id!.Value, ct))!);
    }

    public static async Task<LifeEventWriter.Outcome> ExecuteAsync(AppDbContext db, FieldProtector protector, TimeProvider time, long householdId,
        Request request, CancellationToken ct)
    {
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return new(NotFound: true);
        var today = LifeEventWriter.Today(time);
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", Loc.T("请填写姓名。", "The name is required."));
        LifeEventWriter.CheckLength(errors, name, 50, "name");
        LifeEventWriter.CheckLength(errors, request.Ethnicity?.Trim(), 20, "ethnicity");
        LifeEventWriter.CheckLength(errors, request.Note, 500, "note");
        var gender = LifeEventWriter.Choice<Gender>(errors, request.Gender, "gender");
        if (gender is null && !errors.ContainsKey("gender")) errors.Add("gender", Loc.T("请选择性别。", "Choose the gender."));
        var relationship = LifeEventWriter.Choice<Relationship>(errors, request.Relationship, "relationship") ?? Relationship.Child;
        if (request.BirthDate is null) errors.Add("birthDate", Loc.T("请填写出生日期。", "The birth date is required."));
        else if (request.BirthDate > today) errors.Add("birthDate", Loc.T("出生日期不能晚于今天。", "The birth date cannot be in the future."));
        var id = string.IsNullOrWhiteSpace(request.IdNumber) ? null : IdCard.Normalize(request.IdNumber);
        if (id is not null)
        {
            if (IdCard.Check(id, today) is var problem and not IdCard.Problem.None) errors.Add("idNumber", IdCard.Message(problem));
            else if (IdCard.BirthDate(id) != request.BirthDate || (IdCard.IsMale(id) == true ? Gender.Male : Gender.Female) != gender)
                errors.Add("idNumber", Loc.T("身份证号码与出生日期或性别不一致。", "The ID number does not match the birth date or gender."));
        }
        if (errors.Count > 0) return new(Errors: errors);
        if (relationship == Relationship.Self && household.HeadResidentId is not null)
            throw new BusinessRuleException("household.has-head", Loc.T("该户已有户主。", "The household already has a head."), field: "relationship");
        if (id is not null && await ResidentWriter.IdNumberTakenAsync(db, protector, id, null, ct))
            throw new BusinessRuleException("resident.duplicate-id-number", Loc.T("该身份证号码已在本市登记，同一人只能有一条记录。",
                "This ID number is already registered in the city; a person has one record."), field: "idNumber");

        var child = new Resident
        {
            Name = name!, Gender = gender!.Value, BirthDate = request.BirthDate!.Value, Ethnicity = string.IsNullOrWhiteSpace(request.Ethnicity) ? null : request.Ethnicity.Trim(),
            ResidenceType = household.Type == HouseholdType.Floating ? ResidenceType.Floating : ResidenceType.Registered,
            RegistrationMatch = RegistrationMatch.Consistent, Employment = EmploymentStatus.Preschool,
            HouseId = household.HouseId, Household = household, Relationship = relationship, Status = ResidentStatus.Active,
            OrgUnitId = household.OrgUnitId, OrgPath = household.OrgPath,
        };
        protector.SetIdNumber(child, id);
        db.Residents.Add(child);
        if (relationship == Relationship.Self) household.Head = child;
        var changes = new ResidentChangeSet();
        changes.Add("record", null, "Created");
        LifeEventWriter.Record(db, time, child, LifeEventType.Birth, child.BirthDate, null, await Addresses.OfHouseAsync(db, household.HouseId, ct), request.Note, changes);
        db.AuditAction = "Resident.Birth";
        await db.SaveChangesAsync(ct);
        return new(child.Id);
    }
}
