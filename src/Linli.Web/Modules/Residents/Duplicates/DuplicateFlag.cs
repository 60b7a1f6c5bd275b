using System.Text.Json.Serialization;
using Linli.Modules.Organization;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents;

// 疑似重复登记 one side of a duplicate-registration case. A case has two rows with the same data: the holder side
// (OrgPath of the unit holding the record) and the claimant side (OrgPath of the unit that tried to register the
// same ID number), so the one-path scope filter shows it to both units and everyone above either.
public sealed class DuplicateFlag : IOrgScoped
{
    public long Id { get; set; }
    public long? HolderFlagId { get; set; }      // null on the holder row; the case id is the holder row's id
    public DuplicateSide Side { get; set; }
    public long ResidentId { get; set; }         // the record already holding the number
    public long HolderUnitId { get; set; }
    public long ClaimingUnitId { get; set; }
    public long? ClaimedHouseId { get; set; }    // where the claimant wanted to register the person
    public required string ClaimedName { get; set; }   // the name the claimant typed; no ID number is stored
    public string? ClaimedById { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime ClaimedAt { get; set; }      // the latest attempt
    public int Attempts { get; set; }
    public DateTime OpenedAt { get; set; }
    public DuplicateStatus Status { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolutionNote { get; set; }
    public string OrgPath { get; set; } = "";    // this side's unit

    public DuplicateFlag? Holder { get; set; }

    public long CaseId => HolderFlagId ?? Id;
}

public enum DuplicateSide { Holder, Claimant }

[JsonConverter(typeof(JsonStringEnumConverter<DuplicateStatus>))]
public enum DuplicateStatus
{
    [Label("待处理", "Open")] Open,
    [Label("已迁入认领方", "Moved to the claimant")] Moved,
    [Label("已排除", "Dismissed")] Dismissed,
}

public sealed class DuplicateFlagConfiguration : IEntityTypeConfiguration<DuplicateFlag>
{
    public void Configure(EntityTypeBuilder<DuplicateFlag> b)
    {
        b.ToTable("DuplicateFlags");
        b.Ignore(x => x.CaseId);
        b.Property(x => x.Side).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ClaimedName).HasMaxLength(50).IsRequired();
        b.Property(x => x.ClaimedById).HasMaxLength(450);
        b.Property(x => x.ClaimedBy).HasMaxLength(256);
        b.Property(x => x.ResolvedBy).HasMaxLength(256);
        b.Property(x => x.ResolutionNote).HasMaxLength(500);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => x.HolderFlagId);
        b.HasIndex(x => new { x.ResidentId, x.ClaimingUnitId, x.Status });
        b.HasOne(x => x.Holder).WithMany().HasForeignKey(x => x.HolderFlagId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.HolderUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ClaimingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<House>().WithMany().HasForeignKey(x => x.ClaimedHouseId).OnDelete(DeleteBehavior.SetNull);
    }
}
