using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Matters.Categories;

// 事项分类 a node of the matter category tree: who handles it and how fast. City-wide configuration, not org-scoped
// (no IOrgScoped): every unit routes by the same tree.
public sealed class MatterCategory
{
    public int Id { get; set; }
    public string Code { get; set; } = "";           // "city.env", "city.env.litter"
    public string Name { get; set; } = "";
    public int? ParentId { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
    public HandlingLevel HandlingLevel { get; set; } = HandlingLevel.Community;
    public string? ResponsibleDepartment { get; set; } // matched later against Department names at the handling level
    public double AcceptHours { get; set; } = 4;      // working hours to accept
    public int ResolveDays { get; set; } = 5;         // working days to resolve

    public MatterCategory? Parent { get; set; }
}

// 承办层级 the level that handles a matter of this category (四级联动).
[JsonConverter(typeof(JsonStringEnumConverter<HandlingLevel>))]
public enum HandlingLevel { Community, Street, District, City }

public sealed class MatterCategoryConfiguration : IEntityTypeConfiguration<MatterCategory>
{
    public void Configure(EntityTypeBuilder<MatterCategory> b)
    {
        b.ToTable("MatterCategories");
        b.Property(x => x.Id).HasIdentityOptions(startValue: 1000); // PostgreSQL: new rows never collide with the seed ids
        b.Property(x => x.Code).HasMaxLength(60);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.HandlingLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ResponsibleDepartment).HasMaxLength(60);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasData(CategorySeed.All());
    }
}
