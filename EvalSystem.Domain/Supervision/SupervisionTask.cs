using System.Text.RegularExpressions;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Supervision;

/// <summary>
/// 督查任务: one problem issued to a responsible department with a deadline (限期), followed until it is verified and
/// closed (销号). "一件一号、一号一督、一督一报": one <see cref="Number"/> per task, every step in <see cref="History"/>,
/// progress in <see cref="ProgressReports"/>.
/// Issued → accepted → in progress (first progress report) → submitted for verification → closed, or sent back →
/// in progress (next progress report) → submitted again.
/// <para>
/// Department actions take the acting user and the department they act for; only the responsible department may act.
/// Office actions take the office user; the role itself is checked by the application.
/// <c>now</c> is the local time of the programme (China Standard Time): its calendar date is what is compared with
/// deadlines, its instant is what the history records (as UTC).
/// </para>
/// </summary>
public sealed partial class SupervisionTask
{
    /// <summary>Who escalations are recorded as: they follow from the calendar, not from a person.</summary>
    public static readonly UserRef SystemActor = new("system", "系统");

    private readonly List<Guid> _supportingDepartmentIds = [];
    private readonly List<SupervisionEvent> _history = [];
    private readonly List<SupervisionProgressReport> _progressReports = [];
    private readonly List<SupervisionExtension> _extensions = [];

    private SupervisionTask() { Title = Problem = CreatedByUserId = CreatedByName = string.Empty; }

    /// <summary>下发: issues a task. The deadline may be today but not earlier.</summary>
    public SupervisionTask(SupervisionNumber number, SupervisionTaskDraft draft, UserRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (number == default)
            throw new DomainException("督查任务必须有编号（一件一号）。");
        if (!Enum.IsDefined(draft.Source) || !Enum.IsDefined(draft.Priority))
            throw new DomainException("请选择督查任务的来源和紧急程度。");
        if (draft.DepartmentId == Guid.Empty)
            throw new DomainException("请选择督查任务的主责单位。");
        if (draft.RegionCode is not null && !SixDigits().IsMatch(draft.RegionCode))
            throw new DomainException($"行政区划代码必须是6位数字（GB/T 2260），收到「{draft.RegionCode}」。");
        if (draft.SupportingDepartmentIds.Contains(Guid.Empty))
            throw new DomainException("配合单位中有无效的部门，请重新选择。");
        if (draft.SupportingDepartmentIds.Contains(draft.DepartmentId))
            throw new DomainException("主责单位不能同时是配合单位。");
        var today = Today(now);
        if (draft.Deadline < today)
            throw new DomainException($"整改期限（{draft.Deadline:yyyy-MM-dd}）已经过去，请选择今天（{today:yyyy-MM-dd}）或以后的日期。");
        RequireOrigin(draft);

        Id = Guid.CreateVersion7();
        Number = number;
        Title = Guard.Required(draft.Title, "督查任务标题", 200);
        Problem = Guard.Required(draft.Problem, "问题描述", 2000);
        Source = draft.Source;
        Priority = draft.Priority;
        DepartmentId = draft.DepartmentId;
        RegionCode = draft.RegionCode;
        _supportingDepartmentIds.AddRange(draft.SupportingDepartmentIds.Distinct());
        OriginalDeadline = Deadline = draft.Deadline;
        TargetId = draft.TargetId;
        IndicatorCode = Guard.Optional(draft.IndicatorCode, "指标代码", 20);
        PeriodId = draft.PeriodId;
        ScoreRunId = draft.ScoreRunId;
        RatingId = draft.RatingId;
        CreatedByUserId = by.UserId;
        CreatedByName = by.UserName;
        CreatedAtUtc = now.UtcDateTime;
        Status = SupervisionStatus.Issued;
        Record(SupervisionAction.Issued, null, by, now);
    }

