using EvalSystem.Domain.Supervision;

namespace EvalSystem.Web.Features.Supervision;

/// <summary>The "Supervision" configuration section: 督查督办规则 (docs/operations.md).</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>The longest one extension may push a deadline, in calendar days.</summary>
    public int MaxExtensionDays { get; set; } = 30;

    /// <summary>Days overdue at which escalation level 1, 2, 3 … begins.</summary>
    public int[] EscalationSteps { get; set; } = [1, 5, 10];

    /// <summary>How often the background check raises the escalation level of overdue tasks; 0 turns it off.</summary>
    public int EscalationCheckMinutes { get; set; } = 60;

    /// <summary>The deadline the create and generate dialogs propose, in calendar days from today.</summary>
    public int DefaultDeadlineDays { get; set; } = 15;

    public SupervisionPolicy ToPolicy() => new(MaxExtensionDays, EscalationSteps);
}

/// <summary>What the office types in to issue a task by hand (人工交办).</summary>
public sealed class SupervisionTaskForm
{
    public string Title { get; set; } = string.Empty;
    public string Problem { get; set; } = string.Empty;
    public Guid DepartmentId { get; set; }
    public string? RegionCode { get; set; }
    public IReadOnlyList<Guid> SupportingDepartmentIds { get; set; } = [];
    public DateOnly Deadline { get; set; }
    public SupervisionPriority Priority { get; set; } = SupervisionPriority.Normal;
}

/// <summary>
/// 从评分结果生成: which run, which indicator (null = every leaf indicator), whether to take targets beyond the warning value,
/// how many of the bottom of the ranking, and the department ranking tasks go to when the targets are regions.
/// </summary>
public sealed record GenerateRequest(Guid RunId, string? IndicatorCode, bool BelowWarning, int BottomN, Guid? RankingDepartmentId, DateOnly Deadline);

/// <summary>One proposed task in the preview, with the names the office needs to judge it.</summary>
public sealed record GeneratedDraft(SupervisionTaskDraft Draft, string DepartmentName, string SourceLabel);

/// <summary>Filters of the office list.</summary>
public sealed record SupervisionFilter(SupervisionStatus? Status = null, Guid? DepartmentId = null, bool OverdueOnly = false, SupervisionSource? Source = null,
    bool OpenOnly = false);

/// <summary>One line of a task list.</summary>
public sealed record SupervisionRow(
    Guid Id, string Number, string Title, SupervisionSource Source, SupervisionPriority Priority, Guid DepartmentId, string DepartmentName,
    string? RegionCode, DateOnly Deadline, DateOnly OriginalDeadline, SupervisionStatus Status, int EscalationLevel, int DaysOverdue,
    bool HasPendingExtension, DateOnly? ClosedOn, bool ClosedOnTime, DateTime CreatedAtUtc)
{
    public string StatusLabel => SupervisionTask.Label(Status);
    public string SourceLabel => SupervisionTask.Label(Source);
    public string PriorityLabel => SupervisionTask.Label(Priority);
    public bool IsOverdue => DaysOverdue > 0;
}

public sealed record AttachmentView(Guid Id, string DisplayName, string ContentType, long SizeBytes, string Sha256);

public sealed record ProgressView(Guid Id, string? Text, string ReportedBy, DateTime ReportedAtUtc, IReadOnlyList<AttachmentView> Files);

public sealed record HistoryView(SupervisionAction Action, string? Text, string UserName, DateTime AtUtc)
{
    public string ActionLabel => SupervisionTask.Label(Action);
}

public sealed record ExtensionView(Guid Id, string Reason, DateOnly PreviousDeadline, DateOnly RequestedDeadline, ExtensionStatus Status,
    string RequestedBy, DateTime RequestedAtUtc, string? DecidedBy, string? DecisionComment);

/// <summary>A task with everything its detail dialog shows, and what the current user may do with it.</summary>
public sealed record SupervisionDetail(
    SupervisionRow Row, string Problem, IReadOnlyList<string> SupportingDepartments, string? TargetName, string? IndicatorCode, string? PeriodName,
    string CreatedBy, IReadOnlyList<HistoryView> History, IReadOnlyList<ProgressView> Progress, IReadOnlyList<ExtensionView> Extensions,
    SupervisionActions Allowed);

/// <summary>The buttons the detail dialog shows: what the user's role and the task's state allow.</summary>
public sealed record SupervisionActions(bool Accept, bool Report, bool Submit, bool RequestExtension, bool Verify, bool DecideExtension)
{
    public static readonly SupervisionActions None = new(false, false, false, false, false, false);
    public bool Any => Accept || Report || Submit || RequestExtension || Verify || DecideExtension;
}

/// <summary>A file the user picked for a progress report, spooled to a temporary file by the page.</summary>
public sealed record UploadedFile(string FileName, Stream Content);

/// <summary>One department's line in the leader summary.</summary>
public sealed record DepartmentSummary(Guid DepartmentId, string DepartmentName, int Total, int Open, int Overdue, int Closed, int Due, int OnTime, double? OnTimeRate);

/// <summary>Counts by status and the on-time rate per department over a period (期间: tasks whose deadline falls in it).</summary>
public sealed record SupervisionSummary(string PeriodName, DateOnly From, DateOnly To, IReadOnlyDictionary<SupervisionStatus, int> ByStatus, int Overdue,
    IReadOnlyList<DepartmentSummary> Departments);

/// <summary>A period the summary can be shown for.</summary>
public sealed record SummaryPeriod(Guid Id, string Name, DateOnly From, DateOnly To);

/// <summary>A published score run the generate dialog offers.</summary>
public sealed record RunChoice(Guid RunId, string PeriodName, int Number, bool RegionTargets);

/// <summary>A leaf indicator of a run's system, for the generate dialog.</summary>
public sealed record IndicatorChoice(string Code, string Name, double? WarningValue);

public sealed record DepartmentChoice(Guid Id, string Name);
