using EvalSystem.Domain.Common;
using EvalSystem.Domain.Reports;

namespace EvalSystem.Domain.Tests.Model;

/// <summary>报表任务: the state only moves forward — 排队中 → 生成中 → 已完成 / 失败, and 已完成 → 已清理 after the retention period.</summary>
public class ReportJobTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly string Hash = new('a', 64);

    private static ReportJob Job() => new("ranking-bulletin", "排名通报", "{}", "2026年第二季度", new UserRef("u1", "auditor"), null, Now);

    private static ReportJob Completed()
    {
        var job = Job();
        job.Start(Now);
        job.Complete("排名通报.xlsx", 1234, Hash.ToUpperInvariant(), Now.AddMinutes(1));
        return job;
    }

    [Fact]
    public void Complete_KeepsSizeAndLowerCaseHash()
    {
        var job = Completed();
        Assert.Equal((ReportJobStatus.Completed, 100, 1234L, Hash), (job.Status, job.Progress, job.SizeBytes, job.Sha256));
        Assert.True(job.IsFinished);
    }

    [Fact]
    public void Expire_ACompletedJob_KeepsItsRecordAndSaysWhy()
    {
        var job = Completed();
        job.Expire(Now.AddDays(91));

        Assert.Equal(ReportJobStatus.Expired, job.Status);
        Assert.Equal(Now.AddDays(91), job.ExpiredAtUtc);
        Assert.Equal((1234L, Hash, "排名通报.xlsx"), (job.SizeBytes, job.Sha256, job.FileName));
        Assert.Contains("超过保留期限", job.Message);
        Assert.True(job.IsFinished);
    }

    [Fact]
    public void Expire_AJobThatIsNotCompleted_IsRefused()
    {
        var queued = Job();
        Assert.Throws<DomainException>(() => queued.Expire(Now));
        var failed = Job();
        failed.Fail("生成失败。", Now);
        Assert.Throws<DomainException>(() => failed.Expire(Now));
        var expired = Completed();
        expired.Expire(Now);
        Assert.Throws<DomainException>(() => expired.Expire(Now));
    }

    [Fact]
    public void Fail_AFinishedJob_IsRefused()
    {
        var expired = Completed();
        expired.Expire(Now);
        Assert.Throws<DomainException>(() => expired.Fail("x", Now));
        Assert.Throws<DomainException>(() => Completed().Fail("x", Now));
    }

    [Fact]
    public void Complete_WithABadHash_IsRefused()
    {
        var job = Job();
        job.Start(Now);
        Assert.Throws<DomainException>(() => job.Complete("a.xlsx", 1, "abc", Now));
        Assert.Equal(ReportJobStatus.Running, job.Status);
    }
}
