using Linli.Platform.OrgScope;

namespace Linli.Modules.Organization;

// 职能部门 department (城管, 民政, 人社, 公安派出所 …): belongs to a unit, e.g. a district bureau or a street office.
public sealed class Department : IOrgScoped
{
    public long Id { get; set; }
    public long OrgUnitId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
    public string OrgPath { get; set; } = "";

    public OrgUnit? OrgUnit { get; set; }
}
