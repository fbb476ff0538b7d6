using EvalSystem.Domain.Common;
using EvalSystem.Domain.Supervision;
using static EvalSystem.Domain.Tests.Supervision.SupervisionFixture;

namespace EvalSystem.Domain.Tests.Supervision;

public class SupervisionTaskLifecycleTests
{
    private static readonly Dictionary<string, Action<SupervisionTask, Guid>> Actions = new()
    {
        ["Accept"] = (t, dept) => t.Accept(Clerk, dept, Now),
        ["ReportProgress"] = (t, dept) => t.ReportProgress(Clerk, dept, "已完成窗口整合。", null, Now),
        ["SubmitForVerification"] = (t, dept) => t.SubmitForVerification(Clerk, dept, "整改完成，请核验。", Now),
        ["RequestExtension"] = (t, dept) => t.RequestExtension(Clerk, dept, "需要与税务部门协调系统对接。", t.Deadline.AddDays(10), SupervisionPolicy.Default, Now),
        ["Close"] = (t, _) => t.Close(Office, "核验通过。", Now),
        ["SendBack"] = (t, _) => t.SendBack(Office, "佐证材料缺少盖章页。", Now),
    };

    private static readonly (SupervisionStatus From, string Action, SupervisionStatus To)[] Allowed =
    [
        (SupervisionStatus.Issued, "Accept", SupervisionStatus.Accepted),
        (SupervisionStatus.Accepted, "ReportProgress", SupervisionStatus.InProgress),
        (SupervisionStatus.InProgress, "ReportProgress", SupervisionStatus.InProgress),
        (SupervisionStatus.SentBack, "ReportProgress", SupervisionStatus.InProgress),
        (SupervisionStatus.InProgress, "SubmitForVerification", SupervisionStatus.SubmittedForVerification),
        (SupervisionStatus.SubmittedForVerification, "Close", SupervisionStatus.Closed),
        (SupervisionStatus.SubmittedForVerification, "SendBack", SupervisionStatus.SentBack),
        (SupervisionStatus.Accepted, "RequestExtension", SupervisionStatus.Accepted),
        (SupervisionStatus.InProgress, "RequestExtension", SupervisionStatus.InProgress),
        (SupervisionStatus.SentBack, "RequestExtension", SupervisionStatus.SentBack),
    ];

    private static readonly string[] DepartmentActions = ["Accept", "ReportProgress", "SubmitForVerification", "RequestExtension"];

    public static TheoryData<SupervisionStatus, string, SupervisionStatus> AllowedTransitions()
    {
        var data = new TheoryData<SupervisionStatus, string, SupervisionStatus>();
        foreach (var (from, action, to) in Allowed)
            data.Add(from, action, to);
        return data;
    }

    /// <summary>Every status × action pair that is not in <see cref="Allowed"/>.</summary>
    public static TheoryData<SupervisionStatus, string> RefusedTransitions()
    {
        var data = new TheoryData<SupervisionStatus, string>();
        foreach (var from in Enum.GetValues<SupervisionStatus>())
        {
            foreach (var action in Actions.Keys)
            {
                if (!Allowed.Any(a => a.From == from && a.Action == action))
                    data.Add(from, action);
            }
        }

        return data;
    }

