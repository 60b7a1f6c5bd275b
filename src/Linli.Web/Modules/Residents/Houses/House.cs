using System.Text.Json.Serialization;
using Linli.Modules.Organization;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents;

// 房屋 house (flat): one door of a building, assigned to one grid of the building's community.
public sealed class House : IOrgScoped
{
    public long Id { get; set; }
    public long BuildingId { get; set; }
    public long GridId { get; set; }
    public int UnitNumber { get; set; }          // 单元
    public int Floor { get; set; }               // negative below ground
    public required string RoomNumber { get; set; } // 室号, e.g. 502
    public double? Area { get; set; }            // m²
    public HouseUse Use { get; set; }
    public HouseTenure Tenure { get; set; }
    public bool Vacant { get; set; }
    public string OrgPath { get; set; } = "";    // the grid's path
}

[JsonConverter(typeof(JsonStringEnumConverter<HouseUse>))]
public enum HouseUse
{
    [Label("住宅", "Residential")] Residential,
    [Label("商住两用", "Mixed")] Mixed,
    [Label("商业", "Commercial")] Commercial,
    [Label("办公", "Office")] Office,
    [Label("其他", "Other")] Other,
}

// 产权/租住 how the house is held and lived in.
[JsonConverter(typeof(JsonStringEnumConverter<HouseTenure>))]
public enum HouseTenure
{
    [Label("自有自住", "Owner-occupied")] OwnerOccupied,
    [Label("出租", "Rented out")] Rented,
    [Label("公房", "Public housing")] Public,
    [Label("单位宿舍", "Dormitory")] Dormitory,
    [Label("其他", "Other")] Other,
}

public sealed class HouseConfiguration : IEntityTypeConfiguration<House>
{
    public void Configure(EntityTypeBuilder<House> b)
    {
        b.ToTable("Houses");
        b.Property(x => x.RoomNumber).HasMaxLength(20).IsRequired();
        b.Property(x => x.Use).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Tenure).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => new { x.BuildingId, x.UnitNumber, x.RoomNumber }).IsUnique();
        b.HasIndex(x => x.GridId);
        b.HasOne<Building>().WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
    }
}
