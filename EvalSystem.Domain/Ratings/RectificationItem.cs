using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Ratings;

/// <summary>
/// 差评整改: the follow-up of one bad review. Open → (called back, 回访) → rectified (整改) → closed (办结).
/// The call-back is optional because an anonymous rater cannot be called; every other step is required and in order.
/// The deadline is <see cref="DeadlineWorkingDays"/> working days after the rating, counted like a case received at
/// the rating time (see <see cref="WorkingDayCalendar.Deadline"/>).
/// </summary>
public sealed class RectificationItem
{
    /// <summary>Default time allowed: 5 working days (local rules range from 5 to 15).</summary>
    public const int DefaultDeadlineWorkingDays = 5;

    /// <summary>Upper limit for the time allowed, to catch calendar days entered as working days.</summary>
    public const int MaxDeadlineWorkingDays = 30;

    private RectificationItem() { RatingId = RegionCode = string.Empty; }

    private RectificationItem(Rating rating, int deadlineWorkingDays, DateOnly deadline)
    {
        Id = Guid.CreateVersion7();
        RatingId = rating.RatingId;
        CaseNumber = rating.CaseNumber;
        DepartmentId = rating.DepartmentId;
        RegionCode = rating.RegionCode;
        Level = rating.Level;
        OpenedAt = rating.RatedAt;
        DeadlineWorkingDays = deadlineWorkingDays;
        Deadline = deadline;
        Status = RectificationStatus.Open;
    }

    public Guid Id { get; private set; }
    public string RatingId { get; private set; }
    public string? CaseNumber { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string RegionCode { get; private set; }
    public RatingLevel Level { get; private set; }
    /// <summary>The rating time, from which the deadline is counted.</summary>
    public DateTime OpenedAt { get; private set; }
    public int DeadlineWorkingDays { get; private set; }
    /// <summary>整改期限: the last day on which closing is on time.</summary>
    public DateOnly Deadline { get; private set; }
    public RectificationStatus Status { get; private set; }

    public DateTime? CalledBackAt { get; private set; }
    public UserRef? CalledBackBy { get; private set; }
    /// <summary>回访结果: what the rater said.</summary>
    public string? CallBackResult { get; private set; }

    public DateTime? RectifiedAt { get; private set; }
    public UserRef? RectifiedBy { get; private set; }
    /// <summary>整改情况: what was changed.</summary>
    public string? RectificationDescription { get; private set; }

    public DateTime? ClosedAt { get; private set; }
    public UserRef? ClosedBy { get; private set; }

    /// <summary>Closed, and closed on or before <see cref="Deadline"/>.</summary>
    public bool ClosedOnTime => ClosedAt is { } closed && DateOnly.FromDateTime(closed) <= Deadline;

    public static string Label(RectificationStatus status) => status switch
    {
        RectificationStatus.Open => "待整改",
        RectificationStatus.CalledBack => "已回访",
        RectificationStatus.Rectified => "已整改",
        RectificationStatus.Closed => "已办结",
        _ => status.ToString(),
    };

    /// <summary>Opens the rectification of a bad review.</summary>
    /// <exception cref="DomainException">The rating is not a bad review, or the time allowed is outside 1–30 working days.</exception>
    public static RectificationItem Open(Rating rating, WorkingDayCalendar calendar, int deadlineWorkingDays = DefaultDeadlineWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!rating.IsBadReview)
            throw new DomainException(
                $"评价「{rating.RatingId}」为{rating.Level.DisplayName()}，只有差评（不满意、非常不满意）需要整改。");
        if (deadlineWorkingDays is < 1 or > MaxDeadlineWorkingDays)
            throw new DomainException($"整改时限必须在1–{MaxDeadlineWorkingDays}个工作日之间（收到{deadlineWorkingDays}）。");
        return new RectificationItem(rating, deadlineWorkingDays, calendar.Deadline(rating.RatedAt, deadlineWorkingDays));
    }

    /// <summary>回访: the rater was contacted. Only once, and only before the rectification.</summary>
    public void CallBack(UserRef by, DateTime at, string result)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status != RectificationStatus.Open)
            throw new DomainException($"只能对待整改的差评进行回访，当前为{Label(Status)}。");
        var text = Guard.Optional(result, "回访结果", 2000)
            ?? throw new DomainException("回访必须填写回访结果，说明评价人反映的问题和意见。");
        NotBefore(at, OpenedAt, "回访时间", "评价时间");
        CalledBackAt = at;
        CalledBackBy = by;
        CallBackResult = text;
        Status = RectificationStatus.CalledBack;
    }

    /// <summary>整改: the department states what it changed.</summary>
    public void Rectify(UserRef by, DateTime at, string description)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status is not (RectificationStatus.Open or RectificationStatus.CalledBack))
            throw new DomainException($"只能对待整改或已回访的差评提交整改情况，当前为{Label(Status)}。");
        var text = Guard.Optional(description, "整改情况", 2000)
            ?? throw new DomainException("提交整改必须填写整改情况，说明做了哪些改进。");
        if (CalledBackAt is { } calledBack)
            NotBefore(at, calledBack, "整改时间", "回访时间");
        else
            NotBefore(at, OpenedAt, "整改时间", "评价时间");
        RectifiedAt = at;
        RectifiedBy = by;
        RectificationDescription = text;
        Status = RectificationStatus.Rectified;
    }

    /// <summary>办结: the item is closed (销号). Only after the rectification.</summary>
    public void Close(UserRef by, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status != RectificationStatus.Rectified)
            throw new DomainException($"只能对已整改的差评办结，当前为{Label(Status)}。");
        NotBefore(at, RectifiedAt!.Value, "办结时间", "整改时间");
        ClosedAt = at;
        ClosedBy = by;
        Status = RectificationStatus.Closed;
    }

    /// <summary>
    /// 超期: not closed by <paramref name="asOf"/> and <paramref name="asOf"/> is after the deadline day. An item closed
    /// later than <paramref name="asOf"/> counts as open then, so that past reports can be reproduced.
    /// </summary>
    public bool IsOverdue(DateTime asOf)
    {
        var closedByThen = ClosedAt is { } closed && closed <= asOf;
        return !closedByThen && DateOnly.FromDateTime(asOf) > Deadline;
    }

    private static void NotBefore(DateTime at, DateTime earlier, string what, string earlierWhat)
    {
        if (at < earlier)
            throw new DomainException($"{what}{at:yyyy-MM-dd HH:mm}不能早于{earlierWhat}{earlier:yyyy-MM-dd HH:mm}。");
    }
}

public enum RectificationStatus
{
    /// <summary>待整改</summary>
    Open = 1,
    /// <summary>已回访</summary>
    CalledBack = 2,
    /// <summary>已整改</summary>
    Rectified = 3,
    /// <summary>已办结 (销号)</summary>
    Closed = 4,
}
