namespace EvalSystem.Domain.Calendar;

/// <summary>
/// One entry of an official holiday schedule (节假日安排): a day off or a weekend day worked instead (调休上班).
/// Days that are not listed follow the week: Monday–Friday work, Saturday and Sunday rest.
/// </summary>
/// <param name="Date">The calendar date.</param>
/// <param name="Kind">Whether the day is off or worked.</param>
/// <param name="Name">The holiday it belongs to, e.g. 春节; an adjusted working day carries the name of the holiday it makes up for.</param>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);

public enum CalendarDayKind
{
    /// <summary>法定节假日 / 放假: a day off, even on a weekday.</summary>
    PublicHoliday = 1,
    /// <summary>调休上班: a Saturday or Sunday that is a working day.</summary>
    AdjustedWorkday = 2,
}
