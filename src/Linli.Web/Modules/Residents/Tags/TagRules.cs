using System.Globalization;
using Linli.Data;
using Linli.Platform.Problems;

namespace Linli.Modules.Residents;

// The rules a typed tag follows, shared by adding and changing one.
public static class TagRules
{
    public sealed record Values(DateOnly? StartDate, DateOnly? EndDate, string? Source, string? Note, string? DisabilityCategory, int? DisabilityGrade);

    /// <summary>The definition of a tag code the caller may use; null (unknown) for hidden sensitive ones too.</summary>
    public static async Task<TagDefinition?> DefinitionAsync(AppDbContext db, string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? null
            : (await ResidentTags.VisibleDefinitionsAsync(db, ct)).FirstOrDefault(d => d.Code == code.Trim());

    public static Dictionary<string, string[]> Check(TagDefinition def, Values v, out DisabilityCategory? category)
    {
        var errors = new Dictionary<string, string[]>();
        category = null;
        if (v.StartDate is { } s && v.EndDate is { } e && e < s)
            errors.Add("endDate", Loc.T("结束日期不能早于开始日期。", "The end date must not be before the start date."));
        if (v.Source is { Length: > 100 }) errors.Add("source", Loc.T("来源不能超过 100 个字符。", "The source must be at most 100 characters."));
        if (v.Note is { Length: > 500 }) errors.Add("note", Loc.T("备注不能超过 500 个字符。", "The note must be at most 500 characters."));
        if (def.Code == TagCodes.Disabled)
        {
            category = Labels.Parse<DisabilityCategory>(v.DisabilityCategory);
            if (category is null) errors.Add("disabilityCategory", Loc.T("请选择残疾类别。", "Choose the disability category.") + " " + Labels.Expected<DisabilityCategory>());
            if (v.DisabilityGrade is not (>= 1 and <= 4)) errors.Add("disabilityGrade", Loc.T("残疾等级为 1 至 4 级。", "The disability grade is 1 to 4."));
        }
        else if (!string.IsNullOrWhiteSpace(v.DisabilityCategory) || v.DisabilityGrade is not null)
            errors.Add("disabilityCategory", Loc.T("残疾类别和等级只用于残疾人标签。", "Category and grade belong to the disability tag only."));
        return errors;
    }

    public static void CheckBusiness(TagDefinition def, Resident resident, DateOnly today)
    {
        if (def.Derived)
            throw new BusinessRuleException("tag.derived", Loc.T("该标签由出生日期或人口类型自动得出，不能手工添加。",
                "This tag is derived from the birth date or residence type and cannot be typed."), StatusCodes.Status422UnprocessableEntity, "code");
        if (!def.Active)
            throw new BusinessRuleException("tag.inactive", Loc.T("该标签已停用。", "This tag is no longer in use."), StatusCodes.Status422UnprocessableEntity, "code");
        if (def.Code == TagCodes.LivingAloneElderly && resident.AgeOn(today) < 60)
            throw new BusinessRuleException("tag.not-elderly", Loc.T("独居老人须年满 60 周岁。", "Living-alone elderly are 60 or older."), StatusCodes.Status422UnprocessableEntity, "code");
    }

    /// <summary>Two periods of the same tag on one person may not overlap (open ends reach forever).</summary>
    public static async Task CheckOverlapAsync(AppDbContext db, long residentId, string code, DateOnly? start, DateOnly? end, long? exceptId, CancellationToken ct)
    {
        var others = await db.ResidentTags.AsNoTracking().Where(t => t.ResidentId == residentId && t.TagCode == code && t.Id != (exceptId ?? 0))
            .Select(t => new { t.StartDate, t.EndDate }).ToListAsync(ct);
        if (others.Any(o => (o.StartDate ?? DateOnly.MinValue) <= (end ?? DateOnly.MaxValue) && (start ?? DateOnly.MinValue) <= (o.EndDate ?? DateOnly.MaxValue)))
            throw new BusinessRuleException("tag.overlap", Loc.T("此人在该时段已有此标签。", "The person already has this tag for that period."), field: "code");
    }

    /// <summary>How a tag appears in the history: period, disability details, source.</summary>
    public static string Summary(ResidentTag t)
    {
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var parts = new List<string> { $"{D(t.StartDate)}~{D(t.EndDate)}" };
        if (t.DisabilityCategory is { } c) parts.Add($"{Labels.Zh(c)}{t.DisabilityGrade}级");
        if (!string.IsNullOrEmpty(t.Source)) parts.Add(t.Source);
        return string.Join("; ", parts);
    }
}
