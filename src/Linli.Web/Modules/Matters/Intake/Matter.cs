using System.Text.Json.Serialization;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Matters;

// 民情诉求 one matter a resident raised, whatever the channel. The registering unit owns it (首问责任) until closed.
public sealed class Matter : IOrgScoped
{
    public long Id { get; set; }
    public required string TicketNumber { get; set; }   // public, e.g. M20261123-000123
    public required string TrackingTokenHash { get; set; }
    public MatterChannel Channel { get; set; }
    public int CategoryId { get; set; }             // the configured category (事项分类); its name is kept as registered
    public required string CategoryName { get; set; }
    public required string Description { get; set; }
    public string? Address { get; set; }
    public long? HouseId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public long? ReporterResidentId { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterContactCipher { get; set; }
    public string? ReporterContactMasked { get; set; }
    public bool AnonymousToPublic { get; set; }
    public string? OnBehalfReason { get; set; }         // 代办: why a worker registered it for the resident
    public MatterUrgency Urgency { get; set; }
    public MatterState State { get; set; }

    public long RegisteredByUnitId { get; set; }        // 首问责任单位: stays the owner whoever handles it
    public long? HandlingUnitId { get; set; }
    public long? HandlingDepartmentId { get; set; }
    public DateTime? AcceptDueAt { get; set; }          // set once the working-time calendar lands
    public DateTime? ResolveDueAt { get; set; }

    public DateTime CreatedAt { get; set; }             // UTC
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public string OrgPath { get; set; } = "";           // the owner unit's path: the owner and every level above see it

    public List<MatterEvent> Events { get; set; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<MatterChannel>))]
public enum MatterChannel
{
    [Label("窗口", "Counter")] Counter,
    [Label("热线", "Hotline")] Hotline,
    [Label("信箱", "Mailbox")] Mailbox,
    [Label("网上", "Web")] Web,
    [Label("网格员", "Grid worker")] GridWorker,
    [Label("Open311", "Open311")] Open311,
}

[JsonConverter(typeof(JsonStringEnumConverter<MatterUrgency>))]
public enum MatterUrgency
{
    [Label("一般", "Normal")] Normal,
    [Label("紧急", "Urgent")] Urgent,
}

// Every state of the workflow; only Registered is reached so far, the transitions come next.
[JsonConverter(typeof(JsonStringEnumConverter<MatterState>))]
public enum MatterState
{
    [Label("已登记", "Registered")] Registered,
    [Label("已受理", "Accepted")] Accepted,
    [Label("不予受理", "Rejected")] Rejected,
    [Label("已派遣", "Dispatched")] Dispatched,
    [Label("办理中", "In progress")] InProgress,
    [Label("已回退", "Returned")] Returned,
    [Label("已上报", "Escalated")] Escalated,
    [Label("延期申请中", "Extension requested")] ExtensionRequested,
    [Label("挂账", "Suspended")] Suspended,
    [Label("已办结", "Resolved")] Resolved,
    [Label("已核查", "Verified")] Verified,
    [Label("已回访", "Followed up")] FollowedUp,
    [Label("重办", "Reopened")] Reopened,
    [Label("已关闭", "Closed")] Closed,
}

public sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> b)
    {
        b.ToTable("Matters");
        b.Property(x => x.TicketNumber).HasMaxLength(20).IsRequired();
        b.HasIndex(x => x.TicketNumber).IsUnique();
        b.Property(x => x.TrackingTokenHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Urgency).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.CategoryName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.ReporterName).HasMaxLength(100);
        b.Property(x => x.ReporterContactCipher).HasMaxLength(300);
        b.Property(x => x.ReporterContactMasked).HasMaxLength(100);
        b.Property(x => x.OnBehalfReason).HasMaxLength(500);
        b.Property(x => x.CreatedById).HasMaxLength(450).IsRequired();
        b.Property(x => x.CreatedByName).HasMaxLength(100).IsRequired();
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => new { x.State, x.CreatedAt });
        b.HasIndex(x => x.CategoryId);
        b.HasOne<Categories.MatterCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.RegisteredByUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.HandlingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.HandlingDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<House>().WithMany().HasForeignKey(x => x.HouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ReporterResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.MatterId).OnDelete(DeleteBehavior.Cascade);
    }
}
