using System.Security.Claims;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.EvidenceFiles;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Supervision;

/// <summary>
/// Reads of 督查督办: the office, leaders and auditors read every task; a department user only the tasks its department is
/// responsible for (opening another's is refused and audited). Overdue days are computed on read from today's date, so the
/// board is right even before the background check has raised the escalation level.
/// </summary>
public sealed class SupervisionQueries(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, EvidenceStore store, TimeProvider clock)
{
    private const string NotYours = "这项督查任务不是交办给贵部门的，无权查看。";

    public async Task<IReadOnlyList<SupervisionRow>> ListAsync(SupervisionFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var user = await access.RequireAsync(Policies.ViewSupervision, ct);
        var own = await OwnDepartmentAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = BeijingTime.Today(clock);
        var query = db.SupervisionTasks.AsNoTracking().Include(t => t.Extensions).AsQueryable();
        if (own is { } mine)
            query = query.Where(t => t.DepartmentId == mine);
        else if (filter.DepartmentId is { } department)
            query = query.Where(t => t.DepartmentId == department);
        if (filter.Status is { } status)
            query = query.Where(t => t.Status == status);
        if (filter.Source is { } source)
            query = query.Where(t => t.Source == source);
        if (filter.OpenOnly)
            query = query.Where(t => t.Status != SupervisionStatus.Closed);
        if (filter.OverdueOnly)
            query = query.Where(t => t.Status != SupervisionStatus.Closed && t.Deadline < today);
        var names = await DepartmentNamesAsync(db, ct);
        var tasks = await query.OrderBy(t => t.Deadline).Take(1000).ToListAsync(ct);
        return tasks.Select(t => RowOf(t, names, today))
            .OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.Deadline).ThenBy(r => r.Number, StringComparer.Ordinal).ToList();
    }

    public async Task<SupervisionDetail> GetAsync(Guid taskId, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.SupervisionTasks.AsNoTracking().Include(t => t.History).Include(t => t.ProgressReports).Include(t => t.Extensions)
            .AsSplitQuery().SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new DomainException("督查任务不存在或已被删除。");
        if (await OwnDepartmentAsync(user) is not null)
            await access.RequireSameDepartmentAsync(user, task.DepartmentId, nameof(SupervisionTask), taskId.ToString(), NotYours, ct);
        var names = await DepartmentNamesAsync(db, ct);
        var files = await db.SupervisionAttachments.AsNoTracking().Where(a => a.TaskId == taskId)
            .ToDictionaryAsync(a => a.Id, a => new AttachmentView(a.Id, a.DisplayName, a.ContentType, a.SizeBytes, a.Sha256), ct);
        var target = task.TargetId is { } tid ? await db.Targets.Where(t => t.Id == tid).Select(t => t.Name).SingleOrDefaultAsync(ct) : null;
        var period = task.PeriodId is { } pid ? await db.Periods.Where(p => p.Id == pid).Select(p => p.Name).SingleOrDefaultAsync(ct) : null;
        var today = BeijingTime.Today(clock);
        var who = await UserDisplayNames.ForAsync(db, task.History.Select(h => h.UserName)
            .Concat(task.ProgressReports.Select(r => r.ReportedByName))
            .Concat(task.Extensions.SelectMany(x => new[] { x.RequestedByName, x.DecidedByName }))
            .Append(task.CreatedByName), ct);
        return new SupervisionDetail(
            RowOf(task, names, today), task.Problem,
            task.SupportingDepartmentIds.Select(id => names.GetValueOrDefault(id, "—")).ToList(),
            target, task.IndicatorCode, period, who(task.CreatedByName),
            task.History.OrderBy(h => h.AtUtc).Select(h => new HistoryView(h.Action, h.Text, who(h.UserName), h.AtUtc)).ToList(),
            task.ProgressReports.OrderBy(r => r.ReportedAtUtc).Select(r => new ProgressView(r.Id, r.Text, who(r.ReportedByName), r.ReportedAtUtc,
                r.EvidenceFileIds.Where(files.ContainsKey).Select(id => files[id]).ToList())).ToList(),
            task.Extensions.OrderBy(x => x.RequestedAtUtc).Select(x => new ExtensionView(x.Id, x.Reason, x.PreviousDeadline, x.RequestedDeadline, x.Status,
                who(x.RequestedByName), x.RequestedAtUtc, x.DecidedByName is null ? null : who(x.DecidedByName), x.DecisionComment)).ToList(),
            await AllowedAsync(user, task));
    }

    /// <summary>领导汇总: counts by status, and per department the on-time rate over the tasks due between the dates.</summary>
    public async Task<SupervisionSummary> SummaryAsync(SummaryPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var user = await access.RequireAsync(Policies.ViewSupervision, ct);
        var own = await OwnDepartmentAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = BeijingTime.Today(clock);
        var tasks = await db.SupervisionTasks.AsNoTracking().Include(t => t.Extensions)
            .Where(t => own == null || t.DepartmentId == own).ToListAsync(ct);
        var names = await DepartmentNamesAsync(db, ct);
        var byStatus = Enum.GetValues<SupervisionStatus>().ToDictionary(s => s, s => tasks.Count(t => t.Status == s));
        var departments = tasks.GroupBy(t => t.DepartmentId).Select(g =>
        {
            var due = g.Where(t => t.Deadline >= period.From && t.Deadline <= period.To).ToList();
            return new DepartmentSummary(g.Key, names.GetValueOrDefault(g.Key, "—"), g.Count(), g.Count(t => !t.IsClosed), g.Count(t => t.IsOverdue(today)),
                g.Count(t => t.IsClosed), due.Count, due.Count(t => t.ClosedOnTime),
                SupervisionMeasures.OnTimeCompletionRate(g, g.Key, period.From, period.To));
        }).OrderBy(d => d.OnTimeRate ?? 101).ThenBy(d => d.DepartmentName, StringComparer.Ordinal).ToList();
        return new SupervisionSummary(period.Name, period.From, period.To, byStatus, tasks.Count(t => t.IsOverdue(today)), departments);
    }

    /// <summary>The periods the summary can be shown for, the one containing today first.</summary>
    public async Task<IReadOnlyList<SummaryPeriod>> SummaryPeriodsAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = BeijingTime.Today(clock);
        var periods = await db.Periods.AsNoTracking().OrderByDescending(p => p.StartDate)
            .Select(p => new SummaryPeriod(p.Id, p.Name, p.StartDate, p.EndDate)).ToListAsync(ct);
        return periods.OrderByDescending(p => p.From <= today && today <= p.To).ThenByDescending(p => p.From).ToList();
    }

    public async Task<IReadOnlyList<DepartmentChoice>> DepartmentsAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartmentChoice(d.Id, d.Name)).ToListAsync(ct);
    }

    /// <summary>A progress report's file for a download, readable by whoever may read the task.</summary>
    public async Task<(AttachmentView Item, Stream Content)> OpenAttachmentAsync(Guid attachmentId, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.SupervisionAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw new DomainException("佐证材料不存在。");
        if (await OwnDepartmentAsync(user) is not null)
        {
            var owner = await db.SupervisionTasks.Where(t => t.Id == file.TaskId).Select(t => t.DepartmentId).SingleAsync(ct);
            await access.RequireSameDepartmentAsync(user, owner, nameof(SupervisionAttachment), attachmentId.ToString(), NotYours, ct);
        }
        return (new AttachmentView(file.Id, file.DisplayName, file.ContentType, file.SizeBytes, file.Sha256), store.OpenRead(file.StoredName));
    }

    /// <summary>Department users see their own department only; everyone else who may view sees all.</summary>
    private async Task<Guid?> OwnDepartmentAsync(ClaimsPrincipal user) =>
        await access.AllowsAsync(user, Policies.HandleSupervision) ? AccessGuard.RequireDepartment(user) : null;

    private async Task<SupervisionActions> AllowedAsync(ClaimsPrincipal user, SupervisionTask task)
    {
        var status = task.Status;
        if (await access.AllowsAsync(user, Policies.ManageSupervision))
            return SupervisionActions.None with
            {
                Verify = status == SupervisionStatus.SubmittedForVerification && task.PendingExtension is null,
                DecideExtension = task.PendingExtension is not null,
            };
        if (await access.AllowsAsync(user, Policies.HandleSupervision) && user.GetDepartmentId() == task.DepartmentId)
        {
            var working = status is SupervisionStatus.Accepted or SupervisionStatus.InProgress or SupervisionStatus.SentBack;
            return new SupervisionActions(status == SupervisionStatus.Issued, working, status == SupervisionStatus.InProgress,
                working && task.PendingExtension is null, false, false);
        }
        return SupervisionActions.None;
    }

    internal static async Task<Dictionary<Guid, string>> DepartmentNamesAsync(EvalDbContext db, CancellationToken ct) =>
        await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);

    internal static SupervisionRow RowOf(SupervisionTask t, IReadOnlyDictionary<Guid, string> names, DateOnly today) =>
        new(t.Id, t.Number.ToString(), t.Title, t.Source, t.Priority, t.DepartmentId, names.GetValueOrDefault(t.DepartmentId, "—"), t.RegionCode,
            t.Deadline, t.OriginalDeadline, t.Status, t.EscalationLevel, t.DaysOverdue(today), t.PendingExtension is not null, t.ClosedOn, t.ClosedOnTime,
            t.CreatedAtUtc);
}
