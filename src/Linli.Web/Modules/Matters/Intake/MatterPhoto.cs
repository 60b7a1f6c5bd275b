using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Matters;

// 诉求照片 a photo of what the reporter or a worker saw; seen by exactly those who see the matter, never in public tracking.
public sealed class MatterPhoto : IOrgScoped
{
    public long Id { get; set; }
    public long MatterId { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Data { get; set; }
    public DateTime At { get; set; }               // UTC
    public required string AddedById { get; set; }
    public string OrgPath { get; set; } = "";      // the matter's owner path
}

public sealed class MatterPhotoConfiguration : IEntityTypeConfiguration<MatterPhoto>
{
    public void Configure(EntityTypeBuilder<MatterPhoto> b)
    {
        b.ToTable("MatterPhotos");
        b.Property(x => x.ContentType).HasMaxLength(30).IsRequired();
        b.Property(x => x.AddedById).HasMaxLength(450).IsRequired();
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.MatterId);
        b.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Cascade);
    }
}
