using System.Globalization;
using Linli.Modules.Residents;
using Linli.Platform.Problems;

namespace Linli.Modules.Matters;

// The fields of a new matter as the intake form and the API send them; checked the same way for both.
public sealed class MatterForm
{
    public string? Channel { get; set; }
    public long? CategoryId { get; set; }
    public string? CategoryName { get; set; }
    public string? Description { get; set; }
    public string? Address { get; set; }
    public long? HouseId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public long? ResidentId { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterContact { get; set; }
    public bool AnonymousToPublic { get; set; }
    public string? Urgency { get; set; }
    public string? OnBehalfReason { get; set; }

    public sealed record Values(MatterChannel Channel, long CategoryId, string CategoryName, string Description, string? Address,
        long? HouseId, double? Latitude, double? Longitude, long? ResidentId, string? ReporterName, string? ReporterContact,
        bool AnonymousToPublic, MatterUrgency Urgency, string? OnBehalfReason);

    /// <summary>The checked values, or throws <see cref="FieldErrorsException"/> naming every bad field.</summary>
    public Values Check()
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string zh, string en) => errors.TryAdd(field, [Loc.T(zh, en)]);
        var channel = Labels.Parse<MatterChannel>(Channel);
        if (channel is null) errors["channel"] = [Loc.T("请选择受理渠道。", "Choose the channel.") + " " + Labels.Expected<MatterChannel>()];
        var urgency = string.IsNullOrWhiteSpace(Urgency) ? MatterUrgency.Normal : Labels.Parse<MatterUrgency>(Urgency);
        if (urgency is null) errors["urgency"] = [Loc.T("紧急程度无效。", "Unknown urgency.") + " " + Labels.Expected<MatterUrgency>()];
        if (CategoryId is null && string.IsNullOrWhiteSpace(CategoryName)) Fail("categoryId", "请选择诉求类别。", "Choose the category.");
        Limit("categoryName", CategoryName, 100);
        if (string.IsNullOrWhiteSpace(Description)) Fail("description", "请填写诉求内容。", "Describe the matter.");
        Limit("description", Description, 4000);
        Limit("address", Address, 300);
        Limit("reporterName", ReporterName, 100);
        Limit("reporterContact", ReporterContact, 50);
        Limit("onBehalfReason", OnBehalfReason, 500);
        if (Latitude is { } lat && (lat < -90 || lat > 90)) Fail("latitude", "纬度应在 -90 到 90 之间。", "Latitude is between -90 and 90.");
        if (Longitude is { } lon && (lon < -180 || lon > 180)) Fail("longitude", "经度应在 -180 到 180 之间。", "Longitude is between -180 and 180.");
        if ((Latitude is null) != (Longitude is null)) Fail("latitude", "经纬度须同时填写。", "Give both latitude and longitude.");
        if (CategoryId is < 0) Fail("categoryId", "类别编号无效。", "Unknown category id.");
        if (ResidentId is not null && channel is MatterChannel.Counter or MatterChannel.Hotline && string.IsNullOrWhiteSpace(OnBehalfReason))
            Fail("onBehalfReason", "代居民登记时请说明代办原因。", "State why you register this for the resident (代办).");
        if (errors.Count > 0) throw new FieldErrorsException(errors);
        return new(channel!.Value, CategoryId ?? 0, CategoryName?.Trim() ?? "", Description!.Trim(), Blank(Address), HouseId, Latitude, Longitude,
            ResidentId, Blank(ReporterName), Blank(ReporterContact), AnonymousToPublic, urgency!.Value, Blank(OnBehalfReason));

        void Limit(string field, string? value, int max)
        {
            if (value is not null && value.Trim().Length > max)
                Fail(field, $"不超过 {max.ToString(CultureInfo.InvariantCulture)} 字。", $"At most {max} characters.");
        }
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
