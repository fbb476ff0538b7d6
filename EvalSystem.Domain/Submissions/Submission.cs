using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Submissions;

/// <summary>
/// 填报: one department's value for one indicator, target and period.
/// Draft → submitted → approved, or returned (with a comment) → resubmitted.
/// Every submitted version and every decision is kept in <see cref="History"/>; nothing is overwritten.
/// </summary>
public sealed class Submission
{
    private readonly List<SubmissionEvent> _history = [];

    private Submission() { }

    public Submission(Guid periodId, Guid indicatorNodeId, Guid targetId, Guid departmentId, UserRef by, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        PeriodId = periodId;
        IndicatorNodeId = indicatorNodeId;
        TargetId = targetId;
        DepartmentId = departmentId;
        Status = SubmissionStatus.Draft;
        UpdatedAtUtc = nowUtc;
        _history.Add(new SubmissionEvent(Id, 0, SubmissionAction.Created, null, null, by, nowUtc));
    }

    public Guid Id { get; private set; }
    public Guid PeriodId { get; private set; }
    public Guid IndicatorNodeId { get; private set; }
    public Guid TargetId { get; private set; }
    /// <summary>The department that submits (and owns) this value.</summary>
    public Guid DepartmentId { get; private set; }
    public SubmissionStatus Status { get; private set; }
    public double? Value { get; private set; }
    public string? Note { get; private set; }
    /// <summary>Number of times the value has been submitted; 0 while a first draft.</summary>
    public int Version { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public IReadOnlyList<SubmissionEvent> History => _history;

    public static string Label(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Draft => "草稿",
        SubmissionStatus.Submitted => "已提交",
        SubmissionStatus.Approved => "已通过",
        SubmissionStatus.Returned => "已退回",
        _ => status.ToString(),
    };

    public void Edit(double value, string? note, UserRef by, DateTime nowUtc)
    {
        if (Status is not (SubmissionStatus.Draft or SubmissionStatus.Returned))
            throw new DomainException($"只能修改草稿或已退回的填报，当前为{Label(Status)}。");
        Value = Guard.Finite(value, "填报值");
        Note = Guard.Optional(note, "填报说明", 2000);
        UpdatedAtUtc = nowUtc;
        _history.Add(new SubmissionEvent(Id, Version, SubmissionAction.Saved, Value, Note, by, nowUtc));
    }

    public void Submit(UserRef by, DateTime nowUtc)
    {
        if (Status is not (SubmissionStatus.Draft or SubmissionStatus.Returned))
            throw new DomainException($"只能提交草稿或已退回的填报，当前为{Label(Status)}。");
        if (Value is null)
            throw new DomainException("请先填写数值再提交。");
        Version++;
        Status = SubmissionStatus.Submitted;
        UpdatedAtUtc = nowUtc;
        _history.Add(new SubmissionEvent(Id, Version, SubmissionAction.Submitted, Value, Note, by, nowUtc));
    }

    public void Approve(UserRef reviewer, DateTime nowUtc)
    {
        if (Status != SubmissionStatus.Submitted)
            throw new DomainException($"只能审核通过已提交的填报，当前为{Label(Status)}。");
        Status = SubmissionStatus.Approved;
        UpdatedAtUtc = nowUtc;
        _history.Add(new SubmissionEvent(Id, Version, SubmissionAction.Approved, Value, null, reviewer, nowUtc));
    }

    public void Return(UserRef reviewer, string comment, DateTime nowUtc)
    {
        if (Status != SubmissionStatus.Submitted)
            throw new DomainException($"只能退回已提交的填报，当前为{Label(Status)}。");
        var text = Guard.Optional(comment, "退回意见", 2000)
            ?? throw new DomainException("退回必须填写意见，告诉填报单位需要修改什么。");
        Status = SubmissionStatus.Returned;
        UpdatedAtUtc = nowUtc;
        _history.Add(new SubmissionEvent(Id, Version, SubmissionAction.Returned, Value, text, reviewer, nowUtc));
    }
}

public enum SubmissionStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Returned = 4,
}

public enum SubmissionAction
{
    Created = 1,
    Saved = 2,
    Submitted = 3,
    Approved = 4,
    Returned = 5,
}

/// <summary>One step in a submission's history, with the value as it was at that step.</summary>
public sealed class SubmissionEvent
{
    private SubmissionEvent() { UserId = UserName = string.Empty; }

    internal SubmissionEvent(Guid submissionId, int version, SubmissionAction action, double? value, string? text, UserRef by, DateTime atUtc)
    {
        Id = Guid.CreateVersion7();
        SubmissionId = submissionId;
        Version = version;
        Action = action;
        Value = value;
        Text = text;
        UserId = by.UserId;
        UserName = by.UserName;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }
    public Guid SubmissionId { get; private set; }
    public int Version { get; private set; }
    public SubmissionAction Action { get; private set; }
    public double? Value { get; private set; }
    /// <summary>The note when saved or submitted, the reviewer's comment when returned.</summary>
    public string? Text { get; private set; }
    public string UserId { get; private set; }
    public string UserName { get; private set; }
    public DateTime AtUtc { get; private set; }
}
