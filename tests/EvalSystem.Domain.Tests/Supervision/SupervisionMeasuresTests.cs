using EvalSystem.Domain.Common;
using EvalSystem.Domain.Scoring;
using EvalSystem.Domain.Supervision;
using static EvalSystem.Domain.Tests.Supervision.SupervisionFixture;

namespace EvalSystem.Domain.Tests.Supervision;

public class SupervisionMeasuresTests
{
    private static readonly DateOnly Q1Start = new(2026, 1, 1);
    private static readonly DateOnly Q1End = new(2026, 3, 31);
    private static readonly DateOnly Q2Start = new(2026, 4, 1);
    private static readonly DateOnly Q2End = new(2026, 6, 30);
    private static readonly DateTimeOffset IssuedAt = At(new DateOnly(2026, 1, 2));

    private static SupervisionTask Task(string deadline, Guid? department = null) =>
        new(Number, Draft(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), department), Office, IssuedAt);

    private static SupervisionTask Extended(string deadline, string extendedTo)
    {
        var task = Task(deadline);
        task.Accept(Clerk, Dept, IssuedAt);
        task.RequestExtension(Clerk, Dept, "需要协调。", DateOnly.Parse(extendedTo, System.Globalization.CultureInfo.InvariantCulture), SupervisionPolicy.Default, IssuedAt);
        task.ApproveExtension(Office, null, IssuedAt);
        return task;
    }

    private static SupervisionTask Closed(SupervisionTask task, string closedOn)
    {
        CloseOn(task, DateOnly.Parse(closedOn, System.Globalization.CultureInfo.InvariantCulture));
        return task;
    }

    /// <summary>
    /// Q1, the department: A on time, B on its deadline day, C five days late, D still open, F late against its original
    /// deadline but within the approved extension → due 5, on time 3 (A, B, F).
    /// E is extended out of Q1 into Q2 and closed on time there; G belongs to another department; H is due in Q2 and open.
    /// </summary>
    private static readonly SupervisionTask[] Tasks =
    [
        Closed(Task("2026-01-31"), "2026-01-30"),                      // A
        Closed(Task("2026-02-28"), "2026-02-28"),                      // B
        Closed(Task("2026-03-15"), "2026-03-20"),                      // C
        Task("2026-03-31"),                                            // D
        Closed(Extended("2026-03-20", "2026-04-10"), "2026-04-05"),    // E
        Closed(Extended("2026-02-10", "2026-03-01"), "2026-02-25"),    // F
        Task("2026-02-01", OtherDept),                                 // G
        Task("2026-04-30"),                                            // H
    ];

    [Fact]
    public void OnTimeCompletionRate_Q1_IsThreeOfFive() =>
        Assert.Equal(60.0, SupervisionMeasures.OnTimeCompletionRate(Tasks, Dept, Q1Start, Q1End)!.Value, precision: 9);

    [Fact]
    public void OnTimeCompletionRate_Q2_CountsTheTaskExtendedIntoIt() =>
        Assert.Equal(50.0, SupervisionMeasures.OnTimeCompletionRate(Tasks, Dept, Q2Start, Q2End)!.Value, precision: 9);

    [Fact]
    public void OnTimeCompletionRate_OtherDepartment_CountsOnlyItsOwnTasks() =>
        Assert.Equal(0.0, SupervisionMeasures.OnTimeCompletionRate(Tasks, OtherDept, Q1Start, Q1End)!.Value, precision: 9);

    [Fact]
    public void OnTimeCompletionRate_NoTaskDue_IsNull()
    {
        Assert.Null(SupervisionMeasures.OnTimeCompletionRate(Tasks, OtherDept, Q2Start, Q2End));
        Assert.Null(SupervisionMeasures.OnTimeCompletionRate([], Dept, Q1Start, Q1End));
    }

    [Fact]
    public void OnTimeCompletionRate_OverTheTasksGiven_CountsEveryDepartment() =>
        Assert.Equal(50.0, SupervisionMeasures.OnTimeCompletionRate(Tasks, Q1Start, Q1End)!.Value, precision: 9);

    [Fact]
    public void OverdueCount_AfterThePeriod_IsDueMinusOnTime()
    {
        Assert.Equal(2, SupervisionMeasures.OverdueCount(Tasks, Dept, Q1Start, Q1End, Q2Start)); // C closed late, D open
        Assert.Equal(1, SupervisionMeasures.OverdueCount(Tasks, Dept, Q2Start, Q2End, Q2End.AddDays(1))); // H open
        Assert.Equal(0, SupervisionMeasures.OverdueCount([], Dept, Q1Start, Q1End, Q2Start));
    }

    [Fact]
    public void OverdueCount_OpenTaskBeforeItsDeadline_IsNotOverdueYet()
    {
        Assert.Equal(0, SupervisionMeasures.OverdueCount(Tasks, Dept, Q2Start, Q2End, new DateOnly(2026, 4, 30))); // H due that day
        Assert.Equal(1, SupervisionMeasures.OverdueCount(Tasks, Dept, Q2Start, Q2End, new DateOnly(2026, 5, 1)));
        Assert.Equal(1, SupervisionMeasures.OverdueCount(Tasks, Dept, Q1Start, Q1End, new DateOnly(2026, 3, 31))); // C late; D due today
    }

    [Fact]
    public void OverdueCount_OverTheTasksGiven_CountsEveryDepartment() =>
        Assert.Equal(3, SupervisionMeasures.OverdueCount(Tasks, Q1Start, Q1End, Q2Start)); // C, D and G of the other department

    [Fact]
    public void Measures_PeriodEndingBeforeItStarts_IsRefused() =>
        Assert.Throws<DomainException>(() => SupervisionMeasures.OnTimeCompletionRate(Tasks, Dept, Q1End, Q1Start));
}

