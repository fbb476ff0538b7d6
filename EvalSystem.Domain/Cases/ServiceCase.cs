using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Cases;

/// <summary>
/// 办件: one administrative case from the government-service platform (一网通办), as imported. A case is a record of
/// what happened; it is replaced by re-importing, not edited. <see cref="CaseNumber"/> is the business key; its
/// uniqueness is kept by the store, not by this type.
/// </summary>
public sealed class ServiceCase
{
    private readonly List<StartupStage> _startupStages = [];

    private ServiceCase() { CaseNumber = ItemCode = ItemName = RegionCode = string.Empty; }

    /// <param name="caseNumber">办件编号, unique.</param>
    /// <param name="itemCode">事项编码.</param>
    /// <param name="itemName">事项名称.</param>
    /// <param name="departmentId">办理部门.</param>
    /// <param name="regionCode">6-digit GB/T 2260 code of the region where the case was handled.</param>
    /// <param name="channel">Online or at a window.</param>
    /// <param name="receivedAt">受理时间, Beijing time.</param>
    /// <param name="promisedWorkingDays">承诺时限 in working days; 0 for 即办件.</param>
    /// <param name="status">Where the case stands.</param>
    /// <param name="completedAt">办结时间, Beijing time: required when completed, absent while in progress.</param>
    /// <param name="isBusinessStartup">Whether the case is a business start-up (开办企业).</param>
    /// <param name="startupStages">The start-up stages (环节), only for business start-up cases.</param>
    public ServiceCase(
        string caseNumber,
        string itemCode,
        string itemName,
        Guid departmentId,
        string regionCode,
        ServiceChannel channel,
        DateTime receivedAt,
        int promisedWorkingDays,
        CaseStatus status,
        DateTime? completedAt = null,
        bool isBusinessStartup = false,
        IEnumerable<StartupStage>? startupStages = null)
    {
        CaseNumber = Guard.Required(caseNumber, "办件编号", 64);
        var owner = $"办件「{CaseNumber}」";
        ItemCode = Guard.Required(itemCode, $"{owner}的事项编码", 64);
        ItemName = Guard.Required(itemName, $"{owner}的事项名称", 200);
        DepartmentId = CaseGuard.Department(departmentId, owner);
        RegionCode = CaseGuard.RegionCode(regionCode, owner);
        Channel = CaseGuard.Channel(channel, owner);
        if (promisedWorkingDays < 0)
            throw new DomainException($"{owner}的承诺时限不能为负数（收到{promisedWorkingDays}个工作日）。");
        if (!Enum.IsDefined(status))
            throw new DomainException($"{owner}的办件状态无效（{(int)status}）。");
        if (status == CaseStatus.Completed && completedAt is null)
            throw new DomainException($"{owner}已办结，但缺少办结时间。");
        if (status == CaseStatus.InProgress && completedAt is not null)
            throw new DomainException($"{owner}仍在办理中，不能有办结时间。");
        if (completedAt < receivedAt)
            throw new DomainException($"{owner}的办结时间{completedAt:yyyy-MM-dd HH:mm}早于受理时间{receivedAt:yyyy-MM-dd HH:mm}。");

        var stages = startupStages?.ToList() ?? [];
        if (stages.Count > 0 && !isBusinessStartup)
            throw new DomainException($"{owner}不是开办企业办件，不能录入开办环节。");
        foreach (var stage in stages)
        {
            if (stage is null)
                throw new DomainException($"{owner}的开办环节中有空条目。");
            var stageName = Guard.Required(stage.Name, $"{owner}的开办环节名称", 50);
            if (stage.CompletedAt < stage.StartedAt)
                throw new DomainException($"{owner}的开办环节「{stageName}」完成时间早于开始时间。");
            if (status == CaseStatus.Completed && stage.CompletedAt is null)
                throw new DomainException($"{owner}已办结，但开办环节「{stageName}」没有完成时间。");
            _startupStages.Add(stage with { Name = stageName });
        }

        Id = Guid.CreateVersion7();
        ReceivedAt = receivedAt;
        CompletedAt = completedAt;
        PromisedWorkingDays = promisedWorkingDays;
        Status = status;
        IsBusinessStartup = isBusinessStartup;
    }

    public Guid Id { get; private set; }
    public string CaseNumber { get; private set; }
    public string ItemCode { get; private set; }
    public string ItemName { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string RegionCode { get; private set; }
    public ServiceChannel Channel { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    /// <summary>办结时间; null while in progress, optional for rejected or withdrawn cases.</summary>
    public DateTime? CompletedAt { get; private set; }
    public int PromisedWorkingDays { get; private set; }
    public CaseStatus Status { get; private set; }
    /// <summary>开办企业: the case counts towards business start-up time.</summary>
    public bool IsBusinessStartup { get; private set; }
    public IReadOnlyList<StartupStage> StartupStages => _startupStages;

    public static string Label(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "办理中",
        CaseStatus.Completed => "已办结",
        CaseStatus.Rejected => "不予受理",
        CaseStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    /// <summary>审批时间 in working days (see <see cref="WorkingDayCalendar.WorkingDays"/>); null unless completed.</summary>
    public int? ApprovalWorkingDays(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Status == CaseStatus.Completed ? Count(calendar, ReceivedAt, CompletedAt!.Value) : null;
    }

    /// <summary>Whether the case was completed within its promised working days; null unless completed.</summary>
    public bool? IsOnTime(WorkingDayCalendar calendar) =>
        ApprovalWorkingDays(calendar) is { } days ? days <= PromisedWorkingDays : null;

    /// <summary>
    /// 开办企业时间 in working days, for a completed business start-up case: from the earliest stage start to the
    /// latest stage completion, or from receipt to completion when no stages are recorded. Null for other cases.
    /// </summary>
    public int? StartupWorkingDays(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!IsBusinessStartup || Status != CaseStatus.Completed)
            return null;
        if (_startupStages.Count == 0)
            return Count(calendar, ReceivedAt, CompletedAt!.Value);
        var start = _startupStages.Min(s => s.StartedAt);
        var end = _startupStages.Max(s => s.CompletedAt!.Value);
        return Count(calendar, start, end);
    }

    private int Count(WorkingDayCalendar calendar, DateTime from, DateTime to)
    {
        try
        {
            return calendar.WorkingDays(from, to);
        }
        catch (DomainException ex)
        {
            // A batch of thousands of cases: say which one.
            throw new DomainException($"办件「{CaseNumber}」：{ex.Message}");
        }
    }
}

public enum CaseStatus
{
    /// <summary>已受理、办理中</summary>
    InProgress = 1,
    /// <summary>已办结 (准予)</summary>
    Completed = 2,
    /// <summary>不予受理 / 不予许可</summary>
    Rejected = 3,
    /// <summary>申请人撤回</summary>
    Withdrawn = 4,
}

/// <summary>开办环节: one stage of a business start-up, e.g. 设立登记, 公章刻制, 申领发票, 社保登记, 银行开户.</summary>
/// <param name="Name">Stage name.</param>
/// <param name="StartedAt">Beijing time the stage started.</param>
/// <param name="CompletedAt">Beijing time the stage completed; null while in progress.</param>
public sealed record StartupStage(string Name, DateTime StartedAt, DateTime? CompletedAt);
