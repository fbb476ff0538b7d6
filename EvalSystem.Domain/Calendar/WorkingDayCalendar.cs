using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Calendar;

/// <summary>
/// 工作日历: which days are working days (工作日), from the week and the official holiday schedules of the covered years.
/// Monday–Friday work and Saturday–Sunday rest unless a <see cref="CalendarDay"/> says otherwise: a public holiday
/// (放假) is off even on a weekday, an adjusted working day (调休上班) is worked even on a weekend.
/// </summary>
/// <remarks>
/// Counting conventions (承诺时限 "自受理之日起N个工作日", see docs/methodology.md §13):
/// <list type="number">
/// <item>All times are Beijing wall-clock times (UTC+8) as recorded by the government-service platform; <see cref="DateTime.Kind"/> is not consulted.</item>
/// <item>The day of receipt is not counted; counting starts with the next working day.</item>
/// <item>A case received on a non-working day, or on a working day at or after <see cref="ReceiptCutoff"/>, counts as
/// received on the next working day (its <see cref="EffectiveReceiptDate"/>).</item>
/// <item>The completion day is counted if it is a working day; completion on a non-working day adds nothing.
/// Completion on or before the effective receipt date is 0 working days.</item>
/// <item>A date in a year without a schedule is refused rather than guessed: counting a 2027 case with no 2027
/// schedule would silently treat the Spring Festival as working days.</item>
/// </list>
/// </remarks>
public sealed class WorkingDayCalendar
{
    /// <summary>Default end of office hours: receipts at or after 17:30 count from the next working day.</summary>
    public static readonly TimeOnly DefaultReceiptCutoff = new(17, 30);

    private const int MinYear = 1990;
    private const int MaxYear = 2100;

    private readonly Dictionary<DateOnly, CalendarDay> _entries;
    private readonly DateOnly _origin;
    // _workingThrough[i] = number of working days in [_origin, _origin + i]; makes counting O(1) per case.
    private readonly int[] _workingThrough;
    private readonly bool[] _yearCovered;

    /// <param name="days">The holiday and adjusted-working-day entries.</param>
    /// <param name="years">The years whose official schedule is complete in <paramref name="days"/>; dates in other years are refused.</param>
    /// <param name="receiptCutoff">End of office hours; defaults to <see cref="DefaultReceiptCutoff"/>.</param>
    public WorkingDayCalendar(IEnumerable<CalendarDay> days, IEnumerable<int> years, TimeOnly? receiptCutoff = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(years);
        var entries = days.ToList();
        var problems = CheckEntries(entries);
        if (problems.Count > 0)
            throw new DomainException(string.Join(" ", problems));

        var covered = years.Distinct().Order().ToList();
        if (covered.Count == 0)
            throw new DomainException("工作日历至少要包含一个年份的节假日安排。");
        if (covered[0] < MinYear || covered[^1] > MaxYear)
            throw new DomainException($"工作日历的年份必须在{MinYear}–{MaxYear}之间。");

        var cutoff = receiptCutoff ?? DefaultReceiptCutoff;
        if (cutoff == TimeOnly.MinValue)
            throw new DomainException("办公截止时间不能是00:00，否则所有办件都会顺延到下一个工作日受理。");

        ReceiptCutoff = cutoff;
        Years = covered;
        _entries = entries.ToDictionary(e => e.Date, e => e with { Name = e.Name.Trim() });
        _origin = new DateOnly(covered[0], 1, 1);
        _yearCovered = new bool[covered[^1] - covered[0] + 1];
        foreach (var year in covered)
            _yearCovered[year - covered[0]] = true;

        var last = new DateOnly(covered[^1], 12, 31);
        _workingThrough = new int[last.DayNumber - _origin.DayNumber + 1];
        var running = 0;
        for (var i = 0; i < _workingThrough.Length; i++)
        {
            if (IsWorkingDayUnchecked(_origin.AddDays(i)))
                running++;
            _workingThrough[i] = running;
        }
    }

    /// <summary>The years this calendar can count in, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>End of office hours: a case received at or after this time counts as received on the next working day.</summary>
    public TimeOnly ReceiptCutoff { get; }

    /// <summary>The schedule entries, by date.</summary>
    public IReadOnlyCollection<CalendarDay> Entries => _entries.Values;

    public static string Label(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.PublicHoliday => "放假",
        CalendarDayKind.AdjustedWorkday => "调休上班",
        _ => kind.ToString(),
    };

