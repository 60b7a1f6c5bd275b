using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 修改居民信息 change some fields of a resident; every changed field is written to the history.
public static class UpdateResident
{
    // Left out or null: unchanged. An empty string clears an optional text or choice (and a phone).
    public sealed record Request(string? Name, string? Gender, DateOnly? BirthDate, string? Ethnicity, string? IdNumber, string? Phone,
        string? RegistrationPlace, string? ResidenceType, string? RegistrationMatch, string? Education, string? Employment,
        string? Political, string? Notes, long? HouseId, long? HouseholdId, string? Relationship, string? Status, long? OrgUnitId);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPatch("/{id:long}", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_Update")
            .WithSummary("Change fields of a resident (omitted or null = unchanged, \"\" clears); changes are kept in the history");

    static async Task<Results<Ok<GetResident.Card>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db,
        FieldProtector protector, TimeProvider time, CancellationToken ct)
    {
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (resident is null) return TypedResults.NotFound();
        var outcome = await ResidentWriter.SaveAsync(db, protector, time, resident, Merge(ResidentForm.From(resident), request), ct);
        if (outcome.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (outcome.NotFound) return TypedResults.NotFound();
        return TypedResults.Ok((await GetResident.LoadAsync(db, time, id, ct))!);
    }

    static ResidentForm Merge(ResidentForm f, Request r)
    {
        f.Name = r.Name ?? f.Name;
        // A new ID number brings its own birth date and gender, unless they are sent too (then they must agree).
        var newId = !string.IsNullOrWhiteSpace(r.IdNumber);
        f.Gender = r.Gender ?? (newId ? null : f.Gender);
        f.BirthDate = r.BirthDate ?? (newId ? null : f.BirthDate);
        f.Ethnicity = r.Ethnicity ?? f.Ethnicity;
        f.IdNumber = r.IdNumber;   // null keeps the stored number
        f.Phone = r.Phone;
        f.RegistrationPlace = r.RegistrationPlace ?? f.RegistrationPlace;
        f.ResidenceType = r.ResidenceType ?? f.ResidenceType;
        f.RegistrationMatch = r.RegistrationMatch ?? f.RegistrationMatch;
        f.Education = r.Education ?? f.Education;
        f.Employment = r.Employment ?? f.Employment;
        f.Political = r.Political ?? f.Political;
        f.Notes = r.Notes ?? f.Notes;
        f.HouseId = r.HouseId ?? f.HouseId;
        f.HouseholdId = r.HouseholdId ?? f.HouseholdId;
        f.Relationship = r.Relationship ?? f.Relationship;
        f.Status = r.Status ?? f.Status;
        f.OrgUnitId = r.OrgUnitId ?? f.OrgUnitId;
        return f;
    }
}
