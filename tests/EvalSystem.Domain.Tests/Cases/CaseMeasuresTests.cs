using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using static EvalSystem.Domain.Tests.Cases.ServiceCaseTests;

namespace EvalSystem.Domain.Tests.Cases;

public class CaseMeasuresTests
{
    private static readonly WorkingDayCalendar Calendar = ChinaOfficialHolidays.Calendar();

    // Six cases, four completed (working days 0, 2, 7, 8), three online.
    private static IEnumerable<ServiceCase> SixCases() =>
    [
        // 0 working days (same day), promised 0 (即办件) → on time.
        Case("A", ServiceChannel.Online, new DateTime(2025, 3, 3, 10, 0, 0), new DateTime(2025, 3, 3, 15, 0, 0), promised: 0),
        // Mon 3/3 → Wed 3/5: 2, promised 1 → late.
        Case("B", ServiceChannel.Window, new DateTime(2025, 3, 3, 10, 0, 0), new DateTime(2025, 3, 5), promised: 1),
        // Across 春节 2025: 7 (see WorkingDayCalendarTests), promised 10 → on time.
        Case("C", ServiceChannel.Online, new DateTime(2025, 1, 24, 10, 0, 0), new DateTime(2025, 2, 10), promised: 10),
        // Across 国庆节 2025: 8, promised 5 → late.
        Case("D", ServiceChannel.Window, new DateTime(2025, 9, 26, 10, 0, 0), new DateTime(2025, 10, 14), promised: 5),
        // In progress: counts for the online share only.
        Case("E", ServiceChannel.Online),
        // Rejected: not an approval.
        Case("F", ServiceChannel.Window, completed: new DateTime(2025, 3, 4), status: CaseStatus.Rejected),
    ];

    [Fact]
    public void Compute_Counts()
    {
        var result = CaseMeasures.Compute(SixCases(), Calendar);
        Assert.Equal(6, result.CaseCount);
        Assert.Equal(3, result.OnlineCount);
        Assert.Equal(4, result.CompletedCount);
        Assert.Equal(2, result.OnTimeCount);
    }

    [Fact]
    public void Compute_AverageApprovalDays_OverCompletedCases() =>
        // (0 + 2 + 7 + 8) / 4 = 4.25
        Assert.Equal(4.25, CaseMeasures.Compute(SixCases(), Calendar).AverageApprovalDays!.Value, precision: 12);

    [Fact]
    public void Compute_MedianApprovalDays_EvenCountAveragesTheMiddleTwo() =>
        // 0, 2 | 7, 8 → (2 + 7) / 2 = 4.5
        Assert.Equal(4.5, CaseMeasures.Compute(SixCases(), Calendar).MedianApprovalDays);

    [Fact]
    public void Compute_MedianApprovalDays_OddCountTakesTheMiddle() =>
        // A 0, B 2, C 7 → 2
        Assert.Equal(2, CaseMeasures.Compute(SixCases().Take(3), Calendar).MedianApprovalDays);

    [Fact]
    public void Compute_OnTimeRate_IsOnTimeOverCompleted() =>
        // A and C of A–D → 2 / 4 = 50 %
        Assert.Equal(50.0, CaseMeasures.Compute(SixCases(), Calendar).OnTimeRate);

    [Fact]
    public void Compute_OnlineShare_IsOnlineOverAllCases() =>
        // A, C, E of six → 50 %
        Assert.Equal(50.0, CaseMeasures.Compute(SixCases(), Calendar).OnlineShare);

