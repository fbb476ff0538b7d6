using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Notifications;

/// <summary>What a notification is about; decides its icon and wording.</summary>
public enum NotificationKind
{
    SubmissionReturned,
    SubmissionApproved,
    DeadlineApproaching,
    AwaitingReview,
    /// <summary>督查任务已下发 (to the responsible department).</summary>
    SupervisionIssued,
    /// <summary>督查任务退回整改 (to the responsible department).</summary>
    SupervisionSentBack,
    /// <summary>督办升级 (to the office).</summary>
    SupervisionEscalated,
    /// <summary>工作日历缺少放假安排 (derived, to administrators and the office).</summary>
    CalendarMissing,
}

/// <summary>
/// 站内通知: one message for one user (the bell in the top bar), e.g. "your submission was returned". Stored per recipient so
/// that each person's read state is their own. Reminders that follow from the current state (a deadline is near and items are
/// still open) are not stored: they are derived when the bell is read and disappear once the state changes.
/// </summary>
public sealed class Notification
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 1000;

    private Notification() { RecipientUserId = Title = Body = Link = string.Empty; }

    public Notification(string recipientUserId, NotificationKind kind, string title, string body, string link, DateTime createdAtUtc)
    {
        Id = Guid.NewGuid();
        RecipientUserId = Guard.Required(recipientUserId, "通知接收人", 450);
        Kind = kind;
        Title = Truncate(Guard.Required(title, "通知标题", int.MaxValue), MaxTitleLength);
        Body = Truncate(body.Trim(), MaxBodyLength);
        Link = link;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }
    public string RecipientUserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; }
    public string Body { get; private set; }
    /// <summary>Where the user acts on it, an app-relative URL such as "/submissions".</summary>
    public string Link { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }
    public bool IsRead => ReadAtUtc is not null;

    /// <summary>Marks the notification read; reading it again keeps the first time.</summary>
    public void MarkRead(DateTime atUtc) => ReadAtUtc ??= atUtc;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
