using System.Text.Json.Serialization;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Grids;

// 网格调整记录 one re-draw of grids: which houses went from where to where, by whom, when.
public sealed class GridChange : IOrgScoped
{
    public long Id { get; set; }
    public GridChangeKind Kind { get; set; }
    public long? FromGridId { get; set; }
    public long ToGridId { get; set; }
    public int HouseCount { get; set; }
    public string HouseIds { get; set; } = "";   // comma-separated, the houses that moved
    public string? UserName { get; set; }
    public DateTime At { get; set; }
    public string OrgPath { get; set; } = "";    // the community's path: both grids' community sees it
}

[JsonConverter(typeof(JsonStringEnumConverter<GridChangeKind>))]
public enum GridChangeKind
{
    [Label("调整房屋", "Houses moved")] MoveHouses,
    [Label("拆分网格", "Split")] Split,
    [Label("合并网格", "Merge")] Merge,
}

public sealed class GridChangeConfiguration : IEntityTypeConfiguration<GridChange>
{
    public void Configure(EntityTypeBuilder<GridChange> b)
    {
        b.ToTable("GridChanges");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => x.FromGridId);
        b.HasIndex(x => x.ToGridId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.FromGridId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ToGridId).OnDelete(DeleteBehavior.Restrict);
    }
}
