using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;

namespace EvalSystem.Domain.Periods;

/// <summary>
/// 评价周期: a time window in which targets of one kind are evaluated under one published
/// version of an indicator system. Draft → collecting → reviewing → scored → published → archived.
/// A department may have its own submission deadline (<see cref="DepartmentDeadlines"/>), which only ever extends the period's.
/// </summary>
public sealed class EvaluationPeriod
{
    private readonly List<PeriodDepartmentDeadline> _departmentDeadlines = [];

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
    /// <summary>
    /// 部门单独截止时间: departments given a later deadline than <see cref="SubmissionDeadlineUtc"/>. One the period's deadline has
    /// since caught up with stays stored but no longer applies (see <see cref="ExtensionFor"/>).
    /// </summary>
    public IReadOnlyList<PeriodDepartmentDeadline> DepartmentDeadlines => _departmentDeadlines;

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
        RequireDeadlineChangeable();
        if (deadlineUtc <= nowUtc)
            throw new DomainException("填报截止时间必须晚于当前时间。");
        SubmissionDeadlineUtc = deadlineUtc;
    }

    /// <summary>
    /// Gives one department its own submission deadline (e.g. an extension after a system outage), later than the period's, for
    /// that department only. Setting it again replaces the earlier one. The reason is mandatory and kept.
    /// </summary>
    public void SetDepartmentDeadline(Guid departmentId, DateTime deadlineUtc, string reason, DateTime nowUtc)
    {
        RequireDeadlineChangeable();
        if (departmentId == Guid.Empty)
            throw new DomainException("请选择要单独设置截止时间的部门。");
        if (deadlineUtc <= nowUtc)
            throw new DomainException("部门的单独截止时间必须晚于当前时间。");
        // An own deadline is an extension: one at or before the period's would give the department less time than everyone else.
        if (SubmissionDeadlineUtc is { } periodDeadline && deadlineUtc <= periodDeadline)
            throw new DomainException($"部门的单独截止时间必须晚于周期截止时间 {BeijingTime.FromUtc(periodDeadline):yyyy-MM-dd HH:mm}，否则无需单独设置。");
        var why = Guard.Required(reason, "单独设置截止时间的原因", PeriodDepartmentDeadline.ReasonMaxLength);
        if (_departmentDeadlines.SingleOrDefault(d => d.DepartmentId == departmentId) is { } existing)
            existing.Change(deadlineUtc, why);
        else
            _departmentDeadlines.Add(new PeriodDepartmentDeadline(Id, departmentId, deadlineUtc, why));
    }

    /// <summary>Removes a department's own deadline; the department then has the period's deadline again.</summary>
    public void RemoveDepartmentDeadline(Guid departmentId)
    {
        RequireDeadlineChangeable();
        var existing = _departmentDeadlines.SingleOrDefault(d => d.DepartmentId == departmentId)
            ?? throw new DomainException("该部门没有单独设置截止时间，无需清除。");
        _departmentDeadlines.Remove(existing);
    }

    /// <summary>
    /// The department's own deadline while it extends the period's (is later, or the period has none yet); null when the
    /// department has none, or when the period's deadline has since been moved to or past it.
    /// </summary>
    public PeriodDepartmentDeadline? ExtensionFor(Guid departmentId) =>
        _departmentDeadlines.SingleOrDefault(d => d.DepartmentId == departmentId) is { } own
            && (SubmissionDeadlineUtc is not { } period || own.DeadlineUtc > period)
            ? own
            : null;

    /// <summary>
    /// The deadline in force for a department: the later of its own and the period's, so an own deadline only ever extends
    /// (moving the period's deadline past it gives the department the period's).
    /// </summary>
    public DateTime? DeadlineFor(Guid departmentId) => ExtensionFor(departmentId)?.DeadlineUtc ?? SubmissionDeadlineUtc;

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

    /// <summary>Whether the period accepts submissions at all under its own deadline (no department known).</summary>
    public bool AcceptsSubmissions(DateTime nowUtc) =>
        Status == PeriodStatus.Collecting && (SubmissionDeadlineUtc is null || nowUtc <= SubmissionDeadlineUtc);

    /// <summary>Whether the department may still submit: the period collects and the department's deadline in force has not passed.</summary>
    public bool AcceptsSubmissions(DateTime nowUtc, Guid departmentId) =>
        Status == PeriodStatus.Collecting && (DeadlineFor(departmentId) is not { } deadline || nowUtc <= deadline);

    private void RequireDeadlineChangeable()
    {
        if (Status is not (PeriodStatus.Draft or PeriodStatus.Collecting))
            throw new DomainException($"只有草稿或填报中的周期才能调整截止时间，「{Name}」当前为{Label(Status)}。");
    }

    private void Require(PeriodStatus expected, string action)
    {
        if (Status != expected)
            throw new DomainException($"只有{Label(expected)}的周期才能{action}，「{Name}」当前为{Label(Status)}。");
    }
}

/// <summary>部门单独截止时间: one department's own submission deadline in a period, with the reason it was granted.</summary>
public sealed class PeriodDepartmentDeadline
{
    public const int ReasonMaxLength = 200;

    private PeriodDepartmentDeadline() { Reason = string.Empty; }

    internal PeriodDepartmentDeadline(Guid periodId, Guid departmentId, DateTime deadlineUtc, string reason)
    {
        Id = Guid.CreateVersion7();
        PeriodId = periodId;
        DepartmentId = departmentId;
        DeadlineUtc = deadlineUtc;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid PeriodId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public DateTime DeadlineUtc { get; private set; }
    public string Reason { get; private set; }

    internal void Change(DateTime deadlineUtc, string reason)
    {
        DeadlineUtc = deadlineUtc;
        Reason = reason;
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
