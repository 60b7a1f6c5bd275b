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
