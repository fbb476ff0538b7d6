using EvalSystem.Domain.Common;
using EvalSystem.Domain.Supervision;
using static EvalSystem.Domain.Tests.Supervision.SupervisionFixture;

namespace EvalSystem.Domain.Tests.Supervision;

public class SupervisionExtensionTests
{
    private const string Reason = "需要与税务部门协调系统对接。";

    private static SupervisionTask InProgressDue(DateOnly deadline)
    {
        var task = Issue(deadline);
        task.Accept(Clerk, Dept, Now);
        task.ReportProgress(Clerk, Dept, "已启动整改。", null, Now);
        return task;
    }

    [Fact]
    public void Approve_MakesTheRequestedDeadlineTheOneInForce()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));

        var extension = task.RequestExtension(Clerk, Dept, Reason, new DateOnly(2026, 4, 10), SupervisionPolicy.Default, Now);
        Assert.Same(extension, task.PendingExtension);
        Assert.Equal(new DateOnly(2026, 3, 20), task.Deadline); // nothing changes until the office decides

        task.ApproveExtension(Office, null, At(Today.AddDays(1)));

        Assert.Equal((new DateOnly(2026, 4, 10), new DateOnly(2026, 3, 20)), (task.Deadline, task.OriginalDeadline));
        Assert.Equal((ExtensionStatus.Approved, Office.UserName), (extension.Status, extension.DecidedByName));
        Assert.Equal((new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 10), Reason), (extension.PreviousDeadline, extension.RequestedDeadline, extension.Reason));
        Assert.Null(task.PendingExtension);
        Assert.Equal([SupervisionAction.ExtensionRequested, SupervisionAction.ExtensionApproved], task.History.TakeLast(2).Select(e => e.Action));
        Assert.Contains("2026-04-10", task.History[^1].Text);
    }

    [Fact]
    public void Reject_KeepsTheDeadlineAndTheReason()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        var extension = task.RequestExtension(Clerk, Dept, Reason, new DateOnly(2026, 4, 10), SupervisionPolicy.Default, Now);

        task.RejectExtension(Office, "理由不充分，请按期完成。", Now);

        Assert.Equal(new DateOnly(2026, 3, 20), task.Deadline);
        Assert.Equal((ExtensionStatus.Rejected, "理由不充分，请按期完成。"), (extension.Status, extension.DecisionComment));
        Assert.Equal(SupervisionAction.ExtensionRejected, task.History[^1].Action);
    }

    [Fact]
    public void Reject_WithoutReason_IsRefused()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        task.RequestExtension(Clerk, Dept, Reason, new DateOnly(2026, 4, 10), SupervisionPolicy.Default, Now);
        Assert.Throws<DomainException>(() => task.RejectExtension(Office, " ", Now));
        Assert.NotNull(task.PendingExtension);
    }

    [Fact]
    public void Request_WhileAnotherIsPending_IsRefused()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        task.RequestExtension(Clerk, Dept, Reason, new DateOnly(2026, 4, 10), SupervisionPolicy.Default, Now);

        var ex = Assert.Throws<DomainException>(() => task.RequestExtension(Clerk, Dept, "再延一周。", new DateOnly(2026, 4, 1), SupervisionPolicy.Default, Now));

        Assert.Contains("待审批", ex.Message);
        Assert.Single(task.Extensions);
    }

    [Fact]
    public void Request_AfterTheLastWasDecided_IsAllowed()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        task.RequestExtension(Clerk, Dept, Reason, new DateOnly(2026, 4, 10), SupervisionPolicy.Default, Now);
        task.RejectExtension(Office, "理由不充分。", Now);

        task.RequestExtension(Clerk, Dept, "系统对接需要供应商配合，附函件。", new DateOnly(2026, 3, 31), SupervisionPolicy.Default, Now);

        Assert.Equal(2, task.Extensions.Count);
        Assert.Equal(new DateOnly(2026, 3, 31), task.PendingExtension!.RequestedDeadline);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void Request_LongerThanTheMaximum_IsRefused(int days, bool allowed)
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        var request = () => task.RequestExtension(Clerk, Dept, Reason, task.Deadline.AddDays(days), SupervisionPolicy.Default, Now);

        if (allowed)
        {
            request();
            Assert.NotNull(task.PendingExtension);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(request);
            Assert.Contains("30天", ex.Message);
            Assert.Contains("31天", ex.Message);
        }
    }

    [Fact]
    public void Request_TheMaximumComesFromThePolicy()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        Assert.Throws<DomainException>(() => task.RequestExtension(Clerk, Dept, Reason, task.Deadline.AddDays(11), new SupervisionPolicy(maxExtensionDays: 10), Now));
        task.RequestExtension(Clerk, Dept, Reason, task.Deadline.AddDays(10), new SupervisionPolicy(maxExtensionDays: 10), Now);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Request_NotLaterThanTheDeadlineInForce_IsRefused(int days)
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        var ex = Assert.Throws<DomainException>(() => task.RequestExtension(Clerk, Dept, Reason, task.Deadline.AddDays(days), SupervisionPolicy.Default, Now));
        Assert.Contains("晚于", ex.Message);
    }

    [Fact]
    public void Request_ANewDeadlineThatHasAlreadyPassed_IsRefused()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 5));
        var lateNow = At(new DateOnly(2026, 3, 20));
        var ex = Assert.Throws<DomainException>(() => task.RequestExtension(Clerk, Dept, Reason, new DateOnly(2026, 3, 15), SupervisionPolicy.Default, lateNow));
        Assert.Contains("已经过去", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Request_WithoutReason_IsRefused(string? reason)
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        var ex = Assert.Throws<DomainException>(() => task.RequestExtension(Clerk, Dept, reason!, task.Deadline.AddDays(5), SupervisionPolicy.Default, Now));
        Assert.Contains("原因", ex.Message);
    }

    [Fact]
    public void Decide_WithoutAPendingRequest_IsRefused()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        Assert.Throws<DomainException>(() => task.ApproveExtension(Office, null, Now));
        Assert.Throws<DomainException>(() => task.RejectExtension(Office, "不同意。", Now));
    }

    [Fact]
    public void Close_WithAPendingRequest_IsRefusedUntilItIsDecided()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        task.RequestExtension(Clerk, Dept, Reason, new DateOnly(2026, 4, 10), SupervisionPolicy.Default, Now);
        task.SubmitForVerification(Clerk, Dept, null, Now);

        var ex = Assert.Throws<DomainException>(() => task.Close(Office, null, Now));
        Assert.Contains("延期申请", ex.Message);

        task.ApproveExtension(Office, null, Now);
        task.Close(Office, null, Now);
        Assert.Equal(SupervisionStatus.Closed, task.Status);
    }

    [Fact]
    public void ClosedAfterTheOriginalDeadline_ButWithinAnApprovedExtension_IsOnTime()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        task.RequestExtension(Clerk, Dept, Reason, new DateOnly(2026, 4, 10), SupervisionPolicy.Default, Now);
        task.ApproveExtension(Office, null, Now);

        CloseOn(task, new DateOnly(2026, 4, 1));

        Assert.True(task.ClosedOnTime);
    }

    [Fact]
    public void ClosedAfterTheOriginalDeadline_WithARejectedExtension_IsLate()
    {
        var task = InProgressDue(new DateOnly(2026, 3, 20));
        task.RequestExtension(Clerk, Dept, Reason, new DateOnly(2026, 4, 10), SupervisionPolicy.Default, Now);
        task.RejectExtension(Office, "不同意。", Now);

        CloseOn(task, new DateOnly(2026, 4, 1));

        Assert.False(task.ClosedOnTime);
    }
}
