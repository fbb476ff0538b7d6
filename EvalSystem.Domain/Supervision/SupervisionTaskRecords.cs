using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Supervision;

/// <summary>One step in a task's history: what happened, who did it, when, and what they wrote.</summary>
public sealed class SupervisionEvent
{
    private SupervisionEvent() { UserId = UserName = string.Empty; }

    internal SupervisionEvent(Guid taskId, SupervisionAction action, string? text, UserRef by, DateTime atUtc)
    {
        Id = Guid.CreateVersion7();
        TaskId = taskId;
        Action = action;
        Text = text;
        UserId = by.UserId;
        UserName = by.UserName;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public SupervisionAction Action { get; private set; }
    /// <summary>The comment, reason or progress text of the step, if any.</summary>
    public string? Text { get; private set; }
    public string UserId { get; private set; }
    public string UserName { get; private set; }
    public DateTime AtUtc { get; private set; }
}

/// <summary>整改进展: one progress report of the responsible department, with text and/or evidence files.</summary>
public sealed class SupervisionProgressReport
{
    private readonly List<Guid> _evidenceFileIds = [];

    private SupervisionProgressReport() { ReportedByUserId = ReportedByName = string.Empty; }

    internal SupervisionProgressReport(Guid taskId, string? text, IEnumerable<Guid> evidenceFileIds, UserRef by, DateTime atUtc)
    {
        Id = Guid.CreateVersion7();
        TaskId = taskId;
        Text = text;
        _evidenceFileIds.AddRange(evidenceFileIds);
        ReportedByUserId = by.UserId;
        ReportedByName = by.UserName;
        ReportedAtUtc = atUtc;
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public string? Text { get; private set; }
    /// <summary>佐证材料: ids of files in the evidence store.</summary>
    public IReadOnlyList<Guid> EvidenceFileIds => _evidenceFileIds;
    public string ReportedByUserId { get; private set; }
    public string ReportedByName { get; private set; }
    public DateTime ReportedAtUtc { get; private set; }
}

/// <summary>延期申请: the department asks for a later deadline; the office approves or rejects it.</summary>
public sealed class SupervisionExtension
{
    private SupervisionExtension() { Reason = RequestedByUserId = RequestedByName = string.Empty; }

    internal SupervisionExtension(Guid taskId, string reason, DateOnly previousDeadline, DateOnly requestedDeadline, UserRef by, DateTime atUtc)
    {
        Id = Guid.CreateVersion7();
        TaskId = taskId;
        Reason = reason;
        PreviousDeadline = previousDeadline;
        RequestedDeadline = requestedDeadline;
        Status = ExtensionStatus.Pending;
        RequestedByUserId = by.UserId;
        RequestedByName = by.UserName;
        RequestedAtUtc = atUtc;
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public string Reason { get; private set; }
    /// <summary>The deadline in force when the extension was requested.</summary>
    public DateOnly PreviousDeadline { get; private set; }
    public DateOnly RequestedDeadline { get; private set; }
    public ExtensionStatus Status { get; private set; }
    public string RequestedByUserId { get; private set; }
    public string RequestedByName { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecisionComment { get; private set; }

    internal void Decide(ExtensionStatus decision, string? comment, UserRef by, DateTime atUtc)
    {
        Status = decision;
        DecisionComment = comment;
        DecidedByUserId = by.UserId;
        DecidedByName = by.UserName;
        DecidedAtUtc = atUtc;
    }
}

public enum ExtensionStatus
{
    /// <summary>待审批</summary>
    Pending = 1,
    /// <summary>已同意</summary>
    Approved = 2,
    /// <summary>已驳回</summary>
    Rejected = 3,
}