    public Guid Id { get; private set; }
    /// <summary>督查编号, e.g. DC-2026-0001.</summary>
    public SupervisionNumber Number { get; private set; }
    public string Title { get; private set; }
    /// <summary>问题描述: what is wrong and what is expected.</summary>
    public string Problem { get; private set; }
    public SupervisionSource Source { get; private set; }
    public SupervisionPriority Priority { get; private set; }
    /// <summary>主责单位: the one department that acts on the task.</summary>
    public Guid DepartmentId { get; private set; }
    public string? RegionCode { get; private set; }
    /// <summary>配合单位: informed and expected to help; they do not act on the task themselves.</summary>
    public IReadOnlyList<Guid> SupportingDepartmentIds => _supportingDepartmentIds;
    /// <summary>The deadline the task was issued with.</summary>
    public DateOnly OriginalDeadline { get; private set; }
    /// <summary>整改期限 in force: the original one, or the last approved extension.</summary>
    public DateOnly Deadline { get; private set; }
    public Guid? TargetId { get; private set; }
    public string? IndicatorCode { get; private set; }
    public Guid? PeriodId { get; private set; }
    public Guid? ScoreRunId { get; private set; }
    public Guid? RatingId { get; private set; }
    public string CreatedByUserId { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public SupervisionStatus Status { get; private set; }
    /// <summary>督办等级: 0 until overdue, then rises with the days overdue (<see cref="SupervisionPolicy.EscalationSteps"/>); never falls.</summary>
    public int EscalationLevel { get; private set; }
    /// <summary>The local date the task was verified and closed (销号).</summary>
    public DateOnly? ClosedOn { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public IReadOnlyList<SupervisionEvent> History => _history;
    public IReadOnlyList<SupervisionProgressReport> ProgressReports => _progressReports;
    public IReadOnlyList<SupervisionExtension> Extensions => _extensions;

    public SupervisionExtension? PendingExtension => _extensions.FirstOrDefault(e => e.Status == ExtensionStatus.Pending);

    public bool IsClosed => Status == SupervisionStatus.Closed;

    /// <summary>按期销号: closed on or before the deadline in force (an approved extension counts).</summary>
    public bool ClosedOnTime => ClosedOn is { } closedOn && closedOn <= Deadline;

    /// <summary>Not closed and <paramref name="asOf"/> is after the deadline in force.</summary>
    public bool IsOverdue(DateOnly asOf) => DaysOverdue(asOf) > 0;

    /// <summary>Calendar days past the deadline in force; 0 for a closed task or one not yet due.</summary>
    public int DaysOverdue(DateOnly asOf) => IsClosed ? 0 : Math.Max(0, asOf.DayNumber - Deadline.DayNumber);

    public static string Label(SupervisionStatus status) => status switch
    {
        SupervisionStatus.Issued => "已下发",
        SupervisionStatus.Accepted => "已签收",
        SupervisionStatus.InProgress => "整改中",
        SupervisionStatus.SubmittedForVerification => "待核验",
        SupervisionStatus.Closed => "已销号",
        SupervisionStatus.SentBack => "已退回",
        _ => status.ToString(),
    };

    public static string Label(SupervisionPriority priority) => priority switch
    {
        SupervisionPriority.Normal => "一般",
        SupervisionPriority.Important => "重要",
        SupervisionPriority.Urgent => "紧急",
        _ => priority.ToString(),
    };

    public static string Label(SupervisionSource source) => source switch
    {
        SupervisionSource.Manual => "人工交办",
        SupervisionSource.ScoreWarning => "指标预警",
        SupervisionSource.RankingBottom => "排名靠后",
        SupervisionSource.BadReview => "差评整改",
        _ => source.ToString(),
    };

    public static string Label(SupervisionAction action) => action switch
    {
        SupervisionAction.Issued => "下发",
        SupervisionAction.Accepted => "签收",
        SupervisionAction.ProgressReported => "报送进展",
        SupervisionAction.SubmittedForVerification => "提请核验",
        SupervisionAction.Closed => "核验销号",
        SupervisionAction.SentBack => "退回整改",
        SupervisionAction.ExtensionRequested => "申请延期",
        SupervisionAction.ExtensionApproved => "同意延期",
        SupervisionAction.ExtensionRejected => "不同意延期",
        SupervisionAction.Escalated => "督办升级",
        _ => action.ToString(),
    };

    /// <summary>签收: the responsible department acknowledges the task.</summary>
    public void Accept(UserRef by, Guid actorDepartmentId, DateTimeOffset now)
    {
        RequireResponsible(actorDepartmentId, "签收");
        RequireStatus("签收", SupervisionStatus.Issued);
        Status = SupervisionStatus.Accepted;
        Record(SupervisionAction.Accepted, null, by, now);
    }

    /// <summary>
    /// 报送整改进展 with text and/or evidence files (ids of stored evidence). The first report after accepting, or after
    /// being sent back, puts the task in progress.
    /// </summary>
    public SupervisionProgressReport ReportProgress(UserRef by, Guid actorDepartmentId, string? text, IReadOnlyCollection<Guid>? evidenceFileIds, DateTimeOffset now)
    {
        RequireResponsible(actorDepartmentId, "报送整改进展");
        RequireStatus("报送整改进展", SupervisionStatus.Accepted, SupervisionStatus.InProgress, SupervisionStatus.SentBack);
        var body = Guard.Optional(text, "整改进展", 2000);
        var files = evidenceFileIds ?? [];
        if (files.Contains(Guid.Empty))
            throw new DomainException("佐证材料中有无效的文件，请重新上传。");
        if (body is null && files.Count == 0)
            throw new DomainException("整改进展不能为空：请填写进展情况或上传佐证材料。");
        var report = new SupervisionProgressReport(Id, body, files.Distinct(), by, now.UtcDateTime);
        _progressReports.Add(report);
        Status = SupervisionStatus.InProgress;
        Record(SupervisionAction.ProgressReported, body ?? $"上传佐证材料{report.EvidenceFileIds.Count}个。", by, now);
        return report;
    }

    /// <summary>提请核验: the department reports the problem fixed and asks the office to verify.</summary>
    public void SubmitForVerification(UserRef by, Guid actorDepartmentId, string? comment, DateTimeOffset now)
    {
        RequireResponsible(actorDepartmentId, "提请核验");
        RequireStatus("提请核验", SupervisionStatus.InProgress);
        Status = SupervisionStatus.SubmittedForVerification;
        Record(SupervisionAction.SubmittedForVerification, Guard.Optional(comment, "整改完成情况", 2000), by, now);
    }

    /// <summary>核验销号: the office verifies the rectification and closes the task. A pending extension must be decided first.</summary>
    public void Close(UserRef office, string? comment, DateTimeOffset now)
    {
        RequireStatus("核验销号", SupervisionStatus.SubmittedForVerification);
        if (PendingExtension is not null)
            throw new DomainException($"督查任务{Number}还有未审批的延期申请，请先同意或驳回，再核验销号。");
        Status = SupervisionStatus.Closed;
        ClosedOn = Today(now);
        ClosedAtUtc = now.UtcDateTime;
        Record(SupervisionAction.Closed, Guard.Optional(comment, "核验意见", 2000), office, now);
    }

    /// <summary>退回整改: the office finds the rectification insufficient; the department reports progress again.</summary>
    public void SendBack(UserRef office, string comment, DateTimeOffset now)
    {
        RequireStatus("退回整改", SupervisionStatus.SubmittedForVerification);
        var text = Guard.Optional(comment, "退回意见", 2000)
            ?? throw new DomainException("退回必须填写意见，告诉主责单位还需要整改什么。");
        Status = SupervisionStatus.SentBack;
        Record(SupervisionAction.SentBack, text, office, now);
    }

    /// <summary>
    /// 申请延期 while the work is with the department. One request may be pending at a time; the new deadline must be
    /// later than the one in force, not in the past, and at most <see cref="SupervisionPolicy.MaxExtensionDays"/> later.
    /// </summary>
    public SupervisionExtension RequestExtension(UserRef by, Guid actorDepartmentId, string reason, DateOnly newDeadline, SupervisionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RequireResponsible(actorDepartmentId, "申请延期");
        RequireStatus("申请延期", SupervisionStatus.Accepted, SupervisionStatus.InProgress, SupervisionStatus.SentBack);
        if (PendingExtension is { } pending)
            throw new DomainException($"督查任务{Number}已有一个待审批的延期申请（延至{pending.RequestedDeadline:yyyy-MM-dd}），请等待审批结果。");
        var why = Guard.Optional(reason, "延期原因", 2000)
            ?? throw new DomainException("申请延期必须说明原因。");
        if (newDeadline <= Deadline)
            throw new DomainException($"延期后的期限（{newDeadline:yyyy-MM-dd}）必须晚于现在的整改期限（{Deadline:yyyy-MM-dd}）。");
        var today = Today(now);
        if (newDeadline < today)
            throw new DomainException($"延期后的期限（{newDeadline:yyyy-MM-dd}）已经过去，请选择今天（{today:yyyy-MM-dd}）或以后的日期。");
        var days = newDeadline.DayNumber - Deadline.DayNumber;
        if (days > policy.MaxExtensionDays)
            throw new DomainException($"单次延期最长{policy.MaxExtensionDays}天，申请的是{days}天（{Deadline:yyyy-MM-dd} 延至 {newDeadline:yyyy-MM-dd}）。");

        var extension = new SupervisionExtension(Id, why, Deadline, newDeadline, by, now.UtcDateTime);
        _extensions.Add(extension);
        Record(SupervisionAction.ExtensionRequested, $"申请延期至{newDeadline:yyyy-MM-dd}：{why}", by, now);
        return extension;
    }

    /// <summary>同意延期: the requested deadline becomes the deadline in force.</summary>
    public void ApproveExtension(UserRef office, string? comment, DateTimeOffset now)
    {
        var pending = RequirePendingExtension("同意延期");
        var text = Guard.Optional(comment, "审批意见", 2000);
        pending.Decide(ExtensionStatus.Approved, text, office, now.UtcDateTime);
        Deadline = pending.RequestedDeadline;
        Record(SupervisionAction.ExtensionApproved, text is null ? $"期限延至{Deadline:yyyy-MM-dd}。" : $"期限延至{Deadline:yyyy-MM-dd}：{text}", office, now);
    }

    /// <summary>不同意延期: the deadline stays; the reason is mandatory.</summary>
    public void RejectExtension(UserRef office, string comment, DateTimeOffset now)
    {
        var pending = RequirePendingExtension("驳回延期申请");
        var text = Guard.Optional(comment, "驳回理由", 2000)
            ?? throw new DomainException("驳回延期申请必须说明理由。");
        pending.Decide(ExtensionStatus.Rejected, text, office, now.UtcDateTime);
        Record(SupervisionAction.ExtensionRejected, text, office, now);
    }

    /// <summary>
    /// 督办: raises <see cref="EscalationLevel"/> to the level <paramref name="policy"/> gives for the days overdue on
    /// <paramref name="now"/>'s date. Returns true when the level rose, so that the office can be told.
    /// The level never falls (an escalation that happened stays on record, even after an extension).
    /// Tasks waiting for the office's verification are not escalated: the department has done its part.
    /// </summary>
    public bool Escalate(DateTimeOffset now, SupervisionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Status is SupervisionStatus.Closed or SupervisionStatus.SubmittedForVerification)
            return false;
        var days = DaysOverdue(Today(now));
        var level = policy.LevelFor(days);
        if (level <= EscalationLevel)
            return false;
        EscalationLevel = level;
        Record(SupervisionAction.Escalated, $"超期{days}天，督办等级升至{level}级。", SystemActor, now);
        return true;
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.DateTime);

    private static void RequireOrigin(SupervisionTaskDraft draft)
    {
        var missing = draft.Source switch
        {
            SupervisionSource.ScoreWarning when draft.TargetId is null || draft.PeriodId is null || string.IsNullOrWhiteSpace(draft.IndicatorCode)
                => "评价对象、评价周期和指标",
            SupervisionSource.RankingBottom when draft.TargetId is null || draft.PeriodId is null => "评价对象和评价周期",
            SupervisionSource.BadReview when draft.RatingId is null => "差评记录",
            _ => null,
        };
        if (missing is not null)
            throw new DomainException($"来源为「{Label(draft.Source)}」的督查任务必须关联{missing}。");
    }

    private void RequireResponsible(Guid actorDepartmentId, string action)
    {
        if (actorDepartmentId != DepartmentId)
            throw new DomainException($"只有主责单位才能{action}：督查任务{Number}不是交办给你所在部门的。");
    }

    private void RequireStatus(string action, params ReadOnlySpan<SupervisionStatus> allowed)
    {
        if (allowed.Contains(Status))
            return;
        var names = new List<string>(allowed.Length);
        foreach (var status in allowed)
            names.Add(Label(status));
        var list = names.Count == 1 ? names[0] : $"{string.Join("、", names.SkipLast(1))}或{names[^1]}";
        throw new DomainException($"只有{list}的督查任务才能{action}，{Number}当前为{Label(Status)}。");
    }

    private SupervisionExtension RequirePendingExtension(string action)
    {
        if (IsClosed)
            throw new DomainException($"督查任务{Number}已销号，不能{action}。");
        return PendingExtension ?? throw new DomainException($"督查任务{Number}没有待审批的延期申请，无法{action}。");
    }

    private void Record(SupervisionAction action, string? text, UserRef by, DateTimeOffset now)
    {
        UpdatedAtUtc = now.UtcDateTime;
        _history.Add(new SupervisionEvent(Id, action, text, by, now.UtcDateTime));
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SixDigits();
}

/// <summary>督查任务状态</summary>
public enum SupervisionStatus
{
    /// <summary>已下发</summary>
    Issued = 1,
    /// <summary>已签收</summary>
    Accepted = 2,
    /// <summary>整改中</summary>
    InProgress = 3,
    /// <summary>待核验</summary>
    SubmittedForVerification = 4,
    /// <summary>已销号</summary>
    Closed = 5,
    /// <summary>已退回</summary>
    SentBack = 6,
}

/// <summary>任务来源: why the task was issued.</summary>
public enum SupervisionSource
{
    /// <summary>人工交办</summary>
    Manual = 1,
    /// <summary>指标预警: a target is beyond the warning value (预警值) of an indicator.</summary>
    ScoreWarning = 2,
    /// <summary>排名靠后: a target is among the bottom N of a ranking.</summary>
    RankingBottom = 3,
    /// <summary>差评整改: a bad review (差评) that must be rectified.</summary>
    BadReview = 4,
}

/// <summary>紧急程度</summary>
public enum SupervisionPriority
{
    /// <summary>一般</summary>
    Normal = 1,
    /// <summary>重要</summary>
    Important = 2,
    /// <summary>紧急</summary>
    Urgent = 3,
}

/// <summary>The kind of a step in a task's history.</summary>
public enum SupervisionAction
{
    Issued = 1,
    Accepted = 2,
    ProgressReported = 3,
    SubmittedForVerification = 4,
    Closed = 5,
    SentBack = 6,
    ExtensionRequested = 7,
    ExtensionApproved = 8,
    ExtensionRejected = 9,
    Escalated = 10,
}
