using EvalSystem.Domain.Calendar;

namespace EvalSystem.Domain.Tests.Calendar;

public class CalendarValidationTests
{
    private static CalendarDay Off(int month, int day, string name = "春节") =>
        new(new DateOnly(2027, month, day), CalendarDayKind.PublicHoliday, name);

    private static CalendarDay Work(int month, int day, string name = "春节") =>
        new(new DateOnly(2027, month, day), CalendarDayKind.AdjustedWorkday, name);

    [Fact]
    public void Validate_AdjustedWorkdayOnAWeekday_IsReported()
    {
        // 2027-02-05 is a Friday.
        var problem = Assert.Single(WorkingDayCalendar.Validate(2027, [Off(2, 6), Work(2, 5)]));
        Assert.Equal("2027年2月5日是星期五，本来就是工作日；调休上班日只能是周六或周日。", problem);
    }

    [Fact]
    public void Validate_HolidayEnteredTwice_IsReported()
    {
        var problem = Assert.Single(WorkingDayCalendar.Validate(2027, [Off(2, 6), Off(2, 6)]));
        Assert.Equal("2027年2月6日被重复录入了2次。", problem);
    }

    [Fact]
    public void Validate_SameDateOffAndWorked_IsReported()
    {
        // 2027-02-13 is a Saturday.
        var problem = Assert.Single(WorkingDayCalendar.Validate(2027, [Off(2, 13), Work(2, 13)]));
        Assert.Contains("同时被录入为放假日和调休上班日", problem);
    }

    [Fact]
    public void Validate_DateOfAnotherYear_IsReported()
    {
        var stray = new CalendarDay(new DateOnly(2028, 1, 1), CalendarDayKind.PublicHoliday, "元旦");
        var problem = Assert.Single(WorkingDayCalendar.Validate(2027, [Off(2, 6), stray]));
        Assert.Contains("不属于2027年的安排", problem);
    }

    [Fact]
    public void Validate_PreviousDecember_IsAcceptedForNewYearArrangements()
    {
        // As in the 2019 schedule: Sat 2018-12-29 worked, 2018-12-30 – 2019-01-01 off.
        CalendarDay[] days =
        [
            new(new DateOnly(2018, 12, 29), CalendarDayKind.AdjustedWorkday, "元旦"),
            new(new DateOnly(2018, 12, 30), CalendarDayKind.PublicHoliday, "元旦"),
            new(new DateOnly(2018, 12, 31), CalendarDayKind.PublicHoliday, "元旦"),
            new(new DateOnly(2019, 1, 1), CalendarDayKind.PublicHoliday, "元旦"),
        ];
        Assert.Empty(WorkingDayCalendar.Validate(2019, days));
    }

    [Fact]
    public void Validate_MissingName_IsReported()
    {
        var problem = Assert.Single(WorkingDayCalendar.Validate(2027, [Off(2, 6), Off(2, 7, " ")]));
        Assert.Equal("2027年2月7日（放假）缺少节日名称。", problem);
    }

    [Fact]
    public void Validate_AdjustedWorkdayForAnUnknownHoliday_IsReported()
    {
        var problem = Assert.Single(WorkingDayCalendar.Validate(2027, [Off(2, 6), Work(2, 13, "国庆节")]));
        Assert.Contains("没有名为「国庆节」的放假日", problem);
    }

    [Fact]
    public void Validate_NoHolidayAtAll_IsReported()
    {
        var problem = Assert.Single(WorkingDayCalendar.Validate(2027, []));
        Assert.Contains("没有任何放假日", problem);
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReported() =>
        Assert.Equal(3, WorkingDayCalendar.Validate(2027, [Off(2, 6), Off(2, 6), Work(2, 5), Off(2, 8, "")]).Count);
}
