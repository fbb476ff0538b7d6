using EvalSystem.Domain.Common;
using EvalSystem.Domain.Supervision;
using static EvalSystem.Domain.Tests.Supervision.SupervisionFixture;

namespace EvalSystem.Domain.Tests.Supervision;

public class SupervisionTaskTests
{
    [Fact]
    public void Issue_ValidDraft_StartsIssuedWithOneEventAndTheDeadlineAsOriginal()
    {
        var draft = Draft(Today.AddDays(15)) with
        {
            Priority = SupervisionPriority.Urgent,
            RegionCode = "990102",
            SupportingDepartmentIds = [OtherDept, OtherDept],
        };

        var task = new SupervisionTask(new SupervisionNumber(2026, 7), draft, Office, Now);

        Assert.Equal("DC-2026-0007", task.Number.ToString());
        Assert.Equal((SupervisionStatus.Issued, 0, SupervisionPriority.Urgent, "990102"), (task.Status, task.EscalationLevel, task.Priority, task.RegionCode));
        Assert.Equal((Today.AddDays(15), Today.AddDays(15)), (task.OriginalDeadline, task.Deadline));
        Assert.Equal([OtherDept], task.SupportingDepartmentIds);
        Assert.Equal((Office.UserId, Office.UserName, Now.UtcDateTime), (task.CreatedByUserId, task.CreatedByName, task.CreatedAtUtc));
        var issued = Assert.Single(task.History);
        Assert.Equal((SupervisionAction.Issued, Office.UserName), (issued.Action, issued.UserName));
    }

    [Fact]
    public void Issue_DeadlineToday_IsAllowed() =>
        Assert.Equal(Today, Issue(Today).Deadline);

    [Fact]
    public void Issue_DeadlineInThePast_IsRefusedWithBothDates()
    {
        var ex = Assert.Throws<DomainException>(() => Issue(Today.AddDays(-1)));
        Assert.Contains("2026-03-01", ex.Message);
        Assert.Contains("2026-03-02", ex.Message);
    }

    [Fact]
    public void Issue_JustAfterMidnightInBeijing_ComparesWithTheBeijingDate()
    {
        // 00:30 on 2 March in Beijing is still 1 March in UTC; the deadline 1 March has passed in Beijing.
        var justAfterMidnight = new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.FromHours(8));
        Assert.Throws<DomainException>(() => Issue(new DateOnly(2026, 3, 1), now: justAfterMidnight));
    }

    public static TheoryData<string, SupervisionTaskDraft> InvalidDrafts() => new()
    {
        { "标题", Draft() with { Title = " " } },
        { "问题描述", Draft() with { Problem = "" } },
        { "主责单位", Draft(department: Guid.Empty) },
        { "6位数字", Draft() with { RegionCode = "99010" } },
        { "主责单位不能同时是配合单位", Draft() with { SupportingDepartmentIds = [Dept] } },
        { "配合单位", Draft() with { SupportingDepartmentIds = [Guid.Empty] } },
        { "评价对象、评价周期和指标", Draft() with { Source = SupervisionSource.ScoreWarning, TargetId = Guid.NewGuid(), PeriodId = Guid.NewGuid() } },
        { "评价对象和评价周期", Draft() with { Source = SupervisionSource.RankingBottom, TargetId = Guid.NewGuid() } },
        { "差评记录", Draft() with { Source = SupervisionSource.BadReview } },
        { "紧急程度", Draft() with { Priority = (SupervisionPriority)9 } },
    };

    [Theory]
    [MemberData(nameof(InvalidDrafts))]
    public void Issue_InvalidDraft_IsRefusedSayingWhatIsWrong(string expectedInMessage, SupervisionTaskDraft draft)
    {
        var ex = Assert.Throws<DomainException>(() => new SupervisionTask(Number, draft, Office, Now));
        Assert.Contains(expectedInMessage, ex.Message);
    }

    [Fact]
    public void Issue_WithoutNumber_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => new SupervisionTask(default, Draft(), Office, Now));
        Assert.Contains("一件一号", ex.Message);
    }

    [Fact]
    public void Issue_FromScoreWarning_KeepsTheOriginReferences()
    {
        var (target, period, run) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var draft = Draft() with { Source = SupervisionSource.ScoreWarning, TargetId = target, PeriodId = period, ScoreRunId = run, IndicatorCode = "KB-2" };

        var task = new SupervisionTask(Number, draft, Office, Now);

        Assert.Equal((SupervisionSource.ScoreWarning, target, period, run, "KB-2"), (task.Source, task.TargetId, task.PeriodId, task.ScoreRunId, task.IndicatorCode));
    }

    [Theory]
    [InlineData(-1, false, 0)]
    [InlineData(0, false, 0)]
    [InlineData(1, true, 1)]
    [InlineData(12, true, 12)]
    public void IsOverdue_CountsCalendarDaysAfterTheDeadline(int daysAfterDeadline, bool overdue, int days)
    {
        var task = Issue(Today.AddDays(10));
        var asOf = task.Deadline.AddDays(daysAfterDeadline);
        Assert.Equal((overdue, days), (task.IsOverdue(asOf), task.DaysOverdue(asOf)));
    }

    [Fact]
    public void IsOverdue_ClosedTask_IsNeverOverdue()
    {
        var task = Issue(Today.AddDays(1));
        CloseOn(task, Today.AddDays(3));
        Assert.False(task.IsOverdue(Today.AddDays(30)));
    }

    [Theory]
    [InlineData(-3, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void ClosedOnTime_ComparesTheClosingDateWithTheDeadline(int closedDaysAfterDeadline, bool onTime)
    {
        var task = Issue(Today.AddDays(10));
        Assert.False(task.ClosedOnTime);
        CloseOn(task, task.Deadline.AddDays(closedDaysAfterDeadline));
        Assert.Equal(onTime, task.ClosedOnTime);
    }

    [Fact]
    public void Labels_AreChinese()
    {
        Assert.Equal(["已下发", "已签收", "整改中", "待核验", "已销号", "已退回"], Enum.GetValues<SupervisionStatus>().Select(SupervisionTask.Label));
        Assert.Equal(["一般", "重要", "紧急"], Enum.GetValues<SupervisionPriority>().Select(SupervisionTask.Label));
        Assert.Equal(["人工交办", "指标预警", "排名靠后", "差评整改"], Enum.GetValues<SupervisionSource>().Select(SupervisionTask.Label));
        Assert.All(Enum.GetValues<SupervisionAction>(), a => Assert.NotEqual(a.ToString(), SupervisionTask.Label(a)));
    }

    [Fact]
    public void Entities_HaveNoPublicSetters() =>
        Assert.All(
            new[] { typeof(SupervisionTask), typeof(SupervisionEvent), typeof(SupervisionProgressReport), typeof(SupervisionExtension) }.SelectMany(t => t.GetProperties()),
            p => Assert.False(p.SetMethod?.IsPublic ?? false, $"{p.DeclaringType!.Name}.{p.Name}"));
}
