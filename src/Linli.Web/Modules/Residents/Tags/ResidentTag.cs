using System.Text.Json.Serialization;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents;

// 重点人群标签 a key-population tag on a resident, for a period, with where the information came from.
public sealed class ResidentTag : IOrgScoped
{
    public long Id { get; set; }
    public long ResidentId { get; set; }
    public required string TagCode { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Source { get; set; }          // 来源: 民政局, 残联, 走访 …
    public string? Note { get; set; }
    public DisabilityCategory? DisabilityCategory { get; set; }
    public int? DisabilityGrade { get; set; }    // 1 (most severe) … 4
    public string OrgPath { get; set; } = "";    // the resident's path

    public TagDefinition? Tag { get; set; }

    public bool IsCurrent(DateOnly today) => (StartDate is null || StartDate <= today) && (EndDate is null || EndDate >= today);
}

// 残疾类别 (GB/T 26341)
[JsonConverter(typeof(JsonStringEnumConverter<DisabilityCategory>))]
public enum DisabilityCategory
{
    [Label("视力残疾", "Visual")] Visual,
    [Label("听力残疾", "Hearing")] Hearing,
    [Label("言语残疾", "Speech")] Speech,
    [Label("肢体残疾", "Physical")] Physical,
    [Label("智力残疾", "Intellectual")] Intellectual,
    [Label("精神残疾", "Mental")] Mental,
    [Label("多重残疾", "Multiple")] Multiple,
}

public sealed class ResidentTagConfiguration : IEntityTypeConfiguration<ResidentTag>
{
    public void Configure(EntityTypeBuilder<ResidentTag> b)
    {
        b.ToTable("ResidentTags");
        b.Property(x => x.TagCode).HasMaxLength(40).IsRequired();
        b.Property(x => x.Source).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.DisabilityCategory).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => new { x.TagCode, x.ResidentId });
        b.HasIndex(x => x.ResidentId);
        b.HasOne(x => x.Tag).WithMany().HasForeignKey(x => x.TagCode).OnDelete(DeleteBehavior.Restrict);
    }
}
