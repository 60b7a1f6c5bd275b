using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Idempotency;

/// <summary>
/// One POST made with an Idempotency-Key: the caller, the key, a hash of what was asked, and the answer given
/// (encrypted: it may carry a tracking token shown only once). Status 0 while the first request is still running.
/// Written with plain SQL, so it never enters the audit log; kept 24 hours.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Caller { get; set; }      // user id, or "open311:{client id}"
    public required string Key { get; set; }
    public required string RequestHash { get; set; } // SHA-256 hex of method, path and body
    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? BodyCipher { get; set; }
    public DateTime CreatedAt { get; set; }          // UTC
    public DateTime ExpiresAt { get; set; }          // UTC
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyRecords");
        b.HasKey(x => new { x.Caller, x.Key }); // the unique (caller, key) pair that makes concurrent duplicates collide
        b.Property(x => x.Caller).HasMaxLength(450);
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.RequestHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Location).HasMaxLength(300);
        b.HasIndex(x => x.ExpiresAt);
    }
}
