using EvalSystem.Domain.Calendar;

namespace EvalSystem.Domain.Tests.Calendar;

public class ChinaOfficialHolidaysTests
{
    [Fact]
    public void Years_Are2024To2026() => Assert.Equal([2024, 2025, 2026], ChinaOfficialHolidays.Years);

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void ShippedSchedule_PassesValidation(int year) =>
        Assert.Empty(WorkingDayCalendar.Validate(year, ChinaOfficialHolidays.ForYear(year)));

    [Theory]
    // Days off as announced (共N天), adjusted working days (上班).
    [InlineData(2024, "春节", 8, 2)]
    [InlineData(2024, "劳动节", 5, 2)]
    [InlineData(2024, "端午节", 1, 0)]
    [InlineData(2025, "春节", 8, 2)]
    [InlineData(2025, "清明节", 3, 0)]
    [InlineData(2025, "国庆节、中秋节", 8, 2)]
    [InlineData(2026, "元旦", 3, 1)]
    [InlineData(2026, "春节", 9, 2)]
    [InlineData(2026, "国庆节", 7, 2)]
    public void ShippedSchedule_HolidayLengthsMatchTheNotice(int year, string name, int daysOff, int workdays)
    {
        var days = ChinaOfficialHolidays.ForYear(year).Where(d => d.Name == name).ToList();
        Assert.Equal(daysOff, days.Count(d => d.Kind == CalendarDayKind.PublicHoliday));
        Assert.Equal(workdays, days.Count(d => d.Kind == CalendarDayKind.AdjustedWorkday));
    }

    [Fact]
    public void SourceOf_NamesTheNotice() =>
        Assert.Contains("国办发明电〔2024〕12号", ChinaOfficialHolidays.SourceOf(2025));

    [Fact]
    public void ForYear_NotShipped_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinaOfficialHolidays.ForYear(2023));
}
