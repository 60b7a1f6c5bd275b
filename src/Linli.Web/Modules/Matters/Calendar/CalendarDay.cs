using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Matters.Calendar;

// 工作日历例外 a day that differs from the Monday–Friday rule. City-wide configuration, not org-scoped (no IOrgScoped).
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
    public bool Provisional { get; set; } // seeded from the statutory rules before the State Council's notice; an admin confirms it
}

[JsonConverter(typeof(JsonStringEnumConverter<CalendarDayKind>))]
public enum CalendarDayKind
{
    Holiday,        // 法定节假日（含调休放假）
    MakeUpWorkday,  // 调休上班
}

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("CalendarDays");
        b.HasKey(x => x.Date);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(40);
        b.HasData(HolidaySeed.All());
    }
}
