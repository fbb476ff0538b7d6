using EvalSystem.Domain.Calendar;

namespace EvalSystem.Web.Data;

/// <summary>
/// A stored entry of the working-day calendar (工作日历): the official schedule shipped for 2024–2026, edited by admins for
/// later years. <see cref="Year"/> is the schedule it belongs to (a New Year arrangement may list a day of the previous
/// December).
/// </summary>
public sealed class CalendarDayRow
{
    public int Year { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = string.Empty;

    public CalendarDay ToDomain() => new(Date, Kind, Name);
}
