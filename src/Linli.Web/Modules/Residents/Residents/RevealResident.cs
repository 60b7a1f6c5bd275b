using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 查看完整信息 reveal one whole ID number or phone, with a stated reason; every reveal is audit-logged.
public static class RevealResident
{
    public const string IdNumberField = "idNumber", PhoneField = "phone";

    public sealed record Request(string? Field, string? Reason);
    public sealed record Response(string? Value);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/{id:long}/reveal", Handle)
            .RequireAuthorization(Permissions.ResidentsReveal)
            .WithName("Residents_Reveal")
            .WithSummary("Reveal the whole idNumber or phone of a resident; a reason is required and the reveal is audit-logged");

    static async Task<Results<Ok<Response>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db,
        FieldProtector protector, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        var errors = Validate(request.Field, request.Reason);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (found, value) = await ExecuteAsync(db, protector, id, request.Field!, request.Reason!, ct);
        return found ? TypedResults.Ok(new Response(value)) : TypedResults.NotFound();
    }

    public static Dictionary<string, string[]> Validate(string? field, string? reason)
    {
        var errors = new Dictionary<string, string[]>();
        if (field is not (IdNumberField or PhoneField))
            errors.Add("field", Loc.T("只能查看 idNumber 或 phone。", "The field must be idNumber or phone."));
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 2)
            errors.Add("reason", Loc.T("请说明查看理由。", "State the reason for viewing."));
        else if (reason.Trim().Length > 200)
            errors.Add("reason", Loc.T("理由不能超过 200 个字符。", "The reason must be at most 200 characters."));
        return errors;
    }

    /// <summary>Decrypts and logs. Not found when the resident is outside the caller's subtree.</summary>
    public static async Task<(bool Found, string? Value)> ExecuteAsync(AppDbContext db, FieldProtector protector, long id,
        string field, string reason, CancellationToken ct)
    {
        var resident = db.Residents.Where(r => r.Id == id);
        var cipher = field == IdNumberField
            ? await resident.Select(r => new { Value = r.IdNumberCipher }).SingleOrDefaultAsync(ct)
            : await resident.Select(r => new { Value = r.PhoneCipher }).SingleOrDefaultAsync(ct);
        if (cipher is null) return (false, null);
        db.AddAuditEvent("Resident.Reveal", nameof(Resident), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after: new { field, reason = reason.Trim() });
        await db.SaveChangesAsync(ct);
        return (true, cipher.Value is null ? null : protector.Decrypt(cipher.Value));
    }
}
