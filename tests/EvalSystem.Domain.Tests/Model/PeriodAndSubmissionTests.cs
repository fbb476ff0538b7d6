using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Submissions;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Model;

public class EvaluationPeriodTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    internal static IndicatorSystem PublishedSystem()
    {
        var system = new IndicatorSystem("测试体系", TargetKind.Region, Now);
        var kb = system.AddGroup("KB", "开办企业", null, 100);
        system.AddIndicator(kb, "KB-2", "开办企业时间", null, 100,
            new IndicatorDefinition("工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.CaseData, null));
        system.Publish(Now);
        return system;
    }

    private static EvaluationPeriod Period() =>
        new("2026年第四季度", PublishedSystem(), new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public void Create_WithDraftSystem_IsRefused()
    {
        var draft = new IndicatorSystem("草稿体系", TargetKind.Region, Now);
        var ex = Assert.Throws<DomainException>(() => new EvaluationPeriod("2026年第四季度", draft, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)));
        Assert.Contains("已发布", ex.Message);
    }

    [Fact]
    public void Create_EndBeforeStart_IsRefused() =>
        Assert.Throws<DomainException>(() => new EvaluationPeriod("错误周期", PublishedSystem(), new DateOnly(2026, 12, 31), new DateOnly(2026, 10, 1)));

    [Fact]
    public void Lifecycle_FullPath_ReachesArchived()
    {
        var period = Period();
        period.OpenCollection(Now.AddDays(30), Now);
        Assert.True(period.AcceptsSubmissions(Now.AddDays(1)));
        Assert.False(period.AcceptsSubmissions(Now.AddDays(31)));
        period.CloseCollection();
        period.MarkScored();
        period.Publish();
        period.Archive();
        Assert.Equal(PeriodStatus.Archived, period.Status);
    }

    [Fact]
    public void OpenCollection_DeadlineInThePast_IsRefused() =>
        Assert.Throws<DomainException>(() => Period().OpenCollection(Now.AddDays(-1), Now));

    [Fact]
    public void Publish_BeforeScoring_IsRefusedWithBothStates()
    {
        var period = Period();
        period.OpenCollection(Now.AddDays(30), Now);
        var ex = Assert.Throws<DomainException>(() => period.Publish());
        Assert.Contains("已计算", ex.Message);
        Assert.Contains("填报中", ex.Message);
    }

    [Fact]
    public void Reopen_RequiresAReasonAndReturnsToReview()
    {
        var period = Period();
        period.OpenCollection(Now.AddDays(30), Now);
        period.CloseCollection();
        period.MarkScored();
        period.Publish();

        Assert.Throws<DomainException>(() => period.Reopen("  "));
        Assert.Equal(PeriodStatus.Published, period.Status);

        period.Reopen("石桥县开办企业时间数据有误，需要更正。");
        Assert.Equal((PeriodStatus.Reviewing, "石桥县开办企业时间数据有误，需要更正。"), (period.Status, period.ReopenReason));
    }
}

public class SubmissionTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly UserRef Dept = new("u1", "dept-amr");
    private static readonly UserRef Office = new("u2", "office");

    private static Submission NewSubmission() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Dept, Now);

    [Fact]
    public void Submit_WithoutValue_IsRefused()
    {
        var submission = NewSubmission();
        var ex = Assert.Throws<DomainException>(() => submission.Submit(Dept, Now));
        Assert.Contains("数值", ex.Message);
        Assert.Equal(SubmissionStatus.Draft, submission.Status);
    }

    [Fact]
    public void ReturnThenResubmit_KeepsEveryVersionInTheHistory()
    {
        var submission = NewSubmission();
        submission.Edit(3.5, "首次填报", Dept, Now);
        submission.Submit(Dept, Now);
        submission.Return(Office, "佐证材料缺少盖章页。", Now.AddHours(1));
        submission.Edit(3.2, "已补充盖章页", Dept, Now.AddHours(2));
        submission.Submit(Dept, Now.AddHours(2));
        submission.Approve(Office, Now.AddHours(3));

        Assert.Equal((SubmissionStatus.Approved, 2, 3.2), (submission.Status, submission.Version, submission.Value));
        var submitted = submission.History.Where(e => e.Action == SubmissionAction.Submitted).ToList();
        Assert.Equal([3.5, 3.2], submitted.Select(e => e.Value!.Value));
        Assert.Equal([1, 2], submitted.Select(e => e.Version));
        Assert.Equal("佐证材料缺少盖章页。", submission.History.Single(e => e.Action == SubmissionAction.Returned).Text);
    }

    [Fact]
    public void Return_WithoutComment_IsRefused()
    {
        var submission = NewSubmission();
        submission.Edit(3.5, null, Dept, Now);
        submission.Submit(Dept, Now);
        var ex = Assert.Throws<DomainException>(() => submission.Return(Office, " ", Now));
        Assert.Contains("意见", ex.Message);
        Assert.Equal(SubmissionStatus.Submitted, submission.Status);
    }

    [Fact]
    public void Edit_AfterApproval_IsRefused()
    {
        var submission = NewSubmission();
        submission.Edit(3.5, null, Dept, Now);
        submission.Submit(Dept, Now);
        submission.Approve(Office, Now);
        Assert.Throws<DomainException>(() => submission.Edit(1, null, Dept, Now));
        Assert.Equal(3.5, submission.Value);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Edit_NonFiniteValue_IsRefused(double value) =>
        Assert.Throws<DomainException>(() => NewSubmission().Edit(value, null, Dept, Now));

    [Fact]
    public void Approve_ADraft_IsRefused() =>
        Assert.Throws<DomainException>(() => NewSubmission().Approve(Office, Now));
}

public class EvidenceTests
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static readonly UserRef Dept = new("u1", "dept-amr");

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b.pdf")]
    [InlineData("a\\b.pdf")]
    [InlineData("bad\u0007name.pdf")]
    public void Create_FileNameWithPathOrControlCharacters_IsRefused(string name) =>
        Assert.Throws<DomainException>(() => new Evidence(Guid.NewGuid(), 1, name, "stored", "application/pdf", 10, Sha, Dept, DateTime.UtcNow));

    [Fact]
    public void Create_ContentTypeNotAllowed_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => new Evidence(Guid.NewGuid(), 1, "a.exe", "stored", "application/x-msdownload", 10, Sha, Dept, DateTime.UtcNow));
        Assert.Contains("PDF", ex.Message);
    }

    [Fact]
    public void Create_EmptyFile_IsRefused() =>
        Assert.Throws<DomainException>(() => new Evidence(Guid.NewGuid(), 1, "a.pdf", "stored", "application/pdf", 0, Sha, Dept, DateTime.UtcNow));

    [Fact]
    public void Create_ValidPdf_KeepsTheOriginalNameAsDisplayText()
    {
        var evidence = new Evidence(Guid.NewGuid(), 1, "营业执照.pdf", "7f3a.bin", "application/pdf", 1024, Sha, Dept, DateTime.UtcNow);
        Assert.Equal(("营业执照.pdf", "7f3a.bin"), (evidence.DisplayName, evidence.StoredName));
    }
}

public class IndicatorValueTests
{
    [Fact]
    public void FromSubmission_WithoutSubmissionId_IsRefused() =>
        Assert.Throws<DomainException>(() => new IndicatorValue(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 3, ValueOrigin.ApprovedSubmission, DateTime.UtcNow));

    [Fact]
    public void AuditEntry_HasNoPublicSetters() =>
        Assert.All(typeof(AuditEntry).GetProperties(), p => Assert.False(p.SetMethod?.IsPublic ?? false, p.Name));
}
