using EvalSystem.Domain.Common;
using EvalSystem.Domain.Periods;

namespace EvalSystem.Domain.Tests.Model;

public class PeriodDepartmentDeadlineTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime PeriodDeadline = Now.AddDays(30);
    private static readonly Guid Amr = Guid.NewGuid();
    private static readonly Guid Tax = Guid.NewGuid();

    private static EvaluationPeriod Collecting()
    {
        var period = new EvaluationPeriod("2026年第四季度", EvaluationPeriodTests.PublishedSystem(), new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
        period.OpenCollection(PeriodDeadline, Now);
        return period;
    }

    [Fact]
    public void DeadlineFor_WithoutOverride_IsThePeriodsDeadline()
        => Assert.Equal(PeriodDeadline, Collecting().DeadlineFor(Amr));

    [Fact]
    public void SetDepartmentDeadline_ExtendsOnlyThatDepartment()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "市场监管局系统升级，延长3天", Now);

        Assert.Equal(PeriodDeadline.AddDays(3), period.DeadlineFor(Amr));
        Assert.Equal(PeriodDeadline, period.DeadlineFor(Tax));
        var entry = Assert.Single(period.DepartmentDeadlines);
        Assert.Equal((period.Id, Amr, "市场监管局系统升级，延长3天"), (entry.PeriodId, entry.DepartmentId, entry.Reason));
    }

    [Fact]
    public void AcceptsSubmissions_AfterThePeriodDeadline_OnlyForTheExtendedDepartment()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);
        var afterPeriodDeadline = PeriodDeadline.AddDays(1);

        Assert.True(period.AcceptsSubmissions(afterPeriodDeadline, Amr));
        Assert.False(period.AcceptsSubmissions(afterPeriodDeadline, Tax));
        Assert.False(period.AcceptsSubmissions(afterPeriodDeadline)); // without a department, the period's deadline holds
        Assert.False(period.AcceptsSubmissions(PeriodDeadline.AddDays(4), Amr));
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(0)]
    public void SetDepartmentDeadline_NotLaterThanThePeriods_IsRefusedNamingThePeriodsDeadline_AndNothingChanges(int days)
    {
        var period = Collecting();

        var ex = Assert.Throws<DomainException>(() => period.SetDepartmentDeadline(Tax, PeriodDeadline.AddDays(days), "税务局需提前报送省局", Now));

        Assert.Equal("部门的单独截止时间必须晚于周期截止时间 2026-12-01 08:00，否则无需单独设置。", ex.Message); // Beijing time, whatever the machine's zone
        Assert.Empty(period.DepartmentDeadlines);
        Assert.Equal(PeriodDeadline, period.DeadlineFor(Tax));
    }

    [Fact]
    public void ChangingAnOwnDeadline_ToBeforeThePeriods_IsRefused_AndKeepsTheExtension()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);

        Assert.Throws<DomainException>(() => period.SetDepartmentDeadline(Amr, PeriodDeadline.AddHours(-1), "改为提前", Now));

        Assert.Equal((PeriodDeadline.AddDays(3), "系统升级"), (period.DepartmentDeadlines[0].DeadlineUtc, period.DepartmentDeadlines[0].Reason));
        Assert.Equal(PeriodDeadline.AddDays(3), period.DeadlineFor(Amr));
    }

    [Fact]
    public void SetDepartmentDeadline_Again_ReplacesTheEarlierOne()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(5), "  升级延期，再延长2天  ", Now);

        var entry = Assert.Single(period.DepartmentDeadlines);
        Assert.Equal((PeriodDeadline.AddDays(5), "升级延期，再延长2天"), (entry.DeadlineUtc, entry.Reason));
    }

    [Fact]
    public void SetDepartmentDeadline_WhileDraft_IsAllowed_AndHoldsOnceCollecting()
    {
        var period = new EvaluationPeriod("2027年第一季度", EvaluationPeriodTests.PublishedSystem(), new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31));
        period.SetDepartmentDeadline(Amr, Now.AddDays(60), "提前约定", Now);
        Assert.Null(period.DeadlineFor(Tax));

        period.OpenCollection(Now.AddDays(40), Now);

        Assert.Equal(Now.AddDays(60), period.DeadlineFor(Amr));
        Assert.True(period.AcceptsSubmissions(Now.AddDays(50), Amr));
        Assert.False(period.AcceptsSubmissions(Now.AddDays(50), Tax));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void SetDepartmentDeadline_NotInTheFuture_IsRefused_AndNothingChanges(int days)
    {
        var period = Collecting();
        var ex = Assert.Throws<DomainException>(() => period.SetDepartmentDeadline(Amr, Now.AddDays(days), "系统升级", Now));
        Assert.Contains("必须晚于当前时间", ex.Message);
        Assert.Empty(period.DepartmentDeadlines);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void SetDepartmentDeadline_WithoutReason_IsRefused(string? reason)
    {
        var period = Collecting();
        var ex = Assert.Throws<DomainException>(() => period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), reason!, Now));
        Assert.Contains("原因不能为空", ex.Message);
        Assert.Empty(period.DepartmentDeadlines);
    }

    [Fact]
    public void SetDepartmentDeadline_ReasonTooLong_IsRefused()
    {
        var period = Collecting();
        var ex = Assert.Throws<DomainException>(() => period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), new string('长', 201), Now));
        Assert.Contains("不能超过200个字符", ex.Message);
        Assert.Empty(period.DepartmentDeadlines);
    }

    [Fact]
    public void SetDepartmentDeadline_WithoutDepartment_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Collecting().SetDepartmentDeadline(Guid.Empty, PeriodDeadline, "系统升级", Now));
        Assert.Contains("请选择", ex.Message);
    }

    [Fact]
    public void ChangingAReplacedDeadline_WithBadInput_KeepsTheEarlierOne()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);

        Assert.Throws<DomainException>(() => period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(9), " ", Now));

        Assert.Equal((PeriodDeadline.AddDays(3), "系统升级"), (period.DepartmentDeadlines[0].DeadlineUtc, period.DepartmentDeadlines[0].Reason));
    }

    [Fact]
    public void SetOrRemoveDepartmentDeadline_OnceReviewing_IsRefusedWithTheState()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);
        period.CloseCollection();

        var set = Assert.Throws<DomainException>(() => period.SetDepartmentDeadline(Tax, PeriodDeadline.AddDays(3), "系统升级", Now));
        var remove = Assert.Throws<DomainException>(() => period.RemoveDepartmentDeadline(Amr));

        Assert.Contains("审核中", set.Message);
        Assert.Contains("审核中", remove.Message);
        Assert.Single(period.DepartmentDeadlines);
    }

    [Fact]
    public void AcceptsSubmissions_OnceReviewing_IsFalseEvenWithAnExtension()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);
        period.CloseCollection();

        Assert.False(period.AcceptsSubmissions(Now.AddDays(1), Amr));
    }

    [Fact]
    public void RemoveDepartmentDeadline_RestoresThePeriodsDeadline()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);

        period.RemoveDepartmentDeadline(Amr);

        Assert.Empty(period.DepartmentDeadlines);
        Assert.Equal(PeriodDeadline, period.DeadlineFor(Amr));
        Assert.False(period.AcceptsSubmissions(PeriodDeadline.AddDays(1), Amr));
    }

    [Fact]
    public void RemoveDepartmentDeadline_WhenNoneIsSet_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Collecting().RemoveDepartmentDeadline(Amr));
        Assert.Contains("没有单独设置截止时间", ex.Message);
    }

    [Fact]
    public void ChangingThePeriodsDeadline_LeavesADepartmentsOwnDeadline()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);

        period.ChangeDeadline(PeriodDeadline.AddDays(1), Now);

        Assert.Equal(PeriodDeadline.AddDays(3), period.DeadlineFor(Amr));
        Assert.Equal(PeriodDeadline.AddDays(1), period.DeadlineFor(Tax));
    }

    [Fact]
    public void ChangingThePeriodsDeadline_PastAnOwnDeadline_GivesThatDepartmentThePeriods()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);

        period.ChangeDeadline(PeriodDeadline.AddDays(7), Now);

        Assert.Equal(PeriodDeadline.AddDays(7), period.DeadlineFor(Amr)); // never less time than everyone else
        Assert.Null(period.ExtensionFor(Amr));
        Assert.True(period.AcceptsSubmissions(PeriodDeadline.AddDays(5), Amr));
        Assert.Single(period.DepartmentDeadlines); // kept, with its reason, but no longer in force
    }

    [Fact]
    public void ChangingThePeriodsDeadline_ToExactlyAnOwnDeadline_LeavesNoExtension()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);

        period.ChangeDeadline(PeriodDeadline.AddDays(3), Now);

        Assert.Equal(PeriodDeadline.AddDays(3), period.DeadlineFor(Amr));
        Assert.Null(period.ExtensionFor(Amr));
    }

    [Fact]
    public void MovingThePeriodsDeadlineBackBeforeAnOwnDeadline_ExtendsThatDepartmentAgain()
    {
        var period = Collecting();
        period.SetDepartmentDeadline(Amr, PeriodDeadline.AddDays(3), "系统升级", Now);
        period.ChangeDeadline(PeriodDeadline.AddDays(7), Now);

        period.ChangeDeadline(PeriodDeadline, Now);

        Assert.Equal(PeriodDeadline.AddDays(3), period.DeadlineFor(Amr));
        Assert.Same(period.DepartmentDeadlines[0], period.ExtensionFor(Amr));
    }

    [Fact]
    public void OpeningCollection_WithADeadlinePastAnOwnDeadlineSetWhileDraft_GivesThePeriods()
    {
        var period = new EvaluationPeriod("2027年第一季度", EvaluationPeriodTests.PublishedSystem(), new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31));
        period.SetDepartmentDeadline(Amr, Now.AddDays(20), "提前约定", Now); // no period deadline yet: any future one is accepted

        period.OpenCollection(Now.AddDays(40), Now);

        Assert.Equal(Now.AddDays(40), period.DeadlineFor(Amr));
        Assert.True(period.AcceptsSubmissions(Now.AddDays(30), Amr));
    }
}