    [Fact]
    public void Compute_StartupDays_AveragesCompletedStartupCases()
    {
        ServiceCase[] cases =
        [
            // Stages Mon 3/3 09:00 → Thu 3/6: 3.
            Case("S1", received: new DateTime(2025, 3, 3, 9, 0, 0), completed: new DateTime(2025, 3, 10), startup: true,
                stages:
                [
                    new StartupStage("设立登记", new DateTime(2025, 3, 3, 9, 0, 0), new DateTime(2025, 3, 3, 16, 0, 0)),
                    new StartupStage("银行开户", new DateTime(2025, 3, 5, 10, 0, 0), new DateTime(2025, 3, 6, 15, 0, 0)),
                ]),
            // No stages: Fri 3/7 → Mon 3/10: 1.
            Case("S2", received: new DateTime(2025, 3, 7, 10, 0, 0), completed: new DateTime(2025, 3, 10), startup: true),
            // In progress: not counted.
            Case("S3", startup: true),
            // Not a start-up.
            Case("X", completed: new DateTime(2025, 3, 20)),
        ];
        var result = CaseMeasures.Compute(cases, Calendar);
        Assert.Equal(2, result.StartupCaseCount);
        Assert.Equal(2.0, result.AverageStartupDays); // (3 + 1) / 2
    }

    [Fact]
    public void Compute_Empty_EveryMeasureIsNull()
    {
        var result = CaseMeasures.Compute([], Calendar);
        Assert.Equal(0, result.CaseCount);
        foreach (var kind in CaseMeasureKinds.All.Where(k => k.Source() == IndicatorSource.CaseData))
            Assert.Null(result.Value(kind));
    }

    [Fact]
    public void Compute_NothingCompleted_OnlyTheOnlineShareHasData()
    {
        var result = CaseMeasures.Compute([Case("E1", ServiceChannel.Online), Case("E2")], Calendar);
        Assert.Equal(50.0, result.OnlineShare);
        Assert.Null(result.AverageApprovalDays);
        Assert.Null(result.MedianApprovalDays);
        Assert.Null(result.OnTimeRate);
        Assert.Null(result.AverageStartupDays);
    }

    [Fact]
    public void Compute_ReadsTheSequenceOnce()
    {
        var reads = 0;
        IEnumerable<ServiceCase> Stream()
        {
            reads++;
            foreach (var c in SixCases())
                yield return c;
        }
        CaseMeasures.Compute(Stream(), Calendar);
        Assert.Equal(1, reads);
    }

    [Fact]
    public void Value_MapsEveryCaseMeasure()
    {
        var result = CaseMeasures.Compute(SixCases(), Calendar);
        Assert.Equal(result.AverageApprovalDays, result.Value(CaseMeasureKind.AverageApprovalDays));
        Assert.Equal(result.MedianApprovalDays, result.Value(CaseMeasureKind.MedianApprovalDays));
        Assert.Equal(result.OnTimeRate, result.Value(CaseMeasureKind.OnTimeRate));
        Assert.Equal(result.OnlineShare, result.Value(CaseMeasureKind.OnlineShare));
        Assert.Equal(result.AverageStartupDays, result.Value(CaseMeasureKind.StartupDays));
    }

    [Fact]
    public void Value_RatingMeasure_IsRefused()
    {
        var result = CaseMeasures.Compute(SixCases(), Calendar);
        Assert.Contains("满意率", Assert.Throws<DomainException>(() => result.Value(CaseMeasureKind.SatisfactionRate)).Message);
    }

    [Fact]
    public void Histogram_LongCases_GrowsAndFindsTheMedian()
    {
        var histogram = new WorkingDayHistogram();
        foreach (var days in new[] { 300, 0, 100 })
            histogram.Add(days);
        Assert.Equal(100, histogram.Median());
        histogram.Add(301);
        Assert.Equal(200, histogram.Median()); // 0, 100 | 300, 301 → (100 + 300) / 2
    }

    [Fact]
    public void Histogram_RepeatedValues()
    {
        var histogram = new WorkingDayHistogram();
        foreach (var days in new[] { 5, 5, 6, 40 })
            histogram.Add(days);
        Assert.Equal(5.5, histogram.Median());
    }

    [Fact]
    public void Histogram_Empty_IsNull() => Assert.Null(new WorkingDayHistogram().Median());
}
