using Linli.Modules.Matters.Calendar;

namespace Linli.Tests.Modules.Matters;

// Default hours 09:00-12:00,13:30-17:30 (7 h a day) on the seeded 2026 calendar.
public sealed class WorkingTimeTests
{
    static readonly WorkingTime Time = new(HolidaySeed.All().ToDictionary(d => d.Date, d => d.Kind));

    static DateTime At(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0);

    [Theory]
    [InlineData("2026-03-02", true)]   // Monday
    [InlineData("2026-03-07", false)]  // Saturday
    [InlineData("2026-03-08", false)]  // Sunday
    [InlineData("2026-02-23", false)]  // Monday inside 春节
    [InlineData("2027-02-08", false)]  // provisional 2027: 春节 初三, a Monday
    [InlineData("2027-02-10", false)]  // provisional 2027: weekday 补假 for 春节 on the weekend
    [InlineData("2027-02-11", true)]
    [InlineData("2027-05-03", false)]  // provisional 2027: 劳动节 fell on the weekend
    [InlineData("2026-02-14", true)]   // Saturday 调休上班 before 春节
    [InlineData("2026-02-28", true)]   // Saturday 调休上班 after 春节
    [InlineData("2026-01-04", true)]   // Sunday 调休上班 after 元旦
    [InlineData("2026-10-01", false)]  // Thursday 国庆节
    public void IsWorkingDay_FollowsWeekendsHolidaysAndMakeUpDays(string day, bool working) =>
        Assert.Equal(working, Time.IsWorkingDay(DateOnly.Parse(day)));

    [Fact]
    public void AddWorkingHours_WithinMorning_AddsPlainHours() =>
        Assert.Equal(At(2026, 3, 2, 11), Time.AddWorkingHours(At(2026, 3, 2, 9), 2));

    [Fact]
    public void AddWorkingHours_AcrossLunch_SkipsTheBreak() =>
        Assert.Equal(At(2026, 3, 2, 15, 30), Time.AddWorkingHours(At(2026, 3, 2, 10), 4));

    [Fact]
    public void AddWorkingHours_StartDuringLunch_StartsAt1330() =>
        Assert.Equal(At(2026, 3, 2, 14, 30), Time.AddWorkingHours(At(2026, 3, 2, 12, 30), 1));

    [Fact]
    public void AddWorkingHours_StartBeforeOpening_StartsAt0900() =>
        Assert.Equal(At(2026, 3, 2, 10), Time.AddWorkingHours(At(2026, 3, 2, 7), 1));

    [Fact]
    public void AddWorkingHours_StartAfterClosing_ContinuesNextWorkingDay() =>
        Assert.Equal(At(2026, 3, 3, 10), Time.AddWorkingHours(At(2026, 3, 2, 18), 1));

    [Fact]
    public void AddWorkingHours_FridayAfternoon_SkipsTheWeekend() =>
        Assert.Equal(At(2026, 3, 9, 10), Time.AddWorkingHours(At(2026, 3, 6, 16, 30), 2));

    [Fact]
    public void AddWorkingHours_EndingExactlyAtClose_StaysOnThatDay() =>
        Assert.Equal(At(2026, 3, 2, 17, 30), Time.AddWorkingHours(At(2026, 3, 2, 9), 7));

    [Fact]
    public void AddWorkingHours_Zero_ReturnsTheStart() =>
        Assert.Equal(At(2026, 3, 7, 20), Time.AddWorkingHours(At(2026, 3, 7, 20), 0));

    [Fact]
    public void AddWorkingHours_FridayBeforeSpringFestival_UsesTheMakeUpSaturday() =>
        Assert.Equal(At(2026, 2, 14, 12), Time.AddWorkingHours(At(2026, 2, 13, 16, 30), 4));

    [Fact]
    public void AddWorkingHours_FromTheMakeUpSaturday_JumpsOverSpringFestival() =>
        Assert.Equal(At(2026, 2, 24, 9, 30), Time.AddWorkingHours(At(2026, 2, 14, 17), 1));

    [Fact]
    public void AddWorkingHours_FridayEvening_LandsOnTheMakeUpSaturdayAfterSpringFestival() =>
        Assert.Equal(At(2026, 2, 28, 9, 30), Time.AddWorkingHours(At(2026, 2, 27, 17), 1));

