using Linli.Data;
using Linli.Modules.Visits;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Linli.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 诉求照片 POST/GET /api/v1/matters/{id}/photos: photos checked by their bytes as visit photos are (JPEG, PNG, WebP,
// ≤ 5 MB), at most six per matter, added by anyone who may act on it.
public static class MatterPhotos
{
    public const int MaxPerMatter = 6;

    public static void Map(RouteGroupBuilder matters)
    {
        matters.MapPost("/{id:long}/photos", Upload).RequireAuthorization(Permissions.MattersHandle)
            .DisableAntiforgery() // bearer clients have no antiforgery token; cookie callers are checked in Upload
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("Matters_AddPhoto").WithSummary("Add a photo (multipart `file`: JPEG, PNG or WebP, ≤ 5 MB, ≤ 6 per matter)");
        matters.MapGet("/{id:long}/photos/{photoId:long}", Download).WithName("Matters_Photo").WithSummary("A photo of a matter in scope");
    }

    static async Task<Results<Created, NotFound, ProblemHttpResult>> Upload(long id, IFormFile? file, HttpContext http, IAntiforgery antiforgery,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await FormPostCheck.RefuseStaleFormAsync(http, antiforgery) is { } stale) return stale;
        var matter = await db.Matters.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null) return TypedResults.NotFound();
        var (data, type) = await VisitPhotos.ReadAsync(file, ct);
        var photo = await AddAsync(db, time, matter, data, type, ct);
        return TypedResults.Created($"/api/v1/matters/{id}/photos/{photo.Id}");
    }

    public static async Task<MatterPhoto> AddAsync(AppDbContext db, TimeProvider time, Matter matter, byte[] data, string type, CancellationToken ct)
    {
        if (await db.MatterPhotos.CountAsync(p => p.MatterId == matter.Id, ct) >= MaxPerMatter)
            throw new BusinessRuleException("matter.too-many-photos", Loc.T($"每件诉求最多 {MaxPerMatter} 张照片。", $"At most {MaxPerMatter} photos per matter."),
                StatusCodes.Status422UnprocessableEntity, "file");
        var photo = new MatterPhoto
        {
            MatterId = matter.Id, ContentType = type, Data = data, At = time.GetUtcNow().UtcDateTime, AddedById = db.CurrentUser.UserId!,
            OrgPath = matter.OrgPath,
        };
        db.MatterPhotos.Add(photo);
        db.AuditAction = "Matter.AddPhoto";
        await db.SaveChangesAsync(ct);
        return photo;
    }

    public static Task<List<long>> IdsAsync(AppDbContext db, long matterId, CancellationToken ct) =>
        db.MatterPhotos.AsNoTracking().Where(p => p.MatterId == matterId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

    static async Task<Results<FileContentHttpResult, NotFound>> Download(long id, long photoId, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var photo = await db.MatterPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.MatterId == id, ct);
        if (photo is null) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(photo.Data, photo.ContentType);
    }
}
