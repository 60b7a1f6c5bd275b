using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Linli.Modules.Residents;
using Linli.Platform.Problems;

namespace Linli.Modules.Visits;

// The fields of a visit as the phone form and the API send them; checked the same way for both.
public sealed class VisitForm
{
    public long? HouseholdId { get; set; }
    public long? ResidentId { get; set; }
    [Display(Name = "走访时间")] public DateTime? VisitedAt { get; set; }
    [Display(Name = "走访类型")] public string? Type { get; set; }
    [Display(Name = "接待人")] public string? PeopleMet { get; set; }
    [Display(Name = "走访情况")] public string? Situation { get; set; }
    [Display(Name = "居民诉求")] public string? RequestsHeard { get; set; }
    [Display(Name = "帮扶措施")] public string? HelpGiven { get; set; }
    [Display(Name = "需跟进事项")] public string? FollowUp { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public VisitMatterForm? Matter { get; set; }    // 民情诉求 heard on the visit, registered with it (new visits only)

    public const int MaxDaysBack = 31;

    public sealed record Values(long HouseholdId, long? ResidentId, DateTime VisitedAt, VisitType Type, string PeopleMet, string Situation,
        string? RequestsHeard, string? HelpGiven, string? FollowUp, double? Latitude, double? Longitude);

    /// <summary>The checked values, or throws <see cref="FieldErrorsException"/> naming every bad field.</summary>
    public Values Check(DateTime now, DateTime? earliest = null)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string zh, string en) => errors[field] = [Loc.T(zh, en)];
        if (HouseholdId is null) Fail("householdId", "请选择走访的住户。", "Choose the household visited.");
        if (VisitedAt is not { } at) Fail("visitedAt", "请填写走访时间。", "Enter when the visit took place.");
        else if (at > now.AddMinutes(10)) Fail("visitedAt", "走访时间不能晚于现在。", "The visit cannot be in the future.");
        else if (at < now.AddDays(-MaxDaysBack) && (earliest is null || at < earliest.Value.Date)) Fail("visitedAt", $"只能补记 {MaxDaysBack} 天内的走访。", $"Visits can be recorded up to {MaxDaysBack} days late.");
        var type = Labels.Parse<VisitType>(Type);
        if (type is null) errors["type"] = [Loc.T("请选择走访类型。", "Choose the visit type.") + " " + Labels.Expected<VisitType>()];
        if (string.IsNullOrWhiteSpace(PeopleMet)) Fail("peopleMet", "请填写接待人。", "Enter who was met.");
        else if (PeopleMet.Trim().Length > 100) Fail("peopleMet", "接待人不超过 100 字。", "At most 100 characters.");
        if (string.IsNullOrWhiteSpace(Situation)) Fail("situation", "请填写走访情况。", "Describe the situation found.");
        Limit(errors, "situation", Situation, 2000);
        Limit(errors, "requestsHeard", RequestsHeard, 2000);
        Limit(errors, "helpGiven", HelpGiven, 2000);
        Limit(errors, "followUp", FollowUp, 1000);
        if (Latitude is { } lat && (lat < -90 || lat > 90)) Fail("latitude", "纬度应在 -90 到 90 之间。", "Latitude is between -90 and 90.");
        if (Longitude is { } lon && (lon < -180 || lon > 180)) Fail("longitude", "经度应在 -180 到 180 之间。", "Longitude is between -180 and 180.");
        if ((Latitude is null) != (Longitude is null)) Fail("latitude", "经纬度须同时填写。", "Give both latitude and longitude.");
        if (Matter is { } m)
        {
            if (m.CategoryId is not > 0) Fail("matter.categoryId", "请选择诉求类别。", "Choose the matter's category.");
            if (string.IsNullOrWhiteSpace(m.Description)) Fail("matter.description", "请填写诉求内容。", "Describe the matter.");
            Limit(errors, "matter.description", m.Description, 4000);
        }
        if (errors.Count > 0) throw new FieldErrorsException(errors);
        return new(HouseholdId!.Value, ResidentId, DateTime.SpecifyKind(VisitedAt!.Value, DateTimeKind.Unspecified), type!.Value, PeopleMet!.Trim(), Situation!.Trim(),
            Blank(RequestsHeard), Blank(HelpGiven), Blank(FollowUp), Latitude, Longitude);
    }

    static void Limit(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max && !errors.ContainsKey(field))
            errors[field] = [Loc.T($"不超过 {max.ToString(CultureInfo.InvariantCulture)} 字。", $"At most {max} characters.")];
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

// The matter part of a visit: what the resident asked for, to be handled as a 民情诉求.
public sealed class VisitMatterForm
{
    public long? CategoryId { get; set; }
    public string? Description { get; set; }
    public string? Urgency { get; set; }
}
