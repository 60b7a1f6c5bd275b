using Linli.Platform.OrgScope;

namespace Linli.Modules.Organization;

// 行政层级: 市 → 区 → 街道 → 社区 → 网格. Levels nest strictly, one step at a time.
public enum OrgLevel
{
    City = 1,
    District = 2,
    Street = 3,
    Community = 4,
    Grid = 5,
}

// 组织单元 org unit: one node of the city → district → street → community → grid tree.
public sealed class OrgUnit : IOrgScoped
{
    public long Id { get; set; }
    public long? ParentId { get; set; }
    public OrgLevel Level { get; set; }

    // 统计用区划代码: 12 digits (6 county + 3 street + 3 community); a grid adds a 3-digit suffix.
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }

    // Materialized path of ids with delimiters, e.g. "/1/7/42/": "everything under X" is one prefix query.
    public string OrgPath { get; set; } = "";

    public OrgUnit? Parent { get; set; }
}

// 层级名称 level names as people write them (市/区/街道/社区/网格) and as the API writes them (City, …).
public static class OrgLevels
{
    static readonly Dictionary<string, OrgLevel> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["市"] = OrgLevel.City, ["区"] = OrgLevel.District, ["区县"] = OrgLevel.District, ["县"] = OrgLevel.District,
        ["街道"] = OrgLevel.Street, ["乡镇"] = OrgLevel.Street, ["镇"] = OrgLevel.Street,
        ["社区"] = OrgLevel.Community, ["村"] = OrgLevel.Community, ["网格"] = OrgLevel.Grid,
    };

    /// <summary>Accepts the enum name or number (City, 1) and the Chinese names; null when unknown.</summary>
    public static OrgLevel? Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (Names.TryGetValue(t, out var level)) return level;
        return Enum.TryParse<OrgLevel>(t, ignoreCase: true, out level) && Enum.IsDefined(level) ? level : null;
    }

    public static string DisplayName(OrgLevel level) => level switch
    {
        OrgLevel.City => Loc.T("市", "City"),
        OrgLevel.District => Loc.T("区", "District"),
        OrgLevel.Street => Loc.T("街道", "Street"),
        OrgLevel.Community => Loc.T("社区", "Community"),
        OrgLevel.Grid => Loc.T("网格", "Grid"),
        _ => level.ToString(),
    };

    public static OrgLevel? ParentOf(OrgLevel level) => level == OrgLevel.City ? null : level - 1;

    public static OrgLevel? ChildOf(OrgLevel level) => level == OrgLevel.Grid ? null : level + 1;
}