    [Fact]
    public void AddWorkingHours_AcrossNationalDay_SkipsTheSevenDayHoliday() =>
        Assert.Equal(At(2026, 10, 8, 10), Time.AddWorkingHours(At(2026, 9, 30, 17), 1.5));

    [Fact]
    public void AddWorkingHours_AcrossTheYearBoundary_SkipsNewYearAndTheWeekend() =>
        Assert.Equal(At(2027, 1, 4, 10, 30), Time.AddWorkingHours(At(2026, 12, 31, 17), 2));

    [Fact]
    public void AddWorkingDays_OrdinaryWeek_EndsAtCloseOfTheFifthWorkingDay() =>
        Assert.Equal(At(2026, 3, 9, 17, 30), Time.AddWorkingDays(At(2026, 3, 2, 10), 5));

    [Fact]
    public void AddWorkingDays_BeforeSpringFestival_CountsTheMakeUpSaturdayThenSkipsTheHoliday()
    {
        Assert.Equal(At(2026, 2, 14, 17, 30), Time.AddWorkingDays(At(2026, 2, 13, 10), 1));
        Assert.Equal(At(2026, 2, 24, 17, 30), Time.AddWorkingDays(At(2026, 2, 13, 10), 2));
    }

    [Fact]
    public void AddWorkingDays_StartOnAHoliday_CountsFromTheNextWorkingDay() =>
        Assert.Equal(At(2026, 2, 25, 17, 30), Time.AddWorkingDays(At(2026, 2, 16, 10), 2));

    [Fact]
    public void AddWorkingDays_AcrossTheYearBoundary_SkipsNewYear() =>
        Assert.Equal(At(2027, 1, 5, 17, 30), Time.AddWorkingDays(At(2026, 12, 31, 10), 2));

    [Fact]
    public void WorkingHoursBetween_WholeDay_IsSevenHours() =>
        Assert.Equal(7, Time.WorkingHoursBetween(At(2026, 3, 2, 8), At(2026, 3, 2, 19)), 6);

    [Fact]
    public void WorkingHoursBetween_AcrossLunch_CountsOnlyWorkingMinutes() =>
        Assert.Equal(1.5, Time.WorkingHoursBetween(At(2026, 3, 2, 11), At(2026, 3, 2, 14)), 6);

    [Fact]
    public void WorkingHoursBetween_OverSpringFestival_CountsOnlyFridayAndTheMakeUpSaturday() =>
        Assert.Equal(14, Time.WorkingHoursBetween(At(2026, 2, 13, 9), At(2026, 2, 24, 9)), 6);

    [Fact]
    public void WorkingHoursBetween_Reversed_IsNegative() =>
        Assert.Equal(-2, Time.WorkingHoursBetween(At(2026, 3, 2, 11), At(2026, 3, 2, 9)), 6);

    [Fact]
    public void WorkingHoursBetween_AcrossTheYearBoundary_SkipsNewYear() =>
        Assert.Equal(7.5, Time.WorkingHoursBetween(At(2026, 12, 31, 17), At(2027, 1, 4, 17, 30)), 6);

    [Fact]
    public void WorkingHoursBetween_InvertsAddWorkingHours()
    {
        foreach (var start in new[] { At(2026, 2, 13, 16, 30), At(2026, 9, 30, 10), At(2026, 12, 31, 12, 45), At(2026, 5, 8, 8) })
            foreach (var hours in new[] { 0.5, 3, 7, 19.25, 60 })
                Assert.Equal(hours, Time.WorkingHoursBetween(start, Time.AddWorkingHours(start, hours)), 6);
    }

    [Fact]
    public void CustomHours_AreUsed() =>
        Assert.Equal(At(2026, 3, 3, 9), new WorkingTime(new Dictionary<DateOnly, CalendarDayKind>(), "08:30-17:00").AddWorkingHours(At(2026, 3, 2, 16), 1.5));

    [Theory]
    [InlineData("")]
    [InlineData("09:00")]
    [InlineData("12:00-09:00")]
    [InlineData("09:00-12:00,11:00-14:00")]
    public void ParseHours_Malformed_Throws(string hours) =>
        Assert.Throws<FormatException>(() => WorkingTime.ParseHours(hours));
}
