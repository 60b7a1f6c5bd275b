using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents;

// 重点人群标签定义 key-population tag: built in (below) or defined by an admin. Configuration, not personal data,
// so not org-scoped; who may see sensitive tags on residents is decided by the "SensitiveTags" filter.
public sealed class TagDefinition
{
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public bool Sensitive { get; set; }   // disability, 低保, 特困, 社区矫正, 刑释解教: only roles granted SensitiveTagsRead
    public bool Derived { get; set; }     // computed from other fields (age, residence type), never typed
    public bool BuiltIn { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }

    public string Name => Loc.T(NameZh, NameEn);
}

public static class TagCodes
{
    public const string Elderly60 = "elderly-60";
    public const string Elderly80 = "elderly-80";
    public const string LivingAloneElderly = "elderly-alone";
    public const string Disabled = "disabled";
    public const string Dibao = "dibao";
    public const string Tekun = "tekun";
    public const string Unemployed = "unemployed";
    public const string Job4050 = "4050";
    public const string ZeroEmploymentFamily = "zero-employment-family";
    public const string PreferentialCare = "youfu";
    public const string CommunityCorrection = "correction";
    public const string ReleasedPrisoner = "released-prisoner";
    public const string IdleYouth = "idle-youth";
    public const string Floating = "floating";

    public static readonly TagDefinition[] BuiltIn =
    [
        Def(Elderly60, "老年人（60岁及以上）", "Elderly (60+)", 10, derived: true),
        Def(Elderly80, "高龄老人（80岁及以上）", "Elderly (80+)", 20, derived: true),
        Def(LivingAloneElderly, "独居老人", "Living-alone elderly", 30),
        Def(Disabled, "残疾人", "Disabled", 40, sensitive: true),
        Def(Dibao, "低保对象", "Minimum-income recipient (低保)", 50, sensitive: true),
        Def(Tekun, "特困人员", "Destitute support (特困)", 60, sensitive: true),
        Def(Unemployed, "失业人员", "Unemployed", 70),
        Def(Job4050, "“4050”人员", "\"4050\" job seeker", 80),
        Def(ZeroEmploymentFamily, "零就业家庭", "Zero-employment family", 90),
        Def(PreferentialCare, "优抚对象", "Preferential care (优抚)", 100),
        Def(CommunityCorrection, "社区矫正对象", "Community correction", 110, sensitive: true),
        Def(ReleasedPrisoner, "刑满释放人员", "Released prisoner (刑释解教)", 120, sensitive: true),
        Def(IdleYouth, "闲散青少年", "Idle youth", 130),
        Def(Floating, "流动人口", "Floating population", 140, derived: true),
    ];

    static TagDefinition Def(string code, string zh, string en, int order, bool sensitive = false, bool derived = false) =>
        new() { Code = code, NameZh = zh, NameEn = en, SortOrder = order, Sensitive = sensitive, Derived = derived, BuiltIn = true };
}

public sealed class TagDefinitionConfiguration : IEntityTypeConfiguration<TagDefinition>
{
    public void Configure(EntityTypeBuilder<TagDefinition> b)
    {
        b.ToTable("TagDefinitions");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.NameZh).HasMaxLength(50).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(80).IsRequired();
        b.Ignore(x => x.Name);
        b.HasData(TagCodes.BuiltIn);
    }
}
