using System.ComponentModel.DataAnnotations;
using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using IdCard = Linli.Platform.Privacy.IdNumber;

namespace Linli.Modules.Residents;

// 迁入 a person arrives in a house. Someone who moved out anywhere in the city comes back as the same record (id,
// history, tags); an unknown person gets a new record; someone active elsewhere is refused without saying where.
public static class MoveInResident
{
    public sealed class Request
    {
        public string? IdNumber { get; set; }
        public long? HouseId { get; set; }
        public long? HouseholdId { get; set; }
        public string? Relationship { get; set; }
        public DateOnly? Date { get; set; }

        [Display(Name = "迁出地")]
        [StringLength(200, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        public string? From { get; set; }

        [Display(Name = "说明")]
        [StringLength(500, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.StringLength))]
        public string? Note { get; set; }

        // For a person new to the city (ignored when the record already exists).
        public string? Name { get; set; }
        public string? Gender { get; set; }
        public DateOnly? BirthDate { get; set; }
        public string? Ethnicity { get; set; }
        public string? Phone { get; set; }
        public string? RegistrationPlace { get; set; }
        public string? ResidenceType { get; set; }
        public string? RegistrationMatch { get; set; }
        public string? Education { get; set; }
        public string? Employment { get; set; }
        public string? Political { get; set; }
        public string? Notes { get; set; }
    }

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/move-in", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_MoveIn")
            .WithSummary("迁入: a moved-out record with this ID number returns (same id and history); an unknown person is registered");

    static async Task<Results<Created<GetResident.Card>, Ok<GetResident.Card>, NotFound, ValidationProblem>> Handle(Request request,
        AppDbContext db, FieldProtector protector, TimeProvider time, CancellationToken ct)
    {
        var (o, returned) = await ExecuteAsync(db, protector, time, request, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        var card = (await GetResident.LoadAsync(db, time, o.Id!.Value, ct))!;
        return returned ? TypedResults.Ok(card) : TypedResults.Created($"/api/v1/residents/{o.Id}", card);
    }

    /// <summary>Returned: true when an existing (moved-out) record came back.</summary>
    public static async Task<(LifeEventWriter.Outcome Outcome, bool Returned)> ExecuteAsync(AppDbContext db, FieldProtector protector,
        TimeProvider time, Request request, CancellationToken ct)
    {
        var today = LifeEventWriter.Today(time);
        var errors = InputValidation.Errors(request);
        if (request.HouseId is null) errors.Add("houseId", Loc.T("请选择迁入的房屋。", "Choose the house the person moves into."));
        var relationship = LifeEventWriter.Choice<Relationship>(errors, request.Relationship, "relationship");
        var id = string.IsNullOrWhiteSpace(request.IdNumber) ? null : IdCard.Normalize(request.IdNumber);
        if (id is not null && IdCard.Check(id, today) is var problem and not IdCard.Problem.None) errors.Add("idNumber", IdCard.Message(problem));
        var birth = id is not null && !errors.ContainsKey("idNumber") ? IdCard.BirthDate(id) : request.BirthDate;
        LifeEventWriter.CheckDate(errors, request.Date, birth, today);
        if (errors.Count > 0) return (new(Errors: errors), false);

        // One record per person in the city: look past the scope, but say nothing of what lies beyond it.
        var index = id is null ? null : protector.IdNumberIndex(id);
        var existing = index is null ? null : await db.Residents.IgnoreQueryFilters([AppDbContext.OrgScopeFilter])
            .SingleOrDefaultAsync(r => r.IdNumberIndex == index, ct);
        if (existing is { Status: ResidentStatus.Active })
            throw db.CurrentUser.CanSee(existing.OrgPath)
                ? new BusinessRuleException("resident.already-registered", Loc.T("此人已在您的辖区在册；搬家请使用市内迁移。",
                    "The person is already registered in your area; use a move within the city."), field: "idNumber")
                : new BusinessRuleException("resident.registered-elsewhere", Loc.T("该身份证号码已在本市其他单位在册，请联系对方办理迁出。",
                    "This ID number is registered as active in another unit of the city; that unit must record the move-out first."), field: "idNumber");
        if (existing is { Status: ResidentStatus.Deceased })
            throw new BusinessRuleException("resident.deceased", Loc.T("该身份证号码登记为已死亡。", "This ID number belongs to a deceased person."), field: "idNumber");

        var target = await LifeEventWriter.TargetAsync(db, request.HouseId!.Value, request.HouseholdId, relationship, existing?.Id, ct);
        if (target is null) return (new(NotFound: true), false);
        var date = request.Date!.Value;
        var to = await Addresses.OfHouseAsync(db, target.House.Id, ct);
        db.AuditAction = "Resident.MoveIn";
        if (existing is not null)
        {
            var changes = new ResidentChangeSet();
            await LifeEventWriter.PlaceAsync(db, existing, target, changes, ct);
            changes.Set("status", existing.Status, ResidentStatus.Active, x => existing.Status = x);
            LifeEventWriter.Record(db, time, existing, LifeEventType.MoveIn, date, request.From, to, request.Note, changes);
            await LifeEventWriter.SaveAsync(db, [existing], ct);
            return (new(existing.Id), true);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var o = await ResidentWriter.SaveAsync(db, protector, time, null, FormOf(request, target), ct);
        if (o.Errors is not null || o.NotFound) return (new(Errors: o.Errors, NotFound: o.NotFound), false);
        LifeEventWriter.Record(db, time, o.Resident!, LifeEventType.MoveIn, date, request.From, to, request.Note, new ResidentChangeSet());
        db.AuditAction = "Resident.MoveIn";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new(o.Resident!.Id), false);
    }

    static ResidentForm FormOf(Request r, LifeEventWriter.Target target) => new()
    {
        Name = r.Name, Gender = r.Gender, BirthDate = r.BirthDate, Ethnicity = r.Ethnicity, IdNumber = r.IdNumber, Phone = r.Phone,
        RegistrationPlace = r.RegistrationPlace, ResidenceType = r.ResidenceType, RegistrationMatch = r.RegistrationMatch,
        Education = r.Education, Employment = r.Employment, Political = r.Political, Notes = r.Notes,
        HouseId = target.House.Id, HouseholdId = target.Household?.Id, Relationship = target.Relationship?.ToString(),
        Status = nameof(ResidentStatus.Active),
    };
}
