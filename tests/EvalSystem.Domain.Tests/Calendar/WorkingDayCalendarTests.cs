using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Official = ChinaOfficialHolidays.Calendar();

    private static DateTime At(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2025, 1, 26, true)] // Sunday, 调休上班 for 春节
    [InlineData(2025, 1, 28, false)] // Tuesday, 除夕, 春节
    [InlineData(2025, 2, 8, true)] // Saturday, 调休上班 for 春节
    [InlineData(2025, 2, 9, false)] // ordinary Sunday
    [InlineData(2025, 2, 10, true)] // ordinary Monday
    [InlineData(2025, 10, 8, false)] // Wednesday, last day of 国庆节、中秋节
    [InlineData(2025, 10, 11, true)] // Saturday, 调休上班
    [InlineData(2024, 2, 9, true)] // 2024 除夕 was only "encouraged" off, officially a working Friday
    [InlineData(2026, 1, 4, true)] // Sunday, 调休上班 for 元旦
    [InlineData(2026, 2, 23, false)] // Monday, 正月初七, last day of 春节
    public void IsWorkingDay_OfficialSchedule(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, Official.IsWorkingDay(D(year, month, day)));

    [Theory]
    // 2024: 366 days from Monday → 104 weekend days, 262 weekdays. Weekday holidays: 1/1; 2/12–2/16 (5);
    // 4/4–4/5 (2); 5/1–5/3 (3); 6/10; 9/16–9/17 (2); 10/1–10/4 and 10/7 (5) = 19. Adjusted weekends: 2/4, 2/18,
    // 4/7, 4/28, 5/11, 9/14, 9/29, 10/12 = 8. 262 − 19 + 8 = 251.
    [InlineData(2024, 251)]
    // 2025: 365 days from Wednesday → 104 weekend days, 261 weekdays. Weekday holidays: 1/1; 1/28–1/31, 2/3–2/4 (6);
    // 4/4; 5/1, 5/2, 5/5 (3); 6/2; 10/1–10/3, 10/6–10/8 (6) = 18. Adjusted: 1/26, 2/8, 4/27, 9/28, 10/11 = 5 → 248.
    [InlineData(2025, 248)]
    // 2026: 365 days from Thursday → 104 weekend days, 261 weekdays. Weekday holidays: 1/1–1/2 (2); 2/16–2/20, 2/23 (6);
    // 4/6; 5/1, 5/4, 5/5 (3); 6/19; 9/25; 10/1–10/2, 10/5–10/7 (5) = 19. Adjusted: 1/4, 2/14, 2/28, 5/9, 9/20,
    // 10/10 = 6 → 248.
    [InlineData(2026, 248)]
    public void IsWorkingDay_WholeYear_MatchesHandCount(int year, int expected)
    {
        var count = 0;
        for (var d = D(year, 1, 1); d.Year == year; d = d.AddDays(1))
            if (Official.IsWorkingDay(d))
                count++;
        Assert.Equal(expected, count);
    }

    [Fact]
    public void WorkingDays_AcrossSpringFestival2025_CountsAdjustedWeekends()
    {
        // Received Fri 1/24, completed Mon 2/10. Sat 1/25 off; Sun 1/26 调休 → 1; Mon 1/27 → 2; 1/28–2/4 春节 off;
        // Wed 2/5 → 3; Thu 2/6 → 4; Fri 2/7 → 5; Sat 2/8 调休 → 6; Sun 2/9 off; Mon 2/10 → 7.
        Assert.Equal(7, Official.WorkingDays(At(2025, 1, 24), At(2025, 2, 10, 16)));
    }

    [Fact]
    public void WorkingDays_AcrossNationalDay2025_CountsSept28AndOct11()
    {
        // Received Fri 9/26, completed Tue 10/14. Sat 9/27 off; Sun 9/28 调休 → 1; Mon 9/29 → 2; Tue 9/30 → 3;
        // 10/1–10/8 off; Thu 10/9 → 4; Fri 10/10 → 5; Sat 10/11 调休 → 6; Sun 10/12 off; Mon 10/13 → 7; Tue 10/14 → 8.
        Assert.Equal(8, Official.WorkingDays(At(2025, 9, 26), At(2025, 10, 14)));
    }

    [Fact]
    public void WorkingDays_AcrossSpringFestival2024_ChuxiIsAWorkingDay()
    {
        // Received Fri 2/2, completed Mon 2/19. Sat 2/3 off; Sun 2/4 调休 → 1; Mon 2/5 … Fri 2/9 → 6;
        // 2/10–2/17 off; Sun 2/18 调休 → 7; Mon 2/19 → 8.
        Assert.Equal(8, Official.WorkingDays(At(2024, 2, 2), At(2024, 2, 19)));
    }

    [Fact]
    public void WorkingDays_AcrossSpringFestival2026()
    {
        // Received Fri 2/13, completed Mon 3/2. Sat 2/14 调休 → 1; 2/15–2/23 off; Tue 2/24 … Fri 2/27 → 5;
        // Sat 2/28 调休 → 6; Sun 3/1 off; Mon 3/2 → 7.
        Assert.Equal(7, Official.WorkingDays(At(2026, 2, 13), At(2026, 3, 2)));
    }

    [Fact]
    public void WorkingDays_AcrossTheYearEnd_UsesBothSchedules()
    {
        // Received Wed 2025-12-31, completed Mon 2026-01-05. 1/1–1/3 元旦 off; Sun 1/4 调休 → 1; Mon 1/5 → 2.
        Assert.Equal(2, Official.WorkingDays(At(2025, 12, 31), At(2026, 1, 5)));
    }

    [Fact]
    public void WorkingDays_SameDay_IsZero() =>
        Assert.Equal(0, Official.WorkingDays(At(2025, 3, 3, 9), At(2025, 3, 3, 16)));

    [Fact]
    public void WorkingDays_NextWorkingDay_IsOne() =>
        Assert.Equal(1, Official.WorkingDays(At(2025, 3, 3, 16), At(2025, 3, 4, 9)));

    [Fact]
    public void WorkingDays_ReceivedAfterCutoff_StartsTheNextWorkingDay()
    {
        // Received Fri 2025-01-24 18:00, after 17:30: received on the next working day, Sun 1/26 (调休).
        // Counting starts Mon 1/27 → 1; 春节 off; 2/5, 2/6, 2/7 → 4; Sat 2/8 → 5; Mon 2/10 → 6.
        Assert.Equal(6, Official.WorkingDays(At(2025, 1, 24, 18), At(2025, 2, 10)));
    }

    [Fact]
    public void WorkingDays_ReceivedExactlyAtCutoff_CountsAsAfterHours()
    {
        // Mon 3/3 17:30 → received Tue 3/4; Wed 3/5 → 1. One second earlier it is Mon, and Tue, Wed → 2.
        Assert.Equal(1, Official.WorkingDays(At(2025, 3, 3, 17, 30), At(2025, 3, 5)));
        Assert.Equal(2, Official.WorkingDays(At(2025, 3, 3, 17, 29).AddSeconds(59), At(2025, 3, 5)));
    }

    [Fact]
    public void WorkingDays_ReceivedAfterCutoff_CompletedTheSameEvening_IsZero() =>
        Assert.Equal(0, Official.WorkingDays(At(2025, 3, 3, 18), At(2025, 3, 3, 19)));

    [Fact]
    public void WorkingDays_ReceivedOnHoliday_StartsAfterTheHoliday()
    {
        // Received Sat 2025-02-01 (春节, online): received on Wed 2/5, the first working day after the holiday.
        // Thu 2/6 → 1; Fri 2/7 → 2.
        Assert.Equal(2, Official.WorkingDays(At(2025, 2, 1), At(2025, 2, 7)));
        Assert.Equal(D(2025, 2, 5), Official.EffectiveReceiptDate(At(2025, 2, 1)));
    }

    [Fact]
    public void WorkingDays_ReceivedOnWeekend_CompletedOnTheNextMonday_IsZero() =>
        Assert.Equal(0, Official.WorkingDays(At(2025, 3, 8), At(2025, 3, 10, 11)));

    [Fact]
    public void WorkingDays_CompletedOnWeekend_CountsUpToThatDay()
    {
        // Received Fri 3/7; Sat 3/8 and Sun 3/9 are not working days: 0. Completed Mon 3/10: 1.
        Assert.Equal(0, Official.WorkingDays(At(2025, 3, 7), At(2025, 3, 9)));
        Assert.Equal(1, Official.WorkingDays(At(2025, 3, 7), At(2025, 3, 10)));
    }

    [Fact]
    public void WorkingDays_CompletedBeforeReceived_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Official.WorkingDays(At(2025, 3, 5), At(2025, 3, 4)));
        Assert.Contains("早于受理时间", ex.Message);
    }

    [Fact]
    public void WorkingDays_CustomCutoff_IsUsed()
    {
        var calendar = ChinaOfficialHolidays.Calendar(receiptCutoff: new TimeOnly(17, 0));
        // Mon 3/3 17:10 is after a 17:00 cut-off → received Tue 3/4; completed Wed 3/5 → 1 (2 with the default 17:30).
        Assert.Equal(1, calendar.WorkingDays(At(2025, 3, 3, 17, 10), At(2025, 3, 5)));
        Assert.Equal(2, Official.WorkingDays(At(2025, 3, 3, 17, 10), At(2025, 3, 5)));
    }

    [Fact]
    public void WorkingDays_YearWithoutSchedule_IsRefusedNamingTheYear()
    {
        var ex = Assert.Throws<DomainException>(() => Official.WorkingDays(At(2026, 12, 30), At(2027, 1, 5)));
        Assert.Contains("2027年", ex.Message);
        Assert.Throws<DomainException>(() => Official.IsWorkingDay(D(2023, 6, 1)));
    }

    [Theory]
    [InlineData(2026, 10, 31, null)] // next year's schedule is not expected yet
    [InlineData(2026, 11, 1, 2027)] // expected from November: December's deadlines fall into 2027
    [InlineData(2026, 12, 31, 2027)]
    [InlineData(2025, 11, 15, null)] // 2026 is shipped
    [InlineData(2027, 3, 1, 2027)] // the current year itself is missing
    public void MissingYear_AsksForTheScheduleThatIsNeeded(int year, int month, int day, int? expected) =>
        Assert.Equal(expected, Official.MissingYear(D(year, month, day)));

    [Fact]
    public void MissingYear_WhenNextYearWasEntered_IsNull()
    {
        var calendar = new WorkingDayCalendar(ChinaOfficialHolidays.ForYear(2026)
            .Append(new CalendarDay(D(2027, 1, 1), CalendarDayKind.PublicHoliday, "元旦")), [2026, 2027]);
        Assert.Null(calendar.MissingYear(D(2026, 12, 1)));
    }

    [Fact]
    public void CountWorkingDays_GapInCoveredYears_IsRefused()
    {
        var calendar = new WorkingDayCalendar(
            ChinaOfficialHolidays.ForYear(2024).Concat(ChinaOfficialHolidays.ForYear(2026)), [2024, 2026]);
        Assert.True(calendar.IsWorkingDay(D(2026, 1, 4)));
        var ex = Assert.Throws<DomainException>(() => calendar.CountWorkingDays(D(2024, 12, 1), D(2026, 1, 10)));
        Assert.Contains("2025年", ex.Message);
    }

    [Theory]
    // From Fri 9/26: 9/28 → 1, 9/29 → 2, 9/30 → 3, 10/9 → 4, 10/10 → 5, 10/11 → 6.
    [InlineData(2025, 9, 26, 5, 2025, 10, 10)]
    [InlineData(2025, 9, 26, 6, 2025, 10, 11)]
    [InlineData(2025, 9, 30, 1, 2025, 10, 9)]
    // Start on a non-working day: the start is never counted, the next working day is the first.
    [InlineData(2025, 2, 1, 1, 2025, 2, 5)]
    [InlineData(2025, 3, 3, 0, 2025, 3, 3)]
    public void AddWorkingDays_CountsFromTheDayAfterStart(int y, int m, int d, int n, int ey, int em, int ed) =>
        Assert.Equal(D(ey, em, ed), Official.AddWorkingDays(D(y, m, d), n));

    [Fact]
    public void AddWorkingDays_Negative_IsRefused() =>
        Assert.Throws<DomainException>(() => Official.AddWorkingDays(D(2025, 3, 3), -1));

    [Fact]
    public void Deadline_AfterHoursReceipt_StartsFromTheNextWorkingDay()
    {
        // Fri 1/24 18:00 → received Sun 1/26; 3 working days: Mon 1/27, Wed 2/5, Thu 2/6.
        Assert.Equal(D(2025, 2, 6), Official.Deadline(At(2025, 1, 24, 18), 3));
    }

    [Fact]
    public void Deadline_AgreesWithWorkingDays()
    {
        // Whatever the receipt time, completing on the deadline day takes exactly the promised working days.
        DateTime[] receipts = [At(2025, 1, 24), At(2025, 1, 24, 18), At(2025, 2, 1), At(2025, 9, 30, 17, 45), At(2026, 2, 13)];
        foreach (var received in receipts)
            for (var n = 0; n <= 12; n++)
            {
                var deadline = Official.Deadline(received, n);
                var completed = deadline.ToDateTime(new TimeOnly(16, 0));
                if (completed < received)
                    completed = received;
                Assert.Equal(n, Official.WorkingDays(received, completed));
            }
    }

    [Fact]
    public void Constructor_ConflictingEntries_IsRefused()
    {
        CalendarDay[] days =
        [
            new(D(2025, 2, 8), CalendarDayKind.AdjustedWorkday, "春节"),
            new(D(2025, 2, 8), CalendarDayKind.PublicHoliday, "春节"),
        ];
        var ex = Assert.Throws<DomainException>(() => new WorkingDayCalendar(days, [2025]));
        Assert.Contains("同时被录入为放假日和调休上班日", ex.Message);
    }

    [Fact]
    public void Constructor_NoYears_IsRefused() =>
        Assert.Throws<DomainException>(() => new WorkingDayCalendar([], []));

    [Fact]
    public void Constructor_MidnightCutoff_IsRefused() =>
        Assert.Throws<DomainException>(() => ChinaOfficialHolidays.Calendar(TimeOnly.MinValue));

    [Fact]
    public void EntryFor_NamesTheHoliday()
    {
        Assert.Equal("国庆节、中秋节", Official.EntryFor(D(2025, 10, 6))?.Name);
        Assert.Null(Official.EntryFor(D(2025, 3, 3)));
    }
}
