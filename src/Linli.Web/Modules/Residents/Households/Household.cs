using System.Text.Json.Serialization;
using Linli.Modules.Organization;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents;

// 户 household: the people registered together at one house, one of them the head (户主).
public sealed class Household : IOrgScoped
{
    public long Id { get; set; }
    public long HouseId { get; set; }
    public long OrgUnitId { get; set; }          // the house's grid
    public HouseholdType Type { get; set; }
    public long? HeadResidentId { get; set; }
    public string OrgPath { get; set; } = "";    // the house's path

    public Resident? Head { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<HouseholdType>))]
public enum HouseholdType
{
    [Label("户籍户", "Registered household")] Registered,
    [Label("流动户", "Floating household")] Floating,
    [Label("集体户", "Collective household")] Collective,
}

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("Households");
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrgPath);
        b.HasIndex(x => x.HouseId);
        b.HasOne<House>().WithMany().HasForeignKey(x => x.HouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Head).WithMany().HasForeignKey(x => x.HeadResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}