public class SupervisionPenaltyTests
{
    [Theory]
    [InlineData(0, 2, 5.0, 0)]
    [InlineData(2, 2, 5.0, -4)]
    [InlineData(4, 2, 5.0, -5)]
    [InlineData(3, 2, null, -6)]
    [InlineData(3, 0.5, null, -1.5)]
    public void Compute_DeductsPointsPerTaskUpToTheCap(int overdue, double pointsPerTask, double? cap, double expected) =>
        Assert.Equal(expected, SupervisionPenalty.Compute(overdue, pointsPerTask, cap), precision: 12);

    [Theory]
    [InlineData(-1, 2, null)]
    [InlineData(1, -2, null)]
    [InlineData(1, double.NaN, null)]
    [InlineData(1, 2, -5.0)]
    public void Compute_InvalidInput_IsRefused(int overdue, double pointsPerTask, double? cap) =>
        Assert.Throws<DomainException>(() => SupervisionPenalty.Compute(overdue, pointsPerTask, cap));

    [Fact]
    public void Item_IsTheScoringEnginesPenaltyShape() =>
        Assert.Equal(new Adjustment("DB-OVERDUE", "督办任务超期", -2, 5), SupervisionPenalty.Item(2, 5));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Compute_AgreesWithTheScoringEngine(int overdue)
    {
        var model = ScoringModel.Build(new ScoringModelDefinition([new ScoringLeaf("X", "X", 100, IndicatorDirection.HigherIsBetter, new GoalpostRule(100, 0))])
        {
            Adjustments = [SupervisionPenalty.Item(2, 5)],
        });
        var input = new ScoringInput(["T1"], ["X"], [80]) { AdjustmentCodes = [SupervisionPenalty.AdjustmentCode], AdjustmentUnits = [overdue] };

        var target = ScoringEngine.Compute(model, input).GetTarget(0);

        Assert.Equal(SupervisionPenalty.Compute(overdue, 2, 5), target.Adjustments.Single().Points, precision: 12);
        Assert.Equal(80 + SupervisionPenalty.Compute(overdue, 2, 5), target.Composite, precision: 9);
    }
}
