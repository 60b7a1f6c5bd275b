using Linli.Data;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 添加重点人群标签 tag a resident as part of a key population, for a period, with the source of the information.
public static class AddResidentTag
{
    public sealed record Request(string? Code, DateOnly? StartDate, DateOnly? EndDate, string? Source, string? Note,
        string? DisabilityCategory, int? DisabilityGrade);

    public sealed record Outcome(ResidentTags.View? Tag, Dictionary<string, string[]>? Errors = null, bool NotFound = false);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/{id:long}/tags", Handle)
            .RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Residents_AddTag")
            .WithSummary("Add a key-population tag (not a derived one); disability needs disabilityCategory and disabilityGrade (1–4)");

    static async Task<Results<Created<ResidentTags.View>, NotFound, ValidationProblem>> Handle(long id, Request request, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var o = await ExecuteAsync(db, time, id, request, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Created($"/api/v1/residents/{id}/tags/{o.Tag!.Id}", o.Tag);
    }

    public static async Task<Outcome> ExecuteAsync(AppDbContext db, TimeProvider time, long residentId, Request request, CancellationToken ct)
    {
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null) return new(null, NotFound: true);
        var def = await TagRules.DefinitionAsync(db, request.Code, ct);
        if (def is null)
            return new(null, new() { ["code"] = [Loc.T("请选择一个已有的标签。", "Choose an existing tag.")] });
        var values = new TagRules.Values(request.StartDate, request.EndDate, Trim(request.Source), Trim(request.Note),
            request.DisabilityCategory, request.DisabilityGrade);
        var errors = TagRules.Check(def, values, out var category);
        if (errors.Count > 0) return new(null, errors);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        TagRules.CheckBusiness(def, resident, today);
        await TagRules.CheckOverlapAsync(db, resident.Id, def.Code, values.StartDate, values.EndDate, null, ct);

        var tag = new ResidentTag
        {
            ResidentId = resident.Id, TagCode = def.Code, StartDate = values.StartDate, EndDate = values.EndDate, Source = values.Source,
            Note = values.Note, DisabilityCategory = category, DisabilityGrade = category is null ? null : values.DisabilityGrade,
            OrgPath = resident.OrgPath,
        };
        db.ResidentTags.Add(tag);
        var changes = new ResidentChangeSet();
        changes.Add("tag:" + def.Code, null, TagRules.Summary(tag), def.Sensitive);
        changes.WriteTo(db, resident, time);
        await db.SaveChangesAsync(ct);
        return new(new ResidentTags.View(tag.Id, def.Code, def.Name, def.Sensitive, false, tag.StartDate, tag.EndDate, tag.Source, tag.Note,
            tag.DisabilityCategory, tag.DisabilityGrade, tag.IsCurrent(today)));
    }

    static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
