using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Generation;

// 诉求日汇总 the rollup behind the matter dashboards: for every org unit and every local day, the figures of the matters
// REGISTERED that day and owned anywhere in the unit's subtree (首问责任), as of their current state. One row per
// (unit, day) for the unit and each of its ancestors, so a dashboard sums a few hundred rows instead of scanning
// millions of matters. Kept by the same save that changes a matter (MatterTallyWriter), rebuilt by Rollups.
public sealed class MatterTally
{
    public long UnitId { get; set; }
    public DateOnly Day { get; set; }
    public int Received { get; set; }
    public int Accepted { get; set; }
    public int OnTimeAccepted { get; set; }
    public int Resolved { get; set; }
    public int OnTimeResolved { get; set; }
    public int ResolvedVerified { get; set; }
    public int Reworked { get; set; }
    public int FollowedUp { get; set; }
    public int Satisfied { get; set; }
    public int Redone { get; set; }
    public long HandlingSeconds { get; set; }   // Σ (ResolvedAt − CreatedAt) of the resolved, whole seconds
}

public enum BreakdownKind { Category = 0, Channel = 1 }

// Received per category and per channel, per unit and day; only for units at depth ≤ 3 of the tree (city, district,
// street): below that a dashboard's cohort is small enough to count live, and a per-category row there is about one matter.
public sealed class MatterBreakdown
{
    public const int MaxDepth = 3;

    public long UnitId { get; set; }
    public DateOnly Day { get; set; }
    public BreakdownKind Kind { get; set; }
    public int Key { get; set; }                // the category id, or the channel's ordinal
    public int Received { get; set; }
}

public sealed class MatterTallyConfiguration : IEntityTypeConfiguration<MatterTally>
{
    public void Configure(EntityTypeBuilder<MatterTally> b)
    {
        b.ToTable("MatterTallies");
        b.HasKey(x => new { x.UnitId, x.Day });
    }
}

public sealed class MatterBreakdownConfiguration : IEntityTypeConfiguration<MatterBreakdown>
{
    public void Configure(EntityTypeBuilder<MatterBreakdown> b)
    {
        b.ToTable("MatterBreakdowns");
        b.HasKey(x => new { x.UnitId, x.Day, x.Kind, x.Key });
    }
}
