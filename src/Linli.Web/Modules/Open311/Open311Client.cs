using System.Security.Cryptography;
using System.Text;
using Linli.Modules.Organization;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Open311;

// Open311 接入系统 one client system allowed to POST requests with its api_key. Its matters are owned by the bound unit
// (首问责任); the key is shown once at creation and stored only as a hash.
public sealed class Open311Client : IOrgScoped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public long OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";     // the bound unit's path
    public required string KeyHash { get; set; }  // SHA-256 hex of the key
    public required string KeyHint { get; set; }  // the key's first characters, to tell keys apart in the list
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }       // UTC
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// <summary>The identity a request made with this client's key acts as (audit, matter creator).</summary>
    public string ActorId => $"open311:{Id}";

    public static string NewKey() => "o311_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public static string Hint(string key) => key.Length <= 8 ? key[..Math.Min(3, key.Length)] + "…" : key[..8] + "…";
}

// Open311 受理记录 which client submitted a matter, the token of the spec's token flow and the client's media URL.
public sealed class Open311Submission
{
    public long Id { get; set; }
    public long MatterId { get; set; }
    public long ClientId { get; set; }
    public required string Token { get; set; }    // public, maps to the ticket number via GET /tokens/{token}
    public string? MediaUrl { get; set; }
    public DateTime CreatedAt { get; set; }       // UTC
}

public sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> b)
    {
        b.ToTable("Open311Clients");
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.Property(x => x.KeyHash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.Property(x => x.KeyHint).HasMaxLength(12).IsRequired();
        b.Property(x => x.CreatedById).HasMaxLength(450).IsRequired();
        b.Property(x => x.CreatedByName).HasMaxLength(100).IsRequired();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class Open311SubmissionConfiguration : IEntityTypeConfiguration<Open311Submission>
{
    public void Configure(EntityTypeBuilder<Open311Submission> b)
    {
        b.ToTable("Open311Submissions");
        b.Property(x => x.Token).HasMaxLength(40).IsRequired();
        b.HasIndex(x => x.Token).IsUnique();
        b.HasIndex(x => x.MatterId).IsUnique();
        b.Property(x => x.MediaUrl).HasMaxLength(500);
        b.HasOne<Matters.Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Open311Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
