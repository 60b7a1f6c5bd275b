using System.Text.Json.Serialization;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents;

// 户籍变动记录 one life event of a resident: what happened on which day (not when it was typed), from where to where.
// Carries the resident's path and follows the person when they move, like tags and history.
public sealed class ResidentEvent : IOrgScoped
{
    public long Id { get; set; }
    public long ResidentId { get; set; }
    public LifeEventType Type { get; set; }
    public DateOnly Date { get; set; }
    public string? From { get; set; }            // address or place before the event
    public string? To { get; set; }              // address or destination after it
    public string? Note { get; set; }
    public string? RecordedById { get; set; }
    public string? RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    public string OrgPath { get; set; } = "";    // the resident's path

    public Resident? Resident { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<LifeEventType>))]
public enum LifeEventType
{
    [Label("迁入", "Moved in")] MoveIn,
    [Label("迁出", "Moved out")] MoveOut,
    [Label("市内迁移", "Moved within the city")] Move,
    [Label("出生登记", "Birth")] Birth,
    [Label("死亡登记", "Death")] Death,
    [Label("分户", "Household split")] Split,
    [Label("变更户主", "Head changed")] HeadChange,
}

public sealed class ResidentEventConfiguration : IEntityTypeConfiguration<ResidentEvent>
{
    public void Configure(EntityTypeBuilder<ResidentEvent> b)
    {
        b.ToTable("ResidentEvents");
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.From).HasMaxLength(200);
        b.Property(x => x.To).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.RecordedById).HasMaxLength(450);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => new { x.ResidentId, x.Date });
        b.HasOne(x => x.Resident).WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
