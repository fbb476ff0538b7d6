using System.Security.Claims;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Notifications;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Submissions;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalSystem.Web.Features.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How many days before a submission deadline departments with open items are reminded.</summary>
    public int DeadlineReminderDays { get; set; } = 3;
}

/// <summary>One line under the bell. Stored notifications have an id; reminders derived from the current state have none.</summary>
public sealed record InboxItem(Guid? Id, NotificationKind Kind, string Title, string Body, string Link, DateTime AtUtc, bool IsRead);

public sealed record Inbox(IReadOnlyList<InboxItem> Items, int UnreadCount)
{
    public static readonly Inbox Empty = new([], 0);
}

/// <summary>
/// 站内通知: the bell in the top bar. Departments hear about returns and approvals of their submissions and are reminded of
/// approaching or passed deadlines while items are still open; the office is reminded of what waits for review and of
/// departments that missed a deadline. Users read and mark only their own notifications.
/// </summary>
public sealed class NotificationService(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock, IOptions<NotificationOptions> options)
{
    private const int RecentCount = 20;

    public async Task<Inbox> InboxAsync(CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ReadNotifications, ct);
        var userId = UserIdOf(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var reminders = new List<InboxItem>();
        if (user.GetDepartmentId() is { } department && await access.AllowsAsync(user, Policies.SubmitData))
            reminders.AddRange(await DeadlineRemindersAsync(db, department, now, ct));
        if (await access.AllowsAsync(user, Policies.ReviewSubmissions))
            reminders.AddRange(await OfficeRemindersAsync(db, now, ct));
        var administers = await access.AllowsAsync(user, Policies.Administer);
        if (administers || await access.AllowsAsync(user, Policies.ReviewSubmissions))
            reminders.AddRange(await CalendarReminderAsync(db, administers, now, ct));

        var stored = await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).Take(RecentCount)
            .Select(n => new InboxItem(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(ct);
        var unread = await db.Notifications.CountAsync(n => n.RecipientUserId == userId && n.ReadAtUtc == null, ct);
        return new Inbox([.. reminders, .. stored], unread + reminders.Count);
    }

    /// <summary>Marks one of the user's own notifications read; anyone else's id is refused and audited.</summary>
    /// <summary>Marks one of the user's notifications read; returns its link (null when there is no such notification).</summary>
    public async Task<string?> MarkReadAsync(Guid notificationId, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ReadNotifications, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId, ct);
        if (notification is null)
            return null;
        if (notification.RecipientUserId != UserIdOf(user))
            await access.RefuseAsync(user, nameof(Notification), notificationId.ToString(), "这条通知不是发给您的。", ct);
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return notification.Link;
    }

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ReadNotifications, ct);
        var userId = UserIdOf(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var notification in await db.Notifications.Where(n => n.RecipientUserId == userId && n.ReadAtUtc == null).ToListAsync(ct))
            notification.MarkRead(now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Adds a notification for every user of <paramref name="departmentId"/> to <paramref name="db"/>, saved together with the
    /// change it reports (a return is never saved without its notification, or the other way round).
    /// </summary>
    internal static async Task NotifyDepartmentAsync(EvalDbContext db, Guid departmentId, NotificationKind kind, string title, string body, string link,
        DateTime now, CancellationToken ct)
    {
        var recipients = await db.Users.Where(u => u.DepartmentId == departmentId).Select(u => u.Id).ToListAsync(ct);
        foreach (var recipient in recipients)
            db.Notifications.Add(new Notification(recipient, kind, title, body, link, now));
    }

    /// <summary>Like <see cref="NotifyDepartmentAsync"/>, for every user holding <paramref name="role"/> (e.g. the office).</summary>
    internal static async Task NotifyRoleAsync(EvalDbContext db, string role, NotificationKind kind, string title, string body, string link,
        DateTime now, CancellationToken ct)
    {
        var recipients = await (from r in db.Roles
                                join ur in db.UserRoles on r.Id equals ur.RoleId
                                where r.Name == role
                                select ur.UserId).Distinct().ToListAsync(ct);
        foreach (var recipient in recipients)
            db.Notifications.Add(new Notification(recipient, kind, title, body, link, now));
    }

    private static string UserIdOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new AccessDeniedException("请先登录。");

    private async Task<List<InboxItem>> DeadlineRemindersAsync(EvalDbContext db, Guid department, DateTime now, CancellationToken ct)
    {
        var soon = now.AddDays(options.Value.DeadlineReminderDays);
        // The deadline in force is the later of the department's own and the period's, so which periods are due is decided per period, in memory.
        var periods = await db.Periods.AsNoTracking().Where(p => p.Status == PeriodStatus.Collecting).ToListAsync(ct);
        var items = new List<InboxItem>();
        foreach (var period in periods)
        {
            if (period.DeadlineFor(department) is not { } deadline || deadline > soon)
                continue;
            var open = await OpenItemsAsync(db, period, department, ct);
            if (open == 0)
                continue;
            var overdue = !period.AcceptsSubmissions(now, department);
            items.Add(new InboxItem(null, NotificationKind.DeadlineApproaching,
                overdue ? $"「{period.Name}」填报已过截止时间" : $"「{period.Name}」填报即将截止",
                overdue
                    ? $"截止时间 {BeijingTime.FromUtc(deadline):yyyy-MM-dd HH:mm} 已过，贵部门尚有 {open} 项未提交。如需补报，请联系评估办。"
                    : $"将于 {BeijingTime.FromUtc(deadline):yyyy-MM-dd HH:mm} 截止（剩余{Math.Max(0, (int)Math.Ceiling((deadline - now).TotalDays))}天），贵部门尚有 {open} 项未提交。",
                "/submissions", now, false));
        }
        return items;
    }

    /// <summary>Indicator × target entries of the department in the period that are not submitted or approved yet.</summary>
    private static async Task<int> OpenItemsAsync(EvalDbContext db, EvaluationPeriod period, Guid department, CancellationToken ct) =>
        (await OpenItemsByDepartmentAsync(db, period, [department], ct)).GetValueOrDefault(department);

    /// <summary>The same for several departments at once: three queries, however many departments.</summary>
    private static async Task<Dictionary<Guid, int>> OpenItemsByDepartmentAsync(EvalDbContext db, EvaluationPeriod period, IReadOnlyCollection<Guid> departments,
        CancellationToken ct)
    {
        var indicators = await db.IndicatorNodes
            .Where(n => n.SystemId == period.IndicatorSystemId && n.Kind == NodeKind.Indicator && n.Source == IndicatorSource.DepartmentSubmission
                && n.ResponsibleDepartmentId != null && departments.Contains(n.ResponsibleDepartmentId.Value))
            .GroupBy(n => n.ResponsibleDepartmentId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (indicators.Count == 0)
            return [];
        var targets = await db.Targets.CountAsync(t => t.Kind == period.TargetKind, ct);
        var done = await db.Submissions
            .Where(s => s.PeriodId == period.Id && departments.Contains(s.DepartmentId)
                && (s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.Approved))
            .GroupBy(s => s.DepartmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return indicators.ToDictionary(i => i.Key, i => Math.Max(0, i.Value * targets - done.GetValueOrDefault(i.Key)));
    }

    private static async Task<List<InboxItem>> OfficeRemindersAsync(EvalDbContext db, DateTime now, CancellationToken ct)
    {
        var items = new List<InboxItem>();
        var waiting = await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Submitted, ct);
        if (waiting > 0)
            items.Add(new InboxItem(null, NotificationKind.AwaitingReview, $"{waiting} 条填报待审核", "部门已提交，等待评估办审核。", "/review", now, false));
        var collecting = await db.Periods.AsNoTracking().Where(p => p.Status == PeriodStatus.Collecting).ToListAsync(ct);
        foreach (var period in collecting)
        {
            // Only departments past their own deadline in force with entries still open: an extended department is not overdue.
            var pastDeadline = (await SubmittingDepartmentsAsync(db, period, ct)).Where(d => !period.AcceptsSubmissions(now, d.Id)).ToList();
            if (pastDeadline.Count == 0)
                continue;
            var open = await OpenItemsByDepartmentAsync(db, period, pastDeadline.Select(d => d.Id).ToList(), ct);
            var late = pastDeadline.Where(d => open.GetValueOrDefault(d.Id) > 0).Select(d => d.Name).ToList();
            if (late.Count > 0)
                items.Add(new InboxItem(null, NotificationKind.DeadlineApproaching, $"「{period.Name}」已过填报截止时间",
                    $"{string.Join("、", late)}已过截止时间仍有未提交项。可在评价周期页面查看逾期未报清单，催报或延长截止时间。", "/periods", now, false));
        }
        return items;
    }

    /// <summary>
    /// 工作日历缺少放假安排: working days (审批时间, 整改时限) cannot be counted into a year without its schedule, and imports whose
    /// deadlines fall into it are refused. Reminds administrators, who enter it, and the office, whose imports depend on it.
    /// </summary>
    private static async Task<List<InboxItem>> CalendarReminderAsync(EvalDbContext db, bool administers, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(BeijingTime.FromUtc(now));
        var calendar = await CaseData.WorkingCalendarService.CalendarAsync(db, ct);
        if (calendar.MissingYear(today) is not { } year)
            return [];
        var consequence = year == today.Year
            ? $"今天起的审批时间和整改时限无法计算，办件和好差评数据无法导入。"
            : $"整改时限或审批时间落在{year}年的办件和差评（12月起即会出现）将无法导入或计算。";
        var action = administers ? $"请在 系统管理 → 工作日历 中录入国务院办公厅公布的{year}年放假安排。" : $"请联系系统管理员录入{year}年放假安排。";
        return [new InboxItem(null, NotificationKind.CalendarMissing, $"工作日历缺少{year}年放假安排", consequence + action,
            administers ? "/admin" : "/case-data", now, false)];
    }

    /// <summary>Departments responsible for at least one department-submitted indicator of the period, by name.</summary>
    private static async Task<List<(Guid Id, string Name)>> SubmittingDepartmentsAsync(EvalDbContext db, EvaluationPeriod period, CancellationToken ct) =>
        (await (from n in db.IndicatorNodes
                join d in db.Departments on n.ResponsibleDepartmentId equals d.Id
                where n.SystemId == period.IndicatorSystemId && n.Kind == NodeKind.Indicator && n.Source == IndicatorSource.DepartmentSubmission
                select new { d.Id, d.Name, d.Code }).Distinct().ToListAsync(ct))
            .OrderBy(d => d.Code).Select(d => (d.Id, d.Name)).ToList();
}
