using Linli.Modules.Residents;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Visits;

// 走访频次 how often a household must be visited: every household at least once a year, more often when someone
// living there carries a tag (living-alone elderly weekly, community correction monthly …). City-wide settings,
// not personal data, so not org-scoped.
public sealed class VisitRule
{
    public int Id { get; set; }
    public string? TagCode { get; set; }           // null: every household
    public int IntervalDays { get; set; }
    public bool Active { get; set; } = true;

    public TagDefinition? Tag { get; set; }

    public static readonly VisitRule[] Defaults =
    [
        new() { Id = 1, TagCode = null, IntervalDays = 365 },
        new() { Id = 2, TagCode = TagCodes.LivingAloneElderly, IntervalDays = 7 },
        new() { Id = 3, TagCode = TagCodes.CommunityCorrection, IntervalDays = 30 },
        new() { Id = 4, TagCode = TagCodes.Elderly80, IntervalDays = 30 },
        new() { Id = 5, TagCode = TagCodes.Tekun, IntervalDays = 30 },
        new() { Id = 6, TagCode = TagCodes.Dibao, IntervalDays = 90 },
    ];
}

public sealed class VisitRuleConfiguration : IEntityTypeConfiguration<VisitRule>
{
    public void Configure(EntityTypeBuilder<VisitRule> b)
    {
        b.ToTable("VisitRules");
        b.Property(x => x.TagCode).HasMaxLength(40);
        b.HasIndex(x => x.TagCode).IsUnique();
        b.HasOne(x => x.Tag).WithMany().HasForeignKey(x => x.TagCode).OnDelete(DeleteBehavior.Restrict);
        b.HasData(VisitRule.Defaults.Select(r => new VisitRule { Id = r.Id, TagCode = r.TagCode, IntervalDays = r.IntervalDays }));
    }
}