    public static TheoryData<SupervisionStatus, string> DepartmentActionsWhereAllowed()
    {
        var data = new TheoryData<SupervisionStatus, string>();
        foreach (var (from, action, _) in Allowed.Where(a => DepartmentActions.Contains(a.Action)))
            data.Add(from, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void AllowedTransition_MovesToTheNextStatusAndAppendsOneEvent(SupervisionStatus from, string action, SupervisionStatus to)
    {
        var task = InState(from);
        var events = task.History.Count;

        Actions[action](task, Dept);

        Assert.Equal(to, task.Status);
        Assert.Equal(events + 1, task.History.Count);
    }

    [Fact]
    public void RefusedTransitions_CoverEveryOtherPair() =>
        Assert.Equal((Enum.GetValues<SupervisionStatus>().Length * Actions.Count) - Allowed.Length, RefusedTransitions().Count());

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void RefusedTransition_ThrowsNamingTheCurrentStatusAndChangesNothing(SupervisionStatus from, string action)
    {
        var task = InState(from);
        var events = task.History.Count;

        var ex = Assert.Throws<DomainException>(() => Actions[action](task, Dept));

        Assert.Contains(SupervisionTask.Label(from), ex.Message);
        Assert.Contains(task.Number.ToString(), ex.Message);
        Assert.Equal((from, events), (task.Status, task.History.Count));
    }

    [Theory]
    [MemberData(nameof(DepartmentActionsWhereAllowed))]
    public void DepartmentAction_ByAnotherDepartment_IsRefused(SupervisionStatus from, string action)
    {
        var task = InState(from);
        var events = task.History.Count;

        var ex = Assert.Throws<DomainException>(() => Actions[action](task, OtherDept));

        Assert.Contains("主责单位", ex.Message);
        Assert.Equal((from, events), (task.Status, task.History.Count));
    }

    [Fact]
    public void DepartmentAction_BySupportingDepartment_IsRefused()
    {
        var task = new SupervisionTask(Number, Draft() with { SupportingDepartmentIds = [OtherDept] }, Office, Now);
        Assert.Throws<DomainException>(() => task.Accept(Clerk, OtherDept, Now));
    }

    [Fact]
    public void Close_WithoutVerification_IsRefused()
    {
        var task = InState(SupervisionStatus.InProgress);
        var ex = Assert.Throws<DomainException>(() => task.Close(Office, null, Now));
        Assert.Contains("待核验", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void SendBack_WithoutComment_IsRefused(string? comment)
    {
        var task = InState(SupervisionStatus.SubmittedForVerification);
        var ex = Assert.Throws<DomainException>(() => task.SendBack(Office, comment!, Now));
        Assert.Contains("意见", ex.Message);
        Assert.Equal(SupervisionStatus.SubmittedForVerification, task.Status);
    }

    [Fact]
    public void SentBack_NeedsANewProgressReportBeforeTheNextSubmission()
    {
        var task = InState(SupervisionStatus.SentBack);
        Assert.Throws<DomainException>(() => task.SubmitForVerification(Clerk, Dept, null, Now));

        task.ReportProgress(Clerk, Dept, "已补充盖章页。", null, Now);
        task.SubmitForVerification(Clerk, Dept, null, Now);

        Assert.Equal(SupervisionStatus.SubmittedForVerification, task.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void ReportProgress_WithNeitherTextNorEvidence_IsRefused(string? text)
    {
        var task = InState(SupervisionStatus.Accepted);
        var ex = Assert.Throws<DomainException>(() => task.ReportProgress(Clerk, Dept, text, [], Now));
        Assert.Contains("佐证材料", ex.Message);
        Assert.Equal((SupervisionStatus.Accepted, 0), (task.Status, task.ProgressReports.Count));
    }

    [Fact]
    public void ReportProgress_WithEvidenceOnly_IsKeptAndCountedInTheHistory()
    {
        var task = InState(SupervisionStatus.Accepted);
        var file1 = Guid.CreateVersion7();
        var file2 = Guid.CreateVersion7();

        var report = task.ReportProgress(Clerk, Dept, null, [file1, file2, file1], Now);

        Assert.Equal([file1, file2], report.EvidenceFileIds);
        Assert.Null(report.Text);
        Assert.Same(report, Assert.Single(task.ProgressReports));
        Assert.Equal("上传佐证材料2个。", task.History[^1].Text);
    }

    [Fact]
    public void ReportProgress_WithTextOnly_IsKept()
    {
        var task = InState(SupervisionStatus.Accepted);
        var report = task.ReportProgress(Clerk, Dept, "  已完成窗口整合。 ", null, Now);
        Assert.Equal(("已完成窗口整合。", 0), (report.Text, report.EvidenceFileIds.Count));
        Assert.Equal((Clerk.UserId, Clerk.UserName), (report.ReportedByUserId, report.ReportedByName));
    }

    [Fact]
    public void ReportProgress_WithAnEmptyEvidenceId_IsRefused() =>
        Assert.Throws<DomainException>(() => InState(SupervisionStatus.Accepted).ReportProgress(Clerk, Dept, "见附件", [Guid.Empty], Now));

    [Fact]
    public void FullPath_RecordsEveryStepWithWhoWhenAndComment()
    {
        var task = Issue();
        task.Accept(Clerk, Dept, At(Today.AddDays(1)));
        task.ReportProgress(Clerk, Dept, "已压减2个环节。", null, At(Today.AddDays(3)));
        task.SubmitForVerification(Clerk, Dept, "整改完成。", At(Today.AddDays(5)));
        task.SendBack(Office, "缺少办件数据截图。", At(Today.AddDays(6)));
        task.ReportProgress(Clerk, Dept, "已补充截图。", null, At(Today.AddDays(7)));
        task.SubmitForVerification(Clerk, Dept, null, At(Today.AddDays(7), 15));
        task.Close(Office, "核验通过，同意销号。", At(Today.AddDays(8)));

        Assert.Equal(
            [
                SupervisionAction.Issued, SupervisionAction.Accepted, SupervisionAction.ProgressReported,
                SupervisionAction.SubmittedForVerification, SupervisionAction.SentBack, SupervisionAction.ProgressReported,
                SupervisionAction.SubmittedForVerification, SupervisionAction.Closed,
            ],
            task.History.Select(e => e.Action));
        Assert.Equal(
            [Office.UserName, Clerk.UserName, Clerk.UserName, Clerk.UserName, Office.UserName, Clerk.UserName, Clerk.UserName, Office.UserName],
            task.History.Select(e => e.UserName));
        Assert.Equal([null, null, "已压减2个环节。", "整改完成。", "缺少办件数据截图。", "已补充截图。", null, "核验通过，同意销号。"], task.History.Select(e => e.Text));
        Assert.All(task.History, e => Assert.Equal(task.Id, e.TaskId));
        Assert.Equal(new DateTime(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc), task.History[^1].AtUtc);
        Assert.Equal((new DateOnly(2026, 3, 10), task.History[^1].AtUtc), (task.ClosedOn!.Value, task.ClosedAtUtc!.Value));
        Assert.Equal(2, task.ProgressReports.Count);
    }
}
