using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Visits;

// 走访照片 a photo taken on a visit. Kept in the database with the visit, so a backup holds both; sizes are capped.
public sealed class VisitPhoto : IOrgScoped
{
    public long Id { get; set; }
    public long VisitId { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Data { get; set; }
    public string OrgPath { get; set; } = "";      // the visit's path
}

public sealed class VisitPhotoConfiguration : IEntityTypeConfiguration<VisitPhoto>
{
    public void Configure(EntityTypeBuilder<VisitPhoto> b)
    {
        b.ToTable("VisitPhotos");
        b.Property(x => x.ContentType).HasMaxLength(30).IsRequired();
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
    }
}
