using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 修改/结束标签 change a tag's period, source or details; ending a tag is setting its end date.
public static class UpdateResidentTag
{
    // Null: unchanged. An empty source or note clears it.
    public sealed record Request(DateOnly? StartDate, DateOnly? EndDate, string? Source, string? Note, string? DisabilityCategory, int? DisabilityGrade);

    public sealed record Outcome(ResidentTags.View? Tag, Dictionary<string, string[]>? Errors = null, bool NotFound = false);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPatch("/{id:long}/tags/{tagId:long}", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_UpdateTag")
            .WithSummary("Change or end (endDate) a resident's tag");

    static async Task<Results<Ok<ResidentTags.View>, NotFound, ValidationProblem>> Handle(long id, long tagId, Request request,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var o = await ExecuteAsync(db, time, id, tagId, request, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        return o.Tag is { } tag ? TypedResults.Ok(tag) : TypedResults.NotFound();
    }

    public static async Task<Outcome> ExecuteAsync(AppDbContext db, TimeProvider time, long id, long tagId, Request request, CancellationToken ct)
    {
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Id == id, ct);
        var tag = resident is null ? null : await db.ResidentTags.Include(t => t.Tag).SingleOrDefaultAsync(t => t.Id == tagId && t.ResidentId == id, ct);
        if (resident is null || tag is null) return new(null, NotFound: true);
        var def = tag.Tag!;
        var values = new TagRules.Values(request.StartDate ?? tag.StartDate, request.EndDate ?? tag.EndDate,
            request.Source is null ? tag.Source : Trim(request.Source), request.Note is null ? tag.Note : Trim(request.Note),
            request.DisabilityCategory ?? tag.DisabilityCategory?.ToString(), request.DisabilityGrade ?? tag.DisabilityGrade);
        var errors = TagRules.Check(def, values, out var category);
        if (errors.Count > 0) return new(null, errors);
        await TagRules.CheckOverlapAsync(db, id, def.Code, values.StartDate, values.EndDate, tag.Id, ct);

        var before = TagRules.Summary(tag);
        (tag.StartDate, tag.EndDate, tag.Source, tag.Note) = (values.StartDate, values.EndDate, values.Source, values.Note);
        (tag.DisabilityCategory, tag.DisabilityGrade) = (category, category is null ? null : values.DisabilityGrade);
        if (db.ChangeTracker.HasChanges())
        {
            var changes = new ResidentChangeSet();
            changes.Add("tag:" + def.Code, before, TagRules.Summary(tag), def.Sensitive);
            changes.WriteTo(db, resident, time);
            await db.SaveChangesAsync(ct);
        }
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        return new(new ResidentTags.View(tag.Id, def.Code, def.Name, def.Sensitive, false, tag.StartDate, tag.EndDate,
            tag.Source, tag.Note, tag.DisabilityCategory, tag.DisabilityGrade, tag.IsCurrent(today)));
    }

    static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
