using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Organization;

public sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("OrgUnits");
        // Ids are allocated by the app so that the path can be written in the same insert.
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.Code).HasMaxLength(15).IsRequired();
        b.Property(u => u.Name).HasMaxLength(100).IsRequired();
        b.Property(u => u.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.OrgPath);
        b.HasIndex(u => u.ParentId);
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("Departments");
        b.Property(d => d.Code).HasMaxLength(30).IsRequired();
        b.Property(d => d.Name).HasMaxLength(100).IsRequired();
        b.Property(d => d.OrgPath).HasMaxLength(200).IsRequired();
        b.HasIndex(d => d.Code).IsUnique();
        b.HasIndex(d => d.OrgPath);
        b.HasOne(d => d.OrgUnit).WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
