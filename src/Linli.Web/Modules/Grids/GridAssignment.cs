using System.Text.Json.Serialization;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Grids;

// 包片联户 / 定人定责: a worker assigned to a grid with a duty, for a period. Ending one keeps it as history.
public sealed class GridAssignment : IOrgScoped
{
    public long Id { get; set; }
    public long GridId { get; set; }
    public required string UserId { get; set; }
    public GridDuty Duty { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }       // null while the assignment runs
    public string OrgPath { get; set; } = "";    // the grid's path

    public bool Active => EndDate is null;
}

// 职责 duty on the grid
[JsonConverter(typeof(JsonStringEnumConverter<GridDuty>))]
public enum GridDuty
{
    [Label("网格长", "Grid leader")] Leader,       // the one responsible person (定人定责)
    [Label("网格员", "Grid worker")] Member,
    [Label("包片社工", "Caseworker")] Caseworker,
}

public sealed class GridAssignmentConfiguration : IEntityTypeConfiguration<GridAssignment>
{
    public void Configure(EntityTypeBuilder<GridAssignment> b)
    {
        b.ToTable("GridAssignments");
        b.Ignore(x => x.Active);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Duty).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => x.UserId);
        // Backstops of the rules the slices check: one running leader per grid, one running assignment per person and grid.
        b.HasIndex(x => x.GridId).IsUnique().HasFilter("\"Duty\" = 'Leader' AND \"EndDate\" IS NULL").HasDatabaseName("IX_GridAssignments_OneLeader");
        b.HasIndex(x => new { x.GridId, x.UserId }).IsUnique().HasFilter("\"EndDate\" IS NULL").HasDatabaseName("IX_GridAssignments_OnePerUser");
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Linli.Platform.Auth.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
