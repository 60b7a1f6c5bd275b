using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Audit;

public static class AuditOutcome
{
    public const string Success = "Success";
    public const string Failure = "Failure";
    public const string Denied = "Denied";
}

// 审计日志 audit log row. Append-only; Id is a gapless sequence assigned under the chain lock,
// and Hash = SHA-256(PrevHash + this row's fields), so an edited, inserted or deleted row breaks the chain.
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime TimeUtc { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Roles { get; set; }
    public long? OrgUnitId { get; set; }
    public string? Ip { get; set; }
    public required string Action { get; set; }
    public string? ObjectType { get; set; }
    public string? ObjectId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string Outcome { get; set; } = AuditOutcome.Success;
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.UserName).HasMaxLength(100);
        b.Property(a => a.Roles).HasMaxLength(200);
        b.Property(a => a.Ip).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.ObjectType).HasMaxLength(100);
        b.Property(a => a.ObjectId).HasMaxLength(100);
        b.Property(a => a.Outcome).HasMaxLength(20);
        b.Property(a => a.PrevHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => a.TimeUtc);
        b.HasIndex(a => new { a.UserName, a.TimeUtc });
        b.HasIndex(a => new { a.ObjectType, a.ObjectId });
        b.HasIndex(a => a.Action);
    }
}
