using System.Security.Claims;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Notifications;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.EvidenceFiles;
using EvalSystem.Web.Features.Notifications;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalSystem.Web.Features.Supervision;

/// <summary>
/// 督查督办: the office issues tasks (by hand, from a score run, from a bad review), verifies and closes them or sends them
/// back, and decides extensions; the responsible department accepts, reports progress with files, submits for verification
/// and asks for extensions — on its own tasks only (anyone else is refused and audited). Leaders and auditors read only.
/// Every change passes through the audit interceptor; notifications are saved with the change they report.
/// </summary>
public sealed class SupervisionService(
    IDbContextFactory<EvalDbContext> dbFactory,
    AccessGuard access,
    EvidenceStore store,
    SupervisionMeasureService measures,
    TimeProvider clock,
    IOptions<SupervisionOptions> options)
{
    private const string NotYours = "这项督查任务不是交办给贵部门的，无权办理。";
    private const int NumberAttempts = 5;

    /// <summary>人工交办: issues one task; returns its number.</summary>
    public async Task<string> CreateAsync(SupervisionTaskForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await access.RequireAsync(Policies.ManageSupervision, ct);
        var draft = new SupervisionTaskDraft(form.Title, form.Problem, SupervisionSource.Manual, form.DepartmentId, form.Deadline, form.Priority)
        {
            RegionCode = string.IsNullOrWhiteSpace(form.RegionCode) ? null : form.RegionCode.Trim(),
            SupportingDepartmentIds = form.SupportingDepartmentIds,
        };
        var numbers = await IssueAsync([draft], user.ToUserRef(), ct);
        return numbers[0];
    }

    /// <summary>差评转督办: makes a bad review's rectification item a supervision task (source 差评整改); once per bad review.</summary>
    public async Task<string> FromRectificationAsync(Guid rectificationItemId, DateOnly deadline, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ManageSupervision, ct);
        SupervisionTaskDraft draft;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var item = await db.RectificationItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == rectificationItemId, ct)
                ?? throw new DomainException("差评整改事项不存在。");
            var rating = await db.Ratings.AsNoTracking().SingleAsync(r => r.RatingId == item.RatingId, ct);
            if (await db.SupervisionTasks.AnyAsync(t => t.RatingId == rating.Id, ct))
                throw new DomainException($"差评{item.RatingId}已经转为督查任务，不能重复转办。");
            draft = SupervisionTaskGenerator.FromBadReview(rating.Id, item.DepartmentId, item.RegionCode, rating.RatedAt, rating.Comment, deadline);
        }
        try
        {
            return (await IssueAsync([draft], user.ToUserRef(), ct))[0];
        }
        catch (DbUpdateException)
        {
            // The unique index on the rating: another office made it a task at the same moment.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.SupervisionTasks.AnyAsync(t => t.RatingId == draft.RatingId, ct))
                throw new DomainException("这条差评刚刚已被转为督查任务，不能重复转办。");
            throw;
        }
    }

    /// <summary>
    /// Numbers and issues drafts in one transaction and tells each responsible department. The year's counter row is a
    /// concurrency token: when another office took the same numbers meanwhile, the save fails and is retried from scratch.
    /// A draft the domain refuses (a past deadline, a missing department) refuses the whole batch; nothing is stored.
    /// </summary>
    internal async Task<IReadOnlyList<string>> IssueAsync(IReadOnlyList<SupervisionTaskDraft> drafts, UserRef by, CancellationToken ct)
    {
        if (drafts.Count == 0)
            return [];
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = BeijingTime.Now(clock);
            var departments = drafts.Select(d => d.DepartmentId).Distinct().ToList();
            var known = await db.Departments.Where(d => departments.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
            if (known.Count != departments.Count)
                throw new DomainException("主责单位不存在，请重新选择。");
            var year = now.Year;
            var counter = await db.SupervisionNumberCounters.SingleOrDefaultAsync(c => c.Year == year, ct);
            if (counter is null)
            {
                counter = new SupervisionNumberCounter { Year = year };
                db.SupervisionNumberCounters.Add(counter);
            }
            var numbers = new List<string>(drafts.Count);
            var sequence = counter.LastSequence;
            foreach (var draft in drafts)
            {
                var task = new SupervisionTask(new SupervisionNumber(year, ++sequence), draft, by, now);
                db.SupervisionTasks.Add(task);
                numbers.Add(task.Number.ToString());
                await NotificationService.NotifyDepartmentAsync(db, task.DepartmentId, NotificationKind.SupervisionIssued,
                    $"新督查任务 {task.Number}", $"{task.Title}。整改期限 {task.Deadline:yyyy-MM-dd}，请及时签收。", "/supervision", now.UtcDateTime, ct);
            }
            counter.LastSequence = sequence;
            try
            {
                await db.SaveChangesAsync(ct);
                return numbers;
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Another office numbered tasks at the same moment: take the next free numbers.
            }
        }
    }

    /// <summary>签收</summary>
    public Task AcceptAsync(Guid taskId, CancellationToken ct = default) =>
        DepartmentActAsync(taskId, (task, by, dept, now) => task.Accept(by, dept, now), ct);

    /// <summary>
    /// 报送整改进展 with text and/or files. The domain checks the state and that there is something to report before any
    /// file is stored; a refused file refuses the report and leaves no file behind.
    /// </summary>
    public async Task ReportProgressAsync(Guid taskId, string? text, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var user = await access.RequireAsync(Policies.HandleSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await OwnTaskAsync(db, user, taskId, ct);
        var by = user.ToUserRef();
        var now = BeijingTime.Now(clock);
        var ids = files.Select(_ => Guid.CreateVersion7()).ToList();
        task.ReportProgress(by, AccessGuard.RequireDepartment(user), text, ids, now);

        var stored = new List<string>();
        try
        {
            var already = await db.SupervisionAttachments.Where(a => a.TaskId == taskId).SumAsync(a => (long?)a.SizeBytes, ct) ?? 0;
            for (var i = 0; i < files.Count; i++)
            {
                StoredFile file;
                try
                {
                    file = await store.SaveAsync(files[i].Content, files[i].FileName, already, ct);
                }
                catch (EvidenceRejectedException ex)
                {
                    throw new DomainException(ex.Message);
                }
                stored.Add(file.StoredName);
                already += file.SizeBytes;
                db.SupervisionAttachments.Add(new SupervisionAttachment(ids[i], taskId, files[i].FileName, file.StoredName, file.ContentType, file.SizeBytes,
                    file.Sha256, by, now.UtcDateTime));
            }
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            foreach (var name in stored)
                store.Delete(name); // no orphan file when the report was not saved
            throw;
        }
    }

    /// <summary>提请核验</summary>
    public Task SubmitForVerificationAsync(Guid taskId, string? comment, CancellationToken ct = default) =>
        DepartmentActAsync(taskId, (task, by, dept, now) => task.SubmitForVerification(by, dept, comment, now), ct);

    /// <summary>申请延期: the new deadline at most <see cref="SupervisionOptions.MaxExtensionDays"/> later, with a reason.</summary>
    public Task RequestExtensionAsync(Guid taskId, string reason, DateOnly newDeadline, CancellationToken ct = default) =>
        DepartmentActAsync(taskId, (task, by, dept, now) => task.RequestExtension(by, dept, reason, newDeadline, options.Value.ToPolicy(), now), ct);

    /// <summary>核验销号; then the on-time rate of the periods the deadline falls in is recomputed.</summary>
    public async Task CloseAsync(Guid taskId, string? comment, CancellationToken ct = default)
    {
        await OfficeActAsync(taskId, (task, by, now) => task.Close(by, comment, now), null, ct);
        await measures.RefreshForTaskUncheckedAsync(taskId, ct);
    }

    /// <summary>退回整改 with a mandatory comment; the department is told.</summary>
    public Task SendBackAsync(Guid taskId, string comment, CancellationToken ct = default) =>
        OfficeActAsync(taskId, (task, by, now) => task.SendBack(by, comment, now),
            (db, task, now) => NotificationService.NotifyDepartmentAsync(db, task.DepartmentId, NotificationKind.SupervisionSentBack,
                $"督查任务 {task.Number} 被退回整改", comment, "/supervision", now, ct), ct);

    /// <summary>同意延期</summary>
    public Task ApproveExtensionAsync(Guid taskId, string? comment, CancellationToken ct = default) =>
        OfficeActAsync(taskId, (task, by, now) => task.ApproveExtension(by, comment, now), null, ct);

    /// <summary>不同意延期 with a mandatory reason.</summary>
    public Task RejectExtensionAsync(Guid taskId, string comment, CancellationToken ct = default) =>
        OfficeActAsync(taskId, (task, by, now) => task.RejectExtension(by, comment, now), null, ct);

    /// <summary>立即检查督办: the office runs the escalation check now instead of waiting for the background one.</summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManageSupervision, ct);
        return await EscalateOverdueUncheckedAsync(ct);
    }

    /// <summary>
    /// 督办: raises the escalation level of every open task past its deadline (recorded as the system) and tells the office
    /// about each task whose level rose. Returns how many rose. Run by <see cref="SupervisionEscalationWorker"/>.
    /// </summary>
    internal async Task<int> EscalateOverdueUncheckedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = BeijingTime.Now(clock);
        var today = DateOnly.FromDateTime(now.DateTime);
        var policy = options.Value.ToPolicy();
        var overdue = await db.SupervisionTasks.Include(t => t.History)
            .Where(t => t.Status != SupervisionStatus.Closed && t.Status != SupervisionStatus.SubmittedForVerification && t.Deadline < today)
            .ToListAsync(ct);
        var raised = 0;
        foreach (var task in overdue)
        {
            if (!task.Escalate(now, policy))
                continue;
            raised++;
            await NotificationService.NotifyRoleAsync(db, Roles.Office, NotificationKind.SupervisionEscalated,
                $"督查任务 {task.Number} 督办升级至{task.EscalationLevel}级",
                $"{task.Title}：已超过整改期限 {task.DaysOverdue(today)} 天（期限 {task.Deadline:yyyy-MM-dd}）。", "/supervision", now.UtcDateTime, ct);
        }
        await db.SaveChangesAsync(ct);
        return raised;
    }

    private async Task DepartmentActAsync(Guid taskId, Action<SupervisionTask, UserRef, Guid, DateTimeOffset> act, CancellationToken ct)
    {
        var user = await access.RequireAsync(Policies.HandleSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await OwnTaskAsync(db, user, taskId, ct);
        act(task, user.ToUserRef(), AccessGuard.RequireDepartment(user), BeijingTime.Now(clock));
        await db.SaveChangesAsync(ct);
    }

    private async Task OfficeActAsync(Guid taskId, Action<SupervisionTask, UserRef, DateTimeOffset> act,
        Func<EvalDbContext, SupervisionTask, DateTime, Task>? notify, CancellationToken ct)
    {
        var user = await access.RequireAsync(Policies.ManageSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await LoadAsync(db, taskId, ct);
        var now = BeijingTime.Now(clock);
        act(task, user.ToUserRef(), now);
        if (notify is not null)
            await notify(db, task, now.UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The task, if it is the user's department's; another department's task is refused and the attempt audited.</summary>
    private async Task<SupervisionTask> OwnTaskAsync(EvalDbContext db, ClaimsPrincipal user, Guid taskId, CancellationToken ct)
    {
        var task = await LoadAsync(db, taskId, ct);
        await access.RequireSameDepartmentAsync(user, task.DepartmentId, nameof(SupervisionTask), taskId.ToString(), NotYours, ct);
        return task;
    }

    private static async Task<SupervisionTask> LoadAsync(EvalDbContext db, Guid taskId, CancellationToken ct) =>
        await db.SupervisionTasks.Include(t => t.History).Include(t => t.ProgressReports).Include(t => t.Extensions)
            .AsSplitQuery().SingleOrDefaultAsync(t => t.Id == taskId, ct)
        ?? throw new DomainException("督查任务不存在或已被删除。");
}
