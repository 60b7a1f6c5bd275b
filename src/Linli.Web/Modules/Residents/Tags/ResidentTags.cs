using Linli.Data;

namespace Linli.Modules.Residents;

// Reading tags for cards and lists: typed tags come through the "SensitiveTags" filter, derived ones are computed.
public static class ResidentTags
{
    public sealed record View(long? Id, string Code, string Name, bool Sensitive, bool Derived, DateOnly? StartDate, DateOnly? EndDate,
        string? Source, string? Note, DisabilityCategory? DisabilityCategory, int? DisabilityGrade, bool Current);

    public sealed record Ref(string Code, string Name);

    /// <summary>The definitions the caller may know of: sensitive ones only for roles granted them.</summary>
    public static async Task<List<TagDefinition>> VisibleDefinitionsAsync(AppDbContext db, CancellationToken ct)
    {
        var sees = db.CurrentUser.SeesSensitiveTags();
        return await db.TagDefinitions.AsNoTracking().Where(d => sees || !d.Sensitive)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync(ct);
    }

    public static async Task<IReadOnlyList<View>> ForResidentAsync(AppDbContext db, Resident r, DateOnly today, CancellationToken ct)
    {
        var defs = (await VisibleDefinitionsAsync(db, ct)).ToDictionary(d => d.Code);
        var typed = await db.ResidentTags.AsNoTracking().Where(t => t.ResidentId == r.Id)
            .OrderBy(t => t.TagCode).ThenBy(t => t.StartDate).ToListAsync(ct);
        var derived = DerivedTags.For(r.BirthDate, r.ResidenceType, today).Where(defs.ContainsKey)
            .Select(c => new View(null, c, defs[c].Name, false, true, null, null, null, null, null, null, true));
        return derived.Concat(typed.Where(t => defs.ContainsKey(t.TagCode)).Select(t => new View(t.Id, t.TagCode, defs[t.TagCode].Name,
            defs[t.TagCode].Sensitive, false, t.StartDate, t.EndDate, t.Source, t.Note, t.DisabilityCategory, t.DisabilityGrade, t.IsCurrent(today)))).ToList();
    }

    /// <summary>A resident's current tags for a list: derived ones and the typed codes given, those the caller may see, in order.</summary>
    public static List<Ref> Current(IReadOnlyDictionary<string, TagDefinition> defs, DateOnly birthDate, ResidenceType residenceType,
        IEnumerable<string> typedCodes, DateOnly today) =>
        DerivedTags.For(birthDate, residenceType, today).Concat(typedCodes.Distinct())
            .Where(defs.ContainsKey).OrderBy(c => defs[c].SortOrder)
            .Select(c => new Ref(c, defs[c].Name)).ToList();
}
