using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Measurements;

/// <summary>
/// 指标原始值: the raw value of one indicator for one target in one period — the input of scoring.
/// It records where it came from (an approved submission, case data, ratings, a formula).
/// </summary>
public sealed class IndicatorValue
{
    private IndicatorValue() { }

    public IndicatorValue(Guid periodId, Guid targetId, Guid indicatorNodeId, double value, ValueOrigin origin, DateTime nowUtc, Guid? submissionId = null)
    {
        if (origin == ValueOrigin.ApprovedSubmission && submissionId is null)
            throw new DomainException("来自填报的指标值必须关联已通过的填报。");
        Id = Guid.CreateVersion7();
        PeriodId = periodId;
        TargetId = targetId;
        IndicatorNodeId = indicatorNodeId;
        Value = Guard.Finite(value, "指标值");
        Origin = origin;
        SubmissionId = submissionId;
        RecordedAtUtc = nowUtc;
    }

    /// <summary>
    /// A newly approved submission replaces the value the period will be scored with. The submission keeps every
    /// version, the audit trail keeps the old value, and score runs keep their own copy of their inputs.
    /// </summary>
    public void ReplaceWithApproved(double value, Guid submissionId, DateTime nowUtc)
    {
        Value = Guard.Finite(value, "指标值");
        Origin = ValueOrigin.ApprovedSubmission;
        SubmissionId = submissionId;
        RecordedAtUtc = nowUtc;
    }

    /// <summary>A measure recomputed from case data, ratings or supervision tasks replaces the value computed before.</summary>
    public void ReplaceComputed(double value, ValueOrigin origin, DateTime nowUtc)
    {
        if (origin == ValueOrigin.ApprovedSubmission)
            throw new DomainException("填报值只能通过审核写入。");
        Value = Guard.Finite(value, "指标值");
        Origin = origin;
        SubmissionId = null;
        RecordedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid PeriodId { get; private set; }
    public Guid TargetId { get; private set; }
    public Guid IndicatorNodeId { get; private set; }
    public double Value { get; private set; }
    public ValueOrigin Origin { get; private set; }
    public Guid? SubmissionId { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
}

public enum ValueOrigin
{
    /// <summary>审核通过的部门填报</summary>
    ApprovedSubmission = 1,
    /// <summary>办件数据计算</summary>
    CaseData = 2,
    /// <summary>好差评计算</summary>
    Ratings = 3,
    /// <summary>公式计算</summary>
    Formula = 4,
    /// <summary>督查督办计算</summary>
    Supervision = 5,
}
