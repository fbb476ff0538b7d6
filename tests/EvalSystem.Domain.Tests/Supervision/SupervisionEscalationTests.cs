using EvalSystem.Domain.Common;
using EvalSystem.Domain.Supervision;
using static EvalSystem.Domain.Tests.Supervision.SupervisionFixture;

namespace EvalSystem.Domain.Tests.Supervision;

public class SupervisionEscalationTests
{
    private static readonly DateOnly Deadline = new(2026, 3, 20);

    private static SupervisionTask Accepted()
    {
        var task = Issue(Deadline);
        task.Accept(Clerk, Dept, Now);
        return task;
    }

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(9, 2)]
    [InlineData(10, 3)]
    [InlineData(45, 3)]
    public void Escalate_DefaultPolicy_LevelFollowsTheDaysOverdue(int daysOverdue, int level)
    {
        var task = Accepted();

        var rose = task.Escalate(At(Deadline.AddDays(daysOverdue)), SupervisionPolicy.Default);

        Assert.Equal((level > 0, level), (rose, task.EscalationLevel));
    }

    [Fact]
    public void Escalate_DailyRun_RisesOnlyOnTheDaysALevelIsReachedAndRecordsEachRise()
    {
        var task = Accepted();

        var risingDays = Enumerable.Range(0, 15)
            .Where(d => task.Escalate(At(Deadline.AddDays(d), 2), SupervisionPolicy.Default))
            .ToList();

        Assert.Equal([1, 5, 10], risingDays);
        var escalations = task.History.Where(e => e.Action == SupervisionAction.Escalated).ToList();
        Assert.Equal(["超期1天，督办等级升至1级。", "超期5天，督办等级升至2级。", "超期10天，督办等级升至3级。"], escalations.Select(e => e.Text));
        Assert.All(escalations, e => Assert.Equal(SupervisionTask.SystemActor.UserId, e.UserId));
    }

    [Fact]
    public void Escalate_SkippedDays_JumpStraightToTheLevelReached()
    {
        var task = Accepted();
        Assert.True(task.Escalate(At(Deadline.AddDays(7)), SupervisionPolicy.Default));
        Assert.Equal(2, task.EscalationLevel);
        Assert.Single(task.History, e => e.Action == SupervisionAction.Escalated);
    }

    [Fact]
    public void Escalate_IssuedButNeverAccepted_IsEscalated()
    {
        var task = Issue(Deadline);
        Assert.True(task.Escalate(At(Deadline.AddDays(2)), SupervisionPolicy.Default));
    }

    [Theory]
    [InlineData(SupervisionStatus.SubmittedForVerification)]
    [InlineData(SupervisionStatus.Closed)]
    public void Escalate_TaskNotWithTheDepartment_IsNotEscalated(SupervisionStatus status)
    {
        var task = InState(status);
        var events = task.History.Count;

        Assert.False(task.Escalate(At(task.Deadline.AddDays(30)), SupervisionPolicy.Default));

        Assert.Equal((0, events), (task.EscalationLevel, task.History.Count));
    }

    [Fact]
    public void Escalate_AfterAnApprovedExtension_KeepsTheLevelReachedAndWaitsForTheNewDeadline()
    {
        var task = Accepted();
        task.Escalate(At(Deadline.AddDays(6)), SupervisionPolicy.Default);
        task.RequestExtension(Clerk, Dept, "需要协调供电公司。", Deadline.AddDays(20), SupervisionPolicy.Default, At(Deadline.AddDays(6)));
        task.ApproveExtension(Office, null, At(Deadline.AddDays(6)));

        Assert.False(task.Escalate(At(Deadline.AddDays(10)), SupervisionPolicy.Default));
        Assert.Equal(2, task.EscalationLevel);
        Assert.False(task.Escalate(At(Deadline.AddDays(25)), SupervisionPolicy.Default)); // 5 days past the new deadline: level 2, not higher
        Assert.True(task.Escalate(At(Deadline.AddDays(30)), SupervisionPolicy.Default)); // 10 days past it: level 3
        Assert.Equal(3, task.EscalationLevel);
    }

    [Fact]
    public void Escalate_CustomSteps()
    {
        var policy = new SupervisionPolicy(escalationSteps: [3, 7]);
        var task = Accepted();
        Assert.False(task.Escalate(At(Deadline.AddDays(2)), policy));
        Assert.True(task.Escalate(At(Deadline.AddDays(3)), policy));
        Assert.True(task.Escalate(At(Deadline.AddDays(100)), policy));
        Assert.Equal(2, task.EscalationLevel);
    }

    [Fact]
    public void Escalate_NoSteps_NeverEscalates() =>
        Assert.False(Accepted().Escalate(At(Deadline.AddDays(100)), new SupervisionPolicy(escalationSteps: [])));
}

public class SupervisionPolicyTests
{
    [Fact]
    public void Default_Is30DaysAndSteps1_5_10()
    {
        Assert.Equal(30, SupervisionPolicy.Default.MaxExtensionDays);
        Assert.Equal([1, 5, 10], SupervisionPolicy.Default.EscalationSteps);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxExtensionDays_BelowOne_IsRefused(int days) =>
        Assert.Throws<DomainException>(() => new SupervisionPolicy(maxExtensionDays: days));

    [Theory]
    [InlineData(new[] { 0, 5 }, "至少为1天")]
    [InlineData(new[] { 1, 5, 5 }, "逐级递增")]
    [InlineData(new[] { 10, 5 }, "逐级递增")]
    public void EscalationSteps_NotPositiveAndIncreasing_AreRefused(int[] steps, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => new SupervisionPolicy(escalationSteps: steps));
        Assert.Contains(expected, ex.Message);
    }
}
