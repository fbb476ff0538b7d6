using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;

namespace EvalSystem.Domain.Periods;

/// <summary>
/// 评价周期: a time window in which targets of one kind are evaluated under one published
/// version of an indicator system. Draft → collecting → reviewing → scored → published → archived.
/// </summary>
public sealed class EvaluationPeriod
{
    private EvaluationPeriod() { Name = string.Empty; }

    public EvaluationPeriod(string name, IndicatorSystem system, DateOnly startDate, DateOnly endDate)
    {
        if (system.Status != SystemStatus.Published)
            throw new DomainException($"评价周期只能使用已发布的指标体系，「{system.DisplayName}」还是草稿。");
        if (endDate < startDate)
            throw new DomainException($"评价周期的结束日期({endDate:yyyy-MM-dd})不能早于开始日期({startDate:yyyy-MM-dd})。");
        Id = Guid.CreateVersion7();
        Name = Guard.Required(name, "周期名称", 50);
        TargetKind = system.TargetKind;
        IndicatorSystemId = system.Id;
        StartDate = startDate;
        EndDate = endDate;
        Status = PeriodStatus.Draft;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public TargetKind TargetKind { get; private set; }
    /// <summary>The published system version this period is pinned to.</summary>
    public Guid IndicatorSystemId { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    /// <summary>填报截止时间 (UTC).</summary>
    public DateTime? SubmissionDeadlineUtc { get; private set; }
    public PeriodStatus Status { get; private set; }
    /// <summary>The reason given the last time a published period was reopened.</summary>
    public string? ReopenReason { get; private set; }
    /// <summary>Why the period was published although submissions were still waiting for review.</summary>
    public string? PublishOverrideReason { get; private set; }

    public static string Label(PeriodStatus status) => status switch
    {
        PeriodStatus.Draft => "草稿",
        PeriodStatus.Collecting => "填报中",
        PeriodStatus.Reviewing => "审核中",
        PeriodStatus.Scored => "已计算",
        PeriodStatus.Published => "已发布",
        PeriodStatus.Archived => "已归档",
        _ => status.ToString(),
    };

    public void OpenCollection(DateTime deadlineUtc, DateTime nowUtc)
    {
        Require(PeriodStatus.Draft, "开始填报");
        if (deadlineUtc <= nowUtc)
            throw new DomainException("填报截止时间必须晚于当前时间。");
        SubmissionDeadlineUtc = deadlineUtc;
        Status = PeriodStatus.Collecting;
    }

    public void CloseCollection()
    {
        Require(PeriodStatus.Collecting, "结束填报、进入审核");
        Status = PeriodStatus.Reviewing;
    }

    public void MarkScored()
    {
        if (Status is not (PeriodStatus.Reviewing or PeriodStatus.Scored))
            throw new DomainException($"只有审核中或已计算的周期才能计算得分，「{Name}」当前为{Label(Status)}。");
        Status = PeriodStatus.Scored;
    }

    /// <summary>
    /// Publishing while submissions still wait for review needs an explicit override with a written reason,
    /// which is kept with the period.
    /// </summary>
    public void Publish(int unreviewedSubmissions = 0, string? overrideReason = null)
    {
        Require(PeriodStatus.Scored, "发布");
        var reason = Guard.Optional(overrideReason, "强制发布的原因", 500);
        if (unreviewedSubmissions > 0 && reason is null)
            throw new DomainException($"「{Name}」还有{unreviewedSubmissions}条填报未审核。请先审核，或填写强制发布的原因。");
        PublishOverrideReason = unreviewedSubmissions > 0 ? reason : null;
        Status = PeriodStatus.Published;
    }

    /// <summary>Moves the submission deadline while the period is being prepared or collected.</summary>
    public void ChangeDeadline(DateTime deadlineUtc, DateTime nowUtc)
    {
        if (Status is not (PeriodStatus.Draft or PeriodStatus.Collecting))
            throw new DomainException($"只有草稿或填报中的周期才能调整截止时间，「{Name}」当前为{Label(Status)}。");
        if (deadlineUtc <= nowUtc)
            throw new DomainException("填报截止时间必须晚于当前时间。");
        SubmissionDeadlineUtc = deadlineUtc;
    }

    public void Archive()
    {
        Require(PeriodStatus.Published, "归档");
        Status = PeriodStatus.Archived;
    }

    /// <summary>Reopening a published period sends it back to review; the reason is mandatory and kept.</summary>
    public void Reopen(string reason)
    {
        Require(PeriodStatus.Published, "重新打开");
        ReopenReason = Guard.Required(reason, "重新打开的原因", 500);
        Status = PeriodStatus.Reviewing;
    }

    public bool AcceptsSubmissions(DateTime nowUtc) =>
        Status == PeriodStatus.Collecting && (SubmissionDeadlineUtc is null || nowUtc <= SubmissionDeadlineUtc);

    private void Require(PeriodStatus expected, string action)
    {
        if (Status != expected)
            throw new DomainException($"只有{Label(expected)}的周期才能{action}，「{Name}」当前为{Label(Status)}。");
    }
}

public enum PeriodStatus
{
    Draft = 1,
    Collecting = 2,
    Reviewing = 3,
    Scored = 4,
    Published = 5,
    Archived = 6,
}
