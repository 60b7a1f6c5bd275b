using Linli.Modules.Organization;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Grids;

// 网格边界 a grid's outline: a GeoJSON Polygon or MultiPolygon (WGS 84 lon/lat), checked before it is stored.
public sealed class GridBoundary : IOrgScoped
{
    public long GridId { get; set; }
    public required string GeoJson { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string OrgPath { get; set; } = "";    // the grid's path
}

public sealed class GridBoundaryConfiguration : IEntityTypeConfiguration<GridBoundary>
{
    public void Configure(EntityTypeBuilder<GridBoundary> b)
    {
        b.ToTable("GridBoundaries");
        b.HasKey(x => x.GridId);
        b.Property(x => x.GridId).ValueGeneratedNever();
        b.Property(x => x.GeoJson).IsRequired();
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
    }
}
