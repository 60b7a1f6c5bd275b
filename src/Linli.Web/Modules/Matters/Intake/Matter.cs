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
    public string? AssigneeId { get; set; }             // the person handling it now (set when someone starts work on it)
    public string? AssigneeName { get; set; }
    public string? HandlingPath { get; set; }           // the handling unit's path: that unit and the levels above it see the matter too
    public DateTime? AcceptDueAt { get; set; }          // UTC, in working time from the category's limits
    public DateTime? ResolveDueAt { get; set; }
    /// <summary>The running deadline as the database computes it (a stored column, MatterClock.RunningDueSql), for queries
    /// only: it is stale in memory until saved; code reads <see cref="MatterClock.RunningDue(Matter)"/>.</summary>
    public DateTime? RunningDueAt { get; private set; }
    public DateTime? WarnedAt { get; set; }             // yellow warning sent for the running deadline; cleared when a new deadline is set
    public DateTime? OverdueAt { get; set; }            // red: the running deadline passed and was flagged; cleared likewise
    public bool Supervised { get; set; }                // 督办: urged by a higher level (by hand or by the overdue timer)
    public DateTime? SupervisedAt { get; set; }
    public DateTime? SuspendedAt { get; set; }          // 挂账: the clock stops while suspended
    public long? DispatchedByUnitId { get; set; }       // the unit that dispatched it last: 回退 goes back there
    public MatterState? ResumeState { get; set; }       // where an extension request or a suspension returns to
    public int? ExtensionDays { get; set; }             // working days asked for by the pending extension request
    public DateTime? RatedAt { get; set; }              // the resident rated the result (once) through tracking

    public DateTime? AcceptedAt { get; set; }           // UTC milestones, for the statistics
    public DateTime? DispatchedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedById { get; set; }           // 核查 must be done by someone else
    public string? Result { get; set; }                 // 办理结果, public
    public DateTime? VerifiedAt { get; set; }
    public DateTime? FollowedUpAt { get; set; }
    public MatterSatisfaction? Satisfaction { get; set; } // 回访 result
    public DateTime? ClosedAt { get; set; }
    public int ReworkCount { get; set; }                // 返工: verification failed
    public int RedoCount { get; set; }                  // 重办: the resident was not satisfied
    public int EscalationCount { get; set; }            // 四级联动: times raised one level up
    public long? DuplicateOfId { get; set; }            // linked into an earlier matter; follows its progress

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

// 回访 the resident's verdict on the result.
[JsonConverter(typeof(JsonStringEnumConverter<MatterSatisfaction>))]
public enum MatterSatisfaction
{
    [Label("满意", "Satisfied")] Satisfied,
    [Label("基本满意", "Basically satisfied")] Basic,
    [Label("不满意", "Not satisfied")] NotSatisfied,
}

// Every state of the workflow.
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
        b.Property(x => x.HandlingPath).HasMaxLength(200);
        b.HasIndex(x => new { x.HandlingPath, x.OrgPath }); // with the owner's path: "handled here, owned elsewhere" counts from the index
        b.HasIndex(x => x.HandlingDepartmentId);
        b.Property(x => x.Satisfaction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ResumeState).HasConversion<string>().HasMaxLength(30);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.DispatchedByUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.ResolvedById).HasMaxLength(450);
        b.Property(x => x.AssigneeId).HasMaxLength(450);
        b.Property(x => x.AssigneeName).HasMaxLength(100);
        b.HasIndex(x => x.AssigneeId);
        b.Property(x => x.Result).HasMaxLength(2000);
        b.HasIndex(x => x.DuplicateOfId);
        b.HasIndex(x => new { x.State, x.CreatedAt });
        b.HasIndex(x => new { x.CreatedAt, x.Id }); // the lists' newest-first order: a wide scope reads its first pages off this
        b.HasIndex(x => new { x.OrgPath, x.CreatedAt }); // a unit's matters of a period: the statistics' main scan
        // Open matters with a running clock, by unit: the supervision board's counts.
        b.HasIndex(x => new { x.OrgPath, x.State, x.AcceptDueAt, x.ResolveDueAt }, "IX_Matters_Running").HasFilter(MatterClock.RunningFilter);
        // Overdue now (WhereOverdue) reads only the overdue entries of this one, not every open matter of the scope: a
        // city has hundreds of thousands open and a few thousand overdue.
        b.Property(x => x.RunningDueAt).HasComputedColumnSql(MatterClock.RunningDueSql, stored: true);
        b.HasIndex(x => new { x.RunningDueAt, x.OrgPath }, "IX_Matters_Overdue").HasFilter("\"RunningDueAt\" IS NOT NULL");
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