    /// <summary>Whether the date lies in a year this calendar has a schedule for.</summary>
    public bool Covers(DateOnly date) =>
        date.Year >= Years[0] && date.Year <= Years[^1] && _yearCovered[date.Year - Years[0]];

    /// <summary>From this month on, next year's schedule is expected: the State Council usually publishes it in October or November.</summary>
    public const int NextYearExpectedFromMonth = 11;

    /// <summary>
    /// The year whose schedule is missing and needed: this year's when it is not covered (working days cannot be counted
    /// today), else next year's once it is expected (from <see cref="NextYearExpectedFromMonth"/>) and not covered yet —
    /// deadlines of cases and bad reviews received in December already fall into it. Null when nothing is missing.
    /// </summary>
    public int? MissingYear(DateOnly today)
    {
        if (!Covers(today))
            return today.Year;
        var next = new DateOnly(today.Year + 1, 1, 1);
        return today.Month >= NextYearExpectedFromMonth && !Covers(next) ? next.Year : null;
    }

    /// <summary>The schedule entry for the date (e.g. to show 春节), or null for an ordinary weekday or weekend.</summary>
    public CalendarDay? EntryFor(DateOnly date) => _entries.GetValueOrDefault(date);

    /// <exception cref="DomainException">The date's year has no schedule.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date);
        return IsWorkingDayUnchecked(date);
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/>; <paramref name="start"/> itself is
    /// never counted, whether or not it is a working day. 0 returns <paramref name="start"/>.
    /// For a deadline counted from a receipt time use <see cref="Deadline"/>, which first applies the receipt rules.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        if (workingDays < 0)
            throw new DomainException($"工作日数不能为负数（收到{workingDays}）。");
        var date = start;
        for (var remaining = workingDays; remaining > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
                remaining--;
        }
        return date;
    }

    /// <summary>
    /// The day from which counting starts: the receipt date, or the next working day if the receipt was on a
    /// non-working day or at or after <see cref="ReceiptCutoff"/>.
    /// </summary>
    public DateOnly EffectiveReceiptDate(DateTime receivedAt)
    {
        var date = DateOnly.FromDateTime(receivedAt);
        return IsReceivedLate(receivedAt) ? NextWorkingDay(date) : date;
    }

    /// <summary>
    /// 承诺时限的截止日: the last day on which a case received at <paramref name="receivedAt"/> is still within
    /// <paramref name="workingDays"/> working days, i.e. <see cref="AddWorkingDays"/> from the <see cref="EffectiveReceiptDate"/>.
    /// For every completion time on that day <see cref="WorkingDays"/> returns at most <paramref name="workingDays"/>.
    /// </summary>
    public DateOnly Deadline(DateTime receivedAt, int workingDays) =>
        AddWorkingDays(EffectiveReceiptDate(receivedAt), workingDays);

    /// <summary>
    /// 办理用时 in working days: the working days after the effective receipt date up to and including the completion
    /// date. Same-day completion is 0; completion on a non-working day counts up to that day and adds nothing.
    /// </summary>
    /// <exception cref="DomainException">Completion is before receipt, or a date lies in a year without a schedule.</exception>
    public int WorkingDays(DateTime receivedAt, DateTime completedAt)
    {
        if (completedAt < receivedAt)
            throw new DomainException(
                $"办结时间{completedAt:yyyy-MM-dd HH:mm}早于受理时间{receivedAt:yyyy-MM-dd HH:mm}，无法计算办理用时。");
        var received = DateOnly.FromDateTime(receivedAt);
        var completed = DateOnly.FromDateTime(completedAt);
        var count = CountWorkingDays(received, completed);
        // A late receipt moves the start to the next working day W: W itself is then not counted. If W is after the
        // completion date the count above is already 0. Doing it this way never looks past the completion date.
        return IsReceivedLate(receivedAt) ? Math.Max(0, count - 1) : count;
    }

    /// <summary>Working days in the interval (<paramref name="after"/>, <paramref name="through"/>]: <paramref name="after"/> excluded, <paramref name="through"/> included.</summary>
    public int CountWorkingDays(DateOnly after, DateOnly through)
    {
        if (through < after)
            throw new DomainException($"结束日期{ChineseDate(through)}早于开始日期{ChineseDate(after)}。");
        EnsureCovered(after);
        EnsureCovered(through);
        for (var year = after.Year + 1; year < through.Year; year++)
            EnsureCovered(new DateOnly(year, 1, 1));
        return _workingThrough[Index(through)] - _workingThrough[Index(after)];
    }

    /// <summary>
    /// Checks one year's schedule as an administrator entered it and returns every problem as a Chinese sentence;
    /// an empty list means the schedule can be saved. Dates of the previous December are accepted because a
    /// New Year (元旦) arrangement may start there (the 2019 schedule made Saturday 2018-12-29 a working day).
    /// </summary>
    public static IReadOnlyList<string> Validate(int year, IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var entries = days.ToList();
        var problems = new List<string>();
        if (year < MinYear || year > MaxYear)
        {
            problems.Add($"年份必须在{MinYear}–{MaxYear}之间（收到{year}）。");
            return problems;
        }
        foreach (var day in entries.Where(d => d is not null).OrderBy(d => d.Date))
        {
            var inYear = day.Date.Year == year || (day.Date.Year == year - 1 && day.Date.Month == 12);
            if (!inYear)
                problems.Add($"{ChineseDate(day.Date)}不属于{year}年的安排（只能录入{year}年的日期，以及元旦调休涉及的{year - 1}年12月）。");
        }
        problems.AddRange(CheckEntries(entries));

        var holidayNames = entries
            .Where(d => d is not null && d.Kind == CalendarDayKind.PublicHoliday && !string.IsNullOrWhiteSpace(d.Name))
            .Select(d => d.Name.Trim())
            .ToHashSet(StringComparer.Ordinal);
        if (holidayNames.Count == 0)
            problems.Add($"{year}年的安排中没有任何放假日，请按国务院办公厅的通知录入。");
        foreach (var day in entries.Where(d => d is not null && d.Kind == CalendarDayKind.AdjustedWorkday
                     && !string.IsNullOrWhiteSpace(d.Name) && !holidayNames.Contains(d.Name.Trim())).OrderBy(d => d.Date))
            problems.Add($"{ChineseDate(day.Date)}调休上班标注为「{day.Name.Trim()}」，但{year}年的安排中没有名为「{day.Name.Trim()}」的放假日。");
        return problems;
    }

    internal static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string ChineseWeekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        _ => "星期日",
    };

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // Problems that make a set of entries unusable whatever the year: unnamed entries, adjusted working days on
    // weekdays, dates entered twice.
    private static List<string> CheckEntries(List<CalendarDay> entries)
    {
        var problems = new List<string>();
        if (entries.Any(d => d is null))
            problems.Add("节假日安排中有空条目。");
        var valid = entries.Where(d => d is not null).OrderBy(d => d.Date).ThenBy(d => d.Kind).ToList();
        foreach (var day in valid)
        {
            var where = $"{ChineseDate(day.Date)}（{Label(day.Kind)}）";
            if (!Enum.IsDefined(day.Kind))
                problems.Add($"{ChineseDate(day.Date)}的类型无效，只能是放假或调休上班。");
            if (string.IsNullOrWhiteSpace(day.Name))
                problems.Add($"{where}缺少节日名称。");
            else if (day.Name.Trim().Length > 20)
                problems.Add($"{where}的节日名称不能超过20个字符。");
            if (day.Kind == CalendarDayKind.AdjustedWorkday && !IsWeekend(day.Date))
                problems.Add($"{ChineseDate(day.Date)}是{ChineseWeekday(day.Date.DayOfWeek)}，本来就是工作日；调休上班日只能是周六或周日。");
        }
        foreach (var group in valid.GroupBy(d => d.Date).Where(g => g.Count() > 1))
        {
            problems.Add(group.Select(d => d.Kind).Distinct().Count() > 1
                ? $"{ChineseDate(group.Key)}同时被录入为放假日和调休上班日，只能保留一个。"
                : $"{ChineseDate(group.Key)}被重复录入了{group.Count()}次。");
        }
        return problems;
    }

    private bool IsWorkingDayUnchecked(DateOnly date) =>
        _entries.TryGetValue(date, out var entry)
            ? entry.Kind == CalendarDayKind.AdjustedWorkday
            : !IsWeekend(date);

    private bool IsReceivedLate(DateTime receivedAt) =>
        !IsWorkingDay(DateOnly.FromDateTime(receivedAt)) || TimeOnly.FromDateTime(receivedAt) >= ReceiptCutoff;

    private int Index(DateOnly date) => date.DayNumber - _origin.DayNumber;

    private void EnsureCovered(DateOnly date)
    {
        if (!Covers(date))
            throw new DomainException(
                $"工作日历中没有{date.Year}年的节假日安排，无法判断{ChineseDate(date)}是否为工作日。请系统管理员先录入国务院办公厅公布的{date.Year}年放假安排。");
    }
}
