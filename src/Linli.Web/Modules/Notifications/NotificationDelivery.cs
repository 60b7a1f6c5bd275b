using System.Text.Json.Serialization;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Notifications;

// 短信/微信发送队列 one outgoing SMS or WeChat message (the outbox). Written with the event that caused it; sent later
// by NotificationOutbox, which claims each row with a conditional update so no two app instances send it twice.
public sealed class NotificationDelivery
{
    public long Id { get; set; }
    public DeliveryChannel Channel { get; set; }
    public required string UserId { get; set; }
    public required string Recipient { get; set; }  // SMS: the phone encrypted with FieldProtector; WeChat: the openid
    public required string Text { get; set; }       // never personal data of residents: it leaves the machine
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }         // UTC
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryChannel>))]
public enum DeliveryChannel
{
    [Label("短信", "SMS")] Sms,
    [Label("微信", "WeChat")] WeChat,
}

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    [Label("待发送", "Pending")] Pending,
    [Label("发送中", "Sending")] Sending,
    [Label("已发送", "Sent")] Sent,
    [Label("发送失败", "Failed")] Failed,
}

public sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> b)
    {
        b.ToTable("NotificationDeliveries");
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Recipient).HasMaxLength(300).IsRequired();
        b.Property(x => x.Text).HasMaxLength(500).IsRequired();
        b.Property(x => x.LastError).HasMaxLength(500);
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
