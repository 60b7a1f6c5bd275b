using Linli.Modules.Matters;
using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Notifications;

// 站内消息 one message in a user's inbox. Per user, not per unit: the "Recipient" query filter shows a caller only
// their own messages, whatever their org scope.
public sealed class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    public string? Link { get; set; }          // where the message points, e.g. /matters/42
    public long? MatterId { get; set; }
    public DateTime CreatedAt { get; set; }    // UTC
    public DateTime? ReadAt { get; set; }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Body).HasMaxLength(1000);
        b.Property(x => x.Link).HasMaxLength(200);
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.HasIndex(x => new { x.UserId, x.ReadAt });
        b.HasIndex(x => x.MatterId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Cascade);
    }
}
