using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 删除标签 remove a tag entered by mistake (a tag that no longer applies is ended instead); the history keeps it.
public static class RemoveResidentTag
{
    public static void Map(RouteGroupBuilder residents) =>
        residents.MapDelete("/{id:long}/tags/{tagId:long}", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_RemoveTag")
            .WithSummary("Remove a tag entered by mistake; to record that it no longer applies, set its endDate instead");

    static async Task<Results<NoContent, NotFound>> Handle(long id, long tagId, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await ExecuteAsync(db, time, id, tagId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<bool> ExecuteAsync(AppDbContext db, TimeProvider time, long id, long tagId, CancellationToken ct)
    {
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Id == id, ct);
        var tag = resident is null ? null : await db.ResidentTags.Include(t => t.Tag).SingleOrDefaultAsync(t => t.Id == tagId && t.ResidentId == id, ct);
        if (resident is null || tag is null) return false;
        db.ResidentTags.Remove(tag);
        var changes = new ResidentChangeSet();
        changes.Add("tag:" + tag.TagCode, TagRules.Summary(tag), null, tag.Tag!.Sensitive);
        changes.WriteTo(db, resident, time);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
