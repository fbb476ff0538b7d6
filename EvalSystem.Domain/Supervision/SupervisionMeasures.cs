using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Supervision;

/// <summary>
/// Measures computed from supervision tasks for the indicators of the 督查督办 group (e.g. DB-1 督办任务按期完成率)
/// and for the overdue penalty (<see cref="SupervisionPenalty"/>).
/// <para>
/// Conventions: a task is <em>due in the period</em> when its deadline in force — the original deadline, or the last
/// approved extension — falls between <c>periodStart</c> and <c>periodEnd</c> inclusive; a task extended out of
/// the period is due in the period it was extended into. A due task is <em>on time</em> when it was closed (销号)
/// on or before that deadline; a due task still open counts as not on time, so compute these after the period has ended.
/// Only tasks whose responsible department (主责单位) is the given department count; supporting departments do not.
/// </para>
/// </summary>
public static class SupervisionMeasures
{
    /// <summary>
    /// 督办任务按期完成率 in percent (0–100, the unit of DB-1): on-time tasks / due tasks × 100; null when the department
    /// had no task due in the period (nothing to measure, which is not the same as 0 %).
    /// </summary>
    public static double? OnTimeCompletionRate(IEnumerable<SupervisionTask> tasks, Guid departmentId, DateOnly periodStart, DateOnly periodEnd)
    {
        var (due, onTime) = Count(tasks, departmentId, periodStart, periodEnd);
        return due == 0 ? null : onTime * 100.0 / due;
    }

    /// <summary>
    /// The same rate over every task given, whoever is responsible: for a region target the caller passes the tasks
    /// concerning that region (and the regions below it).
    /// </summary>
    public static double? OnTimeCompletionRate(IEnumerable<SupervisionTask> tasks, DateOnly periodStart, DateOnly periodEnd)
    {
        var (due, onTime) = Count(tasks, null, periodStart, periodEnd);
        return due == 0 ? null : onTime * 100.0 / due;
    }

    /// <summary>
    /// Overdue tasks of the department among those due in the period, the units of the overdue penalty: a task counts
    /// when it was closed after its deadline in force, or is still open and its deadline lies before <paramref name="asOf"/>.
    /// An open task whose deadline has not passed on <paramref name="asOf"/> is not (yet) overdue.
    /// </summary>
    public static int OverdueCount(IEnumerable<SupervisionTask> tasks, Guid departmentId, DateOnly periodStart, DateOnly periodEnd, DateOnly asOf) =>
        Overdue(tasks, departmentId, periodStart, periodEnd, asOf);

    /// <summary>The same count over every task given, whoever is responsible (a region target's tasks).</summary>
    public static int OverdueCount(IEnumerable<SupervisionTask> tasks, DateOnly periodStart, DateOnly periodEnd, DateOnly asOf) =>
        Overdue(tasks, null, periodStart, periodEnd, asOf);

    private static int Overdue(IEnumerable<SupervisionTask> tasks, Guid? departmentId, DateOnly periodStart, DateOnly periodEnd, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        CheckPeriod(periodStart, periodEnd);
        return tasks.Count(t => (departmentId is not { } d || t.DepartmentId == d) && t.Deadline >= periodStart && t.Deadline <= periodEnd
            && !t.ClosedOnTime && (t.IsClosed || t.Deadline < asOf));
    }

    private static void CheckPeriod(DateOnly periodStart, DateOnly periodEnd)
    {
        if (periodEnd < periodStart)
            throw new DomainException($"统计区间的结束日期（{periodEnd:yyyy-MM-dd}）不能早于开始日期（{periodStart:yyyy-MM-dd}）。");
    }

    private static (int Due, int OnTime) Count(IEnumerable<SupervisionTask> tasks, Guid? departmentId, DateOnly periodStart, DateOnly periodEnd)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        CheckPeriod(periodStart, periodEnd);
        int due = 0, onTime = 0;
        foreach (var task in tasks)
        {
            if ((departmentId is { } d && task.DepartmentId != d) || task.Deadline < periodStart || task.Deadline > periodEnd)
                continue;
            due++;
            if (task.ClosedOnTime)
                onTime++;
        }

        return (due, onTime);
    }
}
