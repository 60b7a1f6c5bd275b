using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Linli.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Visits;

// 走访照片 photos on a visit: JPEG, PNG or WebP as their bytes say (not as the name claims), at most 5 MB each and
// six per visit; only the worker who recorded the visit adds them.
public static class VisitPhotos
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxPerVisit = 6;

    public static void Map(RouteGroupBuilder visits)
    {
        visits.MapPost("/{id:long}/photos", Upload).RequireAuthorization(Permissions.VisitsRecord)
            .DisableAntiforgery() // bearer clients have no antiforgery token; cookie callers are checked in Upload
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("Visits_AddPhoto").WithSummary("Add a photo (multipart `file`: JPEG, PNG or WebP, ≤ 5 MB, ≤ 6 per visit)");
        visits.MapGet("/{id:long}/photos/{photoId:long}", Download)
            .WithName("Visits_Photo").WithSummary("A photo of a visit");
    }

    static async Task<Results<Created, NotFound, ProblemHttpResult>> Upload(long id, IFormFile? file, HttpContext http, IAntiforgery antiforgery,
        AppDbContext db, CancellationToken ct)
    {
        if (await FormPostCheck.RefuseStaleFormAsync(http, antiforgery) is { } stale) return stale;
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null) return TypedResults.NotFound();
        var (data, type) = await ReadAsync(file, ct);
        var photo = await AddAsync(db, visit, data, type, ct);
        return TypedResults.Created($"/api/v1/visits/{id}/photos/{photo.Id}");
    }

    /// <summary>The photo's bytes and real type; throws field errors for a missing, oversized or non-image file.</summary>
    public static async Task<(byte[] Data, string ContentType)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw Field(Loc.T("请选择照片。", "Choose a photo."));
        if (file.Length > MaxBytes) throw Field(Loc.T("照片不能超过 5 MB。", "A photo is at most 5 MB."));
        var data = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(data, ct);
        return (data, Sniff(data) ?? throw Field(Loc.T("只接受 JPEG、PNG 或 WebP 格式的照片。", "Photos must be JPEG, PNG or WebP.")));
    }

    public static async Task<VisitPhoto> AddAsync(AppDbContext db, Visit visit, byte[] data, string type, CancellationToken ct)
    {
        if (visit.WorkerId != db.CurrentUser.UserId)
            throw new BusinessRuleException("visit.not-yours", Loc.T("只能为本人记录的走访添加照片。", "Only the worker who recorded a visit adds photos."),
                StatusCodes.Status403Forbidden);
        if (await db.VisitPhotos.CountAsync(p => p.VisitId == visit.Id, ct) >= MaxPerVisit)
            throw new BusinessRuleException("visit.too-many-photos", Loc.T($"每次走访最多 {MaxPerVisit} 张照片。", $"At most {MaxPerVisit} photos per visit."),
                StatusCodes.Status422UnprocessableEntity, "file");
        var photo = new VisitPhoto { VisitId = visit.Id, ContentType = type, Data = data, OrgPath = visit.OrgPath };
        db.VisitPhotos.Add(photo);
        db.AuditAction = "Visit.AddPhoto";
        await db.SaveChangesAsync(ct);
        return photo;
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Download(long id, long photoId, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var photo = await db.VisitPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.VisitId == id, ct);
        if (photo is null) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(photo.Data, photo.ContentType);
    }

    static string? Sniff(ReadOnlySpan<byte> d) =>
        d is [0xFF, 0xD8, 0xFF, ..] ? "image/jpeg"
        : d is [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] ? "image/png"
        : d.Length > 12 && d[..4].SequenceEqual("RIFF"u8) && d[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    static FieldErrorsException Field(string message) => new(new Dictionary<string, string[]> { ["file"] = [message] });
}
