using System.Text.Json.Serialization;
using Linli.Modules.Residents;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Visits;

// 走访记录 one visit by a worker to a household (or one resident living there), as recorded from the phone.
// A correction is a new version: the earlier one stays readable and points to the version that replaced it.
public sealed class Visit : IOrgScoped
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public long? ResidentId { get; set; }          // the person visited, when the visit was for one resident
    public long HouseId { get; set; }
    public required string WorkerId { get; set; }
    public required string WorkerName { get; set; }
    public DateTime VisitedAt { get; set; }        // local time of the visit, as the worker states it
    public VisitType Type { get; set; }
    public required string PeopleMet { get; set; } // 接待人
    public required string Situation { get; set; } // 走访情况
    public string? RequestsHeard { get; set; }     // 居民诉求
    public string? HelpGiven { get; set; }         // 帮扶措施
    public string? FollowUp { get; set; }          // 需跟进事项; null when nothing is left to do
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public long? MatterId { get; set; }            // 民情诉求 registered from this visit, in the same step

    public int Version { get; set; } = 1;
    public long? OriginalId { get; set; }          // the first version, for every later one
    public long? SupersededById { get; set; }      // set when a correction replaced this version
    public DateTime RecordedAt { get; set; }       // UTC
    public string? CorrectionReason { get; set; }

    public long OrgUnitId { get; set; }            // the house's grid
    public string OrgPath { get; set; } = "";

    public Visit? SupersededBy { get; set; }
    public List<VisitPhoto> Photos { get; set; } = [];

    public bool IsCurrent => SupersededById is null;
}

[JsonConverter(typeof(JsonStringEnumConverter<VisitType>))]
public enum VisitType
{
    [Label("日常走访", "Routine")] Routine,
    [Label("重点人群关爱", "Key-population care")] KeyPopulationCare,
    [Label("矛盾纠纷排查", "Dispute")] Dispute,
    [Label("安全检查", "Safety inspection")] SafetyInspection,
    [Label("政策宣传", "Policy publicity")] PolicyPublicity,
}

public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("Visits");
        b.Property(x => x.WorkerId).HasMaxLength(450).IsRequired();
        b.Property(x => x.WorkerName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.PeopleMet).HasMaxLength(100).IsRequired();
        b.Property(x => x.Situation).HasMaxLength(2000).IsRequired();
        b.Property(x => x.RequestsHeard).HasMaxLength(2000);
        b.Property(x => x.HelpGiven).HasMaxLength(2000);
        b.Property(x => x.FollowUp).HasMaxLength(1000);
        b.Property(x => x.CorrectionReason).HasMaxLength(500);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => new { x.WorkerId, x.VisitedAt });
        b.HasIndex(x => new { x.HouseholdId, x.VisitedAt });
        b.HasIndex(x => x.OriginalId);
        b.HasIndex(x => x.MatterId);
        b.HasOne<Matters.Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.SupersededBy).WithMany().HasForeignKey(x => x.SupersededById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}
