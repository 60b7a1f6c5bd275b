using Linli.Modules.Organization;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents;

// 楼栋 building: a block in a community, divided into units (单元) and floors; its houses are spread over the
// community's grids, so the building itself is scoped to the community.
public sealed class Building : IOrgScoped
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public required string Name { get; set; }   // 3幢, 阳光花园 12 号楼
    public string? Address { get; set; }         // 中山东路 88 弄 3 号
    public int Floors { get; set; }
    public int UnitCount { get; set; }
    public string OrgPath { get; set; } = "";
}

public sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> b)
    {
        b.ToTable("Buildings");
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => new { x.CommunityId, x.Name }).IsUnique();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}
