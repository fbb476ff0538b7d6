using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;

namespace EvalSystem.Domain.Cases;

/// <summary>
/// Measures over a set of cases (one target, one period, as the caller selected them), in one pass over the
/// sequence so that a database cursor can feed it.
/// </summary>
public static class CaseMeasures
{
    /// <summary>
    /// Computes every case measure. Approval times count completed cases only (<see cref="CaseStatus.Completed"/>;
    /// rejected and withdrawn cases are not approvals), in working days by <paramref name="calendar"/>.
    /// Memory is constant apart from the median, which keeps a histogram of working days (one counter per distinct
    /// day count up to the longest case), never the cases.
    /// </summary>
    /// <exception cref="DomainException">A case lies in a year the calendar has no schedule for.</exception>
    public static CaseMeasureResult Compute(IEnumerable<ServiceCase> cases, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(calendar);
        int all = 0, online = 0, completed = 0, onTime = 0, startups = 0;
        long approvalDays = 0, startupDays = 0;
        var histogram = new WorkingDayHistogram();

        foreach (var serviceCase in cases)
        {
            ArgumentNullException.ThrowIfNull(serviceCase, nameof(cases));
            all++;
            if (serviceCase.Channel == ServiceChannel.Online)
                online++;
            if (serviceCase.ApprovalWorkingDays(calendar) is not { } days)
                continue;
            completed++;
            approvalDays += days;
            histogram.Add(days);
            if (days <= serviceCase.PromisedWorkingDays)
                onTime++;
            if (serviceCase.StartupWorkingDays(calendar) is { } startup)
            {
                startups++;
                startupDays += startup;
            }
        }

        return new CaseMeasureResult(
            CaseCount: all,
            OnlineCount: online,
            CompletedCount: completed,
            OnTimeCount: onTime,
            StartupCaseCount: startups,
            AverageApprovalDays: completed == 0 ? null : (double)approvalDays / completed,
            MedianApprovalDays: histogram.Median(),
            OnTimeRate: Percent(onTime, completed),
            OnlineShare: Percent(online, all),
            AverageStartupDays: startups == 0 ? null : (double)startupDays / startups);
    }

    internal static double? Percent(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;
}

/// <summary>
/// The case measures of one selection of cases. A measure without data (no cases, no completed cases, no completed
/// start-up cases) is null, never 0, so that the missing-data policy of the indicator system applies.
/// Rates are percentages (0–100).
/// </summary>
/// <param name="CaseCount">办件总数: all cases, whatever their status.</param>
/// <param name="OnlineCount">网上办件数.</param>
/// <param name="CompletedCount">办结件数.</param>
/// <param name="OnTimeCount">Completed within the promised working days.</param>
/// <param name="StartupCaseCount">Completed business start-up cases.</param>
/// <param name="AverageApprovalDays">Mean working days of completed cases.</param>
/// <param name="MedianApprovalDays">Median working days of completed cases (mean of the two middle ones for an even count).</param>
/// <param name="OnTimeRate">OnTimeCount / CompletedCount × 100.</param>
/// <param name="OnlineShare">OnlineCount / CaseCount × 100.</param>
/// <param name="AverageStartupDays">Mean start-up working days of completed start-up cases.</param>
public sealed record CaseMeasureResult(
    int CaseCount,
    int OnlineCount,
    int CompletedCount,
    int OnTimeCount,
    int StartupCaseCount,
    double? AverageApprovalDays,
    double? MedianApprovalDays,
    double? OnTimeRate,
    double? OnlineShare,
    double? AverageStartupDays)
{
    /// <summary>The value of a case-data measure, for an indicator bound to it.</summary>
    /// <exception cref="DomainException">The measure comes from ratings, not case data.</exception>
    public double? Value(CaseMeasureKind kind) => kind switch
    {
        CaseMeasureKind.AverageApprovalDays => AverageApprovalDays,
        CaseMeasureKind.MedianApprovalDays => MedianApprovalDays,
        CaseMeasureKind.OnTimeRate => OnTimeRate,
        CaseMeasureKind.OnlineShare => OnlineShare,
        CaseMeasureKind.StartupDays => AverageStartupDays,
        _ when kind.Source() == IndicatorSource.Ratings =>
            throw new DomainException($"「{kind.DisplayName()}」来自好差评数据，不能从办件数据计算。"),
        _ => throw new DomainException($"未知的办件度量（{(int)kind}）。"),
    };
}

/// <summary>Counts of cases per number of working days: the median without keeping the cases.</summary>
internal sealed class WorkingDayHistogram
{
    private int[] _counts = new int[32];

    public long Count { get; private set; }

    public void Add(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days >= _counts.Length)
            Array.Resize(ref _counts, Math.Max(days + 1, _counts.Length * 2));
        _counts[days]++;
        Count++;
    }

    /// <summary>The median, the mean of the two middle values for an even count; null when empty.</summary>
    public double? Median()
    {
        if (Count == 0)
            return null;
        // 0-based ranks of the middle value(s) in sorted order.
        var lowRank = (Count - 1) / 2;
        var highRank = Count / 2;
        int? low = null;
        long seen = 0;
        for (var days = 0; days < _counts.Length; days++)
        {
            seen += _counts[days];
            if (low is null && seen > lowRank)
                low = days;
            if (seen > highRank)
                return (low!.Value + days) / 2.0;
        }
        throw new InvalidOperationException("Histogram count out of step with its buckets.");
    }
}
