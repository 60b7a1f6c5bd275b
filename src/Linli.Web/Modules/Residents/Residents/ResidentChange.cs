using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents;

// 变更记录 one field of a resident changed: from what to what, by whom, when. Written in the same save as the
// change. ID numbers and phones appear masked; changes to sensitive tags are themselves sensitive.
public sealed class ResidentChange : IOrgScoped
{
    public long Id { get; set; }
    public long ResidentId { get; set; }
    public required string Field { get; set; }   // the API field name: name, idNumber, tag:dibao …
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public bool Sensitive { get; set; }
    public string? ChangedById { get; set; }
    public string? ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
    public string OrgPath { get; set; } = "";    // the resident's path; follows the person when they move

    public Resident? Resident { get; set; }
}

public sealed class ResidentChangeConfiguration : IEntityTypeConfiguration<ResidentChange>
{
    public void Configure(EntityTypeBuilder<ResidentChange> b)
    {
        b.ToTable("ResidentChanges");
        b.Property(x => x.Field).HasMaxLength(60).IsRequired();
        b.Property(x => x.OldValue).HasMaxLength(1000);
        b.Property(x => x.NewValue).HasMaxLength(1000);
        b.Property(x => x.ChangedById).HasMaxLength(450);
        b.Property(x => x.ChangedBy).HasMaxLength(256);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => new { x.ResidentId, x.ChangedAt });
        b.HasOne(x => x.Resident).WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
