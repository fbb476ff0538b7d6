namespace EvalSystem.Domain.Calendar;

/// <summary>
/// 国务院办公厅关于部分节假日安排的通知: the national holiday schedules shipped with the system, as published.
/// Every day of an announced holiday period is listed, weekends included; for "与周末连休" only the holiday itself.
/// Local deviations and later years are entered by the administrator and checked with <see cref="WorkingDayCalendar.Validate"/>.
/// </summary>
public static class ChinaOfficialHolidays
{
    private static readonly Dictionary<int, Schedule> Schedules = new[]
    {
        // 国办发明电〔2023〕7号, 2023-10-25.
        new Schedule(2024, "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）",
        [
            Off("元旦", 1, 1),
            Off("春节", 2, 10, 2, 17), Work("春节", 2, 4), Work("春节", 2, 18),
            Off("清明节", 4, 4, 4, 6), Work("清明节", 4, 7),
            Off("劳动节", 5, 1, 5, 5), Work("劳动节", 4, 28), Work("劳动节", 5, 11),
            Off("端午节", 6, 10),
            Off("中秋节", 9, 15, 9, 17), Work("中秋节", 9, 14),
            Off("国庆节", 10, 1, 10, 7), Work("国庆节", 9, 29), Work("国庆节", 10, 12),
        ]),
        // 国办发明电〔2024〕12号, 2024-11-12 (first year under the revised 全国年节及纪念日放假办法).
        new Schedule(2025, "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）",
        [
            Off("元旦", 1, 1),
            Off("春节", 1, 28, 2, 4), Work("春节", 1, 26), Work("春节", 2, 8),
            Off("清明节", 4, 4, 4, 6),
            Off("劳动节", 5, 1, 5, 5), Work("劳动节", 4, 27),
            Off("端午节", 5, 31, 6, 2),
            Off("国庆节、中秋节", 10, 1, 10, 8), Work("国庆节、中秋节", 9, 28), Work("国庆节、中秋节", 10, 11),
        ]),
        // Published 2025-11-04.
        new Schedule(2026, "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
        [
            Off("元旦", 1, 1, 1, 3), Work("元旦", 1, 4),
            Off("春节", 2, 15, 2, 23), Work("春节", 2, 14), Work("春节", 2, 28),
            Off("清明节", 4, 4, 4, 6),
            Off("劳动节", 5, 1, 5, 5), Work("劳动节", 5, 9),
            Off("端午节", 6, 19, 6, 21),
            Off("中秋节", 9, 25, 9, 27),
            Off("国庆节", 10, 1, 10, 7), Work("国庆节", 9, 20), Work("国庆节", 10, 10),
        ]),
    }.ToDictionary(s => s.Year);

    /// <summary>The years shipped, ascending.</summary>
    public static IReadOnlyList<int> Years { get; } = [.. Schedules.Keys.Order()];

    /// <summary>The entries of one year, by date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not shipped.</exception>
    public static IReadOnlyList<CalendarDay> ForYear(int year) =>
        Schedules.TryGetValue(year, out var schedule)
            ? schedule.Days
            : throw new ArgumentOutOfRangeException(nameof(year), year, $"No official schedule shipped for {year}.");

    /// <summary>The notice a year's entries were taken from, for display and audit.</summary>
    public static string SourceOf(int year) =>
        Schedules.TryGetValue(year, out var schedule)
            ? schedule.Source
            : throw new ArgumentOutOfRangeException(nameof(year), year, $"No official schedule shipped for {year}.");

    /// <summary>A calendar over every shipped year.</summary>
    public static WorkingDayCalendar Calendar(TimeOnly? receiptCutoff = null) =>
        new(Years.SelectMany(ForYear), Years, receiptCutoff);

    // Day-level entries, filled in with the schedule's year by Schedule.
    private static IEnumerable<(int Month, int Day, CalendarDayKind Kind, string Name)> Off(string name, int month, int day) =>
        [(month, day, CalendarDayKind.PublicHoliday, name)];

    private static IEnumerable<(int Month, int Day, CalendarDayKind Kind, string Name)> Off(string name, int fromMonth, int fromDay, int toMonth, int toDay)
    {
        // Year 2000 is a leap year, so every month-day pair exists; the real year is applied in Schedule.
        var from = new DateOnly(2000, fromMonth, fromDay);
        var to = new DateOnly(2000, toMonth, toDay);
        for (var d = from; d <= to; d = d.AddDays(1))
            yield return (d.Month, d.Day, CalendarDayKind.PublicHoliday, name);
    }

    private static IEnumerable<(int Month, int Day, CalendarDayKind Kind, string Name)> Work(string name, int month, int day) =>
        [(month, day, CalendarDayKind.AdjustedWorkday, name)];

    private sealed class Schedule
    {
        public Schedule(int year, string source, IEnumerable<(int Month, int Day, CalendarDayKind Kind, string Name)>[] parts)
        {
            Year = year;
            Source = source;
            Days = [.. parts.SelectMany(p => p)
                .Select(p => new CalendarDay(new DateOnly(year, p.Month, p.Day), p.Kind, p.Name))
                .OrderBy(d => d.Date)];
        }

        public int Year { get; }
        public string Source { get; }
        public IReadOnlyList<CalendarDay> Days { get; }
    }
}
