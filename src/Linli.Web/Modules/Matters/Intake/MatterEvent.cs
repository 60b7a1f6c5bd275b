using System.Text.Json.Serialization;
using Linli.Modules.Residents;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Matters;

// 办理记录 one step on a matter's timeline. Public rows (and public replies) are what the reporter sees when tracking.
public sealed class MatterEvent : IOrgScoped
{
    public long Id { get; set; }
    public long MatterId { get; set; }
    public MatterEventType Type { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public DateTime At { get; set; }               // UTC
    public string? Note { get; set; }
    public bool IsPublic { get; set; }
    public string OrgPath { get; set; } = "";      // the matter's path
}

[JsonConverter(typeof(JsonStringEnumConverter<MatterEventType>))]
public enum MatterEventType
{
    [Label("登记", "Registered")] Registered,
    [Label("代办登记", "Registered on behalf")] RegisteredOnBehalf,
    [Label("答复", "Reply")] Reply,
    [Label("内部备注", "Staff note")] StaffNote,
    [Label("受理", "Accepted")] Accepted,
    [Label("不予受理", "Rejected")] Rejected,
    [Label("派遣", "Dispatched")] Dispatched,
    [Label("开始办理", "Started")] Started,
    [Label("回退", "Returned")] Returned,
    [Label("上报", "Escalated")] Escalated,
    [Label("申请延期", "Extension requested")] ExtensionRequested,
    [Label("同意延期", "Extension approved")] ExtensionApproved,
    [Label("不同意延期", "Extension refused")] ExtensionRefused,
    [Label("督办", "Supervised")] Supervised,
    [Label("挂账", "Suspended")] Suspended,
    [Label("恢复办理", "Resumed")] Resumed,
    [Label("办结", "Resolved")] Resolved,
    [Label("核查通过", "Verified")] Verified,
    [Label("核查不通过", "Verification failed")] VerificationFailed,
    [Label("回访", "Followed up")] FollowedUp,
    [Label("重办", "Reopened")] Reopened,
    [Label("关闭", "Closed")] Closed,
    [Label("并案", "Linked as duplicate")] Linked,
    [Label("临期预警", "Deadline warning")] DeadlineWarning,
    [Label("超期", "Overdue")] Overdue,
}

public sealed class MatterEventConfiguration : IEntityTypeConfiguration<MatterEvent>
{
    public void Configure(EntityTypeBuilder<MatterEvent> b)
    {
        b.ToTable("MatterEvents");
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ActorId).HasMaxLength(450).IsRequired();
        b.Property(x => x.ActorName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => new { x.MatterId, x.At });
        b.HasIndex(x => new { x.Type, x.At }); // 四级联动: escalation steps of a period
        b.HasIndex(x => new { x.OrgPath, x.At, x.MatterId }, "IX_MatterEvents_Escalated").HasFilter("\"Type\" = 'Escalated'"); // a subtree's, covering
    }
}

// The last ticket number handed out per day; bumped by one atomic upsert so parallel intakes never share a number.
public sealed class MatterTicketCounter
{
    public required string Day { get; set; }       // yyyyMMdd
    public int Last { get; set; }
}

public sealed class MatterTicketCounterConfiguration : IEntityTypeConfiguration<MatterTicketCounter>
{
    public void Configure(EntityTypeBuilder<MatterTicketCounter> b)
    {
        b.ToTable("MatterTicketCounters");
        b.HasKey(x => x.Day);
        b.Property(x => x.Day).HasMaxLength(8);
    }
}
