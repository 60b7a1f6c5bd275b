using Linli.Modules.Organization;
using Linli.Platform.OrgScope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents;

// 居民 resident: one person, registered or floating, with or without a household record.
public sealed class Resident : IOrgScoped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? Ethnicity { get; set; }          // 民族, e.g. 汉族

    // 身份证号码 and phone: AES-GCM ciphertext, keyed blind index for exact lookup, masked form for lists.
    // See ResidentSecrets; the plain value is never stored.
    public string? IdNumberCipher { get; set; }
    public string? IdNumberIndex { get; set; }
    public string? IdNumberMasked { get; set; }
    public string? PhoneCipher { get; set; }
    public string? PhoneIndex { get; set; }
    public string? PhoneMasked { get; set; }

    public string? RegistrationPlace { get; set; }  // 户籍地
    public ResidenceType ResidenceType { get; set; }
    public RegistrationMatch RegistrationMatch { get; set; }
    public Education? Education { get; set; }
    public EmploymentStatus? Employment { get; set; }
    public PoliticalStatus? Political { get; set; }
    public string? Notes { get; set; }

    public long? HouseId { get; set; }              // where the person lives; renters may have no household
    public long? HouseholdId { get; set; }
    public Relationship? Relationship { get; set; } // to the head of the household
    public ResidentStatus Status { get; set; }
    public long? MergedIntoId { get; set; }         // 已合并: the record this one was merged into

    public long OrgUnitId { get; set; }             // the house's grid, or the unit the person was registered in
    public string OrgPath { get; set; } = "";

    public Household? Household { get; set; }
    public List<ResidentTag> Tags { get; set; } = [];

    public int AgeOn(DateOnly day) => AgeOn(BirthDate, day);

    public static int AgeOn(DateOnly birth, DateOnly day) =>
        day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);
}

public sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.ToTable("Residents");
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Ethnicity).HasMaxLength(20);
        b.Property(x => x.IdNumberCipher).HasMaxLength(200);
        b.Property(x => x.IdNumberIndex).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(20);
        b.Property(x => x.PhoneCipher).HasMaxLength(200);
        b.Property(x => x.PhoneIndex).HasMaxLength(64);
        b.Property(x => x.PhoneMasked).HasMaxLength(20);
        b.Property(x => x.RegistrationPlace).HasMaxLength(200);
        b.Property(x => x.ResidenceType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RegistrationMatch).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Education).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Employment).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Political).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.Relationship).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OrgPath).HasMaxLength(200).IsRequired();

        // One record per person in the whole city: the blind index is unique across every unit.
        b.HasIndex(x => x.IdNumberIndex).IsUnique();
        b.HasIndex(x => x.PhoneIndex);
        b.HasIndex(x => new { x.OrgPath, x.Status });   // PostgreSQL: covering, for population statistics
        b.HasIndex(x => x.Name);
        b.HasIndex(x => x.BirthDate);
        b.HasIndex(x => x.HouseId);
        b.HasIndex(x => x.HouseholdId);

        b.HasOne<House>().WithMany().HasForeignKey(x => x.HouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
