using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Submissions;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Periods;

public sealed class CreatePeriodForm
{
    public PeriodKind Kind { get; set; } = PeriodKind.Quarter;
    public int Year { get; set; } = DateTime.Today.Year;
    public int Part { get; set; } = 1;
    public string? Name { get; set; }
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }
    public Guid SystemId { get; set; }
}

/// <summary>
/// Collection progress of one department in a period (the overview offices ask for most), with the department's deadline in
/// force (<see cref="DeadlineUtc"/>). <see cref="OwnDeadlineUtc"/> and <see cref="OwnDeadlineReason"/> are set when the department
/// has its own deadline (部门单独截止时间); <see cref="OwnDeadlineInForce"/> only while it is later than the period's, i.e. an
/// extension — once the period's deadline has caught up with it, the period's is in force.
/// </summary>
public sealed record DepartmentProgress(string Department, int Expected, int Draft, int Submitted, int Approved, int Returned)
{
    public Guid DepartmentId { get; init; }
    public DateTime? DeadlineUtc { get; init; }
    public DateTime? OwnDeadlineUtc { get; init; }
    public string? OwnDeadlineReason { get; init; }
    public bool OwnDeadlineInForce { get; init; }
    public bool HasOwnDeadline => OwnDeadlineUtc is not null;

    /// <summary>Values not yet handed in: never started, or still a draft.</summary>
    public int Missing => Expected - Submitted - Approved - Returned;
}

/// <summary>
/// One entry a department still owes in a period: never entered, still a draft, or returned and not resubmitted.
/// <see cref="Overdue"/> once that department's deadline in force has passed.
/// </summary>
public sealed record OutstandingItem(string Department, string IndicatorCode, string IndicatorName, string TargetName, string Status,
    DateTime? DeadlineUtc = null, bool Overdue = false);

/// <summary>
/// The outstanding entries of a period. <see cref="DeadlineUtc"/> is the period's deadline; <see cref="Overdue"/> once some
/// department with open entries is past its own deadline in force (逾期未报清单).
/// </summary>
public sealed record OutstandingList(DateTime? DeadlineUtc, bool Overdue, IReadOnlyList<OutstandingItem> Items)
{
    public int OverdueCount => Items.Count(i => i.Overdue);
}

/// <summary>
/// 评价周期 use cases: create, open for collection, move the deadline (for the period or one department), close, archive,
/// reopen (evaluation office only).
/// </summary>
public sealed class PeriodService(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    public async Task<IReadOnlyList<(Guid Id, string Label)>> PublishedSystemsAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManagePeriods, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.IndicatorSystems.AsNoTracking().Where(s => s.Status == SystemStatus.Published)
                .OrderBy(s => s.Name).ThenByDescending(s => s.Version).ToListAsync(ct))
            .Select(s => (s.Id, s.DisplayName)).ToList();
    }

    public async Task<Guid> CreateAsync(CreatePeriodForm form, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManagePeriods, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var system = await db.IndicatorSystems.SingleOrDefaultAsync(s => s.Id == form.SystemId, ct)
            ?? throw new DomainException("请选择一个已发布的指标体系版本。");
        var (name, start, end) = form.Kind == PeriodKind.Custom
            ? (form.Name ?? "", DateOnly.FromDateTime(form.Start ?? throw new DomainException("请填写开始日期。")),
                DateOnly.FromDateTime(form.End ?? throw new DomainException("请填写结束日期。")))
            : PeriodNaming.For(form.Kind, form.Year, form.Part);
        if (await db.Periods.AnyAsync(p => p.Name == name && p.TargetKind == system.TargetKind, ct))
            throw new DomainException($"评价周期「{name}」已存在。");
        var period = new EvaluationPeriod(name, system, start, end);
        db.Periods.Add(period);
        await db.SaveChangesAsync(ct);
        return period.Id;
    }

    public Task OpenCollectionAsync(Guid periodId, DateTime deadlineUtc, CancellationToken ct = default) =>
        ChangeAsync(periodId, p => p.OpenCollection(deadlineUtc, clock.GetUtcNow().UtcDateTime), ct);

    /// <summary>
    /// Moves the period's deadline. Returns the departments whose own deadline was an extension before and is not any more
    /// (the new deadline is as late or later), so that the office is told at once rather than by the grey chip later.
    /// </summary>
    public async Task<DeadlineChanged> ChangeDeadlineAsync(Guid periodId, DateTime deadlineUtc, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManagePeriods, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw new DomainException("评价周期不存在或已被删除。");
        var extendedBefore = period.DepartmentDeadlines.Where(d => period.ExtensionFor(d.DepartmentId) is not null).Select(d => d.DepartmentId).ToList();
        period.ChangeDeadline(deadlineUtc, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var overtaken = extendedBefore.Where(d => period.ExtensionFor(d) is null).ToList();
        return new DeadlineChanged(overtaken.Count == 0
            ? []
            : await db.Departments.Where(d => overtaken.Contains(d.Id)).OrderBy(d => d.Code).Select(d => d.Name).ToListAsync(ct));
    }

    /// <summary>
    /// 单独设置截止时间: gives one department its own deadline in the period (replacing an earlier one), later than the period's,
    /// with a mandatory reason.
    /// </summary>
    public async Task SetDepartmentDeadlineAsync(Guid periodId, Guid departmentId, DateTime deadlineUtc, string reason, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManagePeriods, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw new DomainException("评价周期不存在或已被删除。");
        if (!await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
            throw new DomainException("部门不存在，请重新选择。");
        period.SetDepartmentDeadline(departmentId, deadlineUtc, reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a department's own deadline: the period's deadline applies to it again.</summary>
    public Task RemoveDepartmentDeadlineAsync(Guid periodId, Guid departmentId, CancellationToken ct = default) =>
        ChangeAsync(periodId, p => p.RemoveDepartmentDeadline(departmentId), ct);

    public Task CloseCollectionAsync(Guid periodId, CancellationToken ct = default) => ChangeAsync(periodId, p => p.CloseCollection(), ct);

    public Task ArchiveAsync(Guid periodId, CancellationToken ct = default) => ChangeAsync(periodId, p => p.Archive(), ct);

    public Task ReopenAsync(Guid periodId, string reason, CancellationToken ct = default) => ChangeAsync(periodId, p => p.Reopen(reason), ct);

    /// <summary>Submissions of the period that wait for a review decision.</summary>
    public async Task<int> UnreviewedCountAsync(Guid periodId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewPeriods, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Submissions.CountAsync(s => s.PeriodId == periodId && s.Status == SubmissionStatus.Submitted, ct);
    }

    /// <summary>Per responsible department: how many values are expected, and how many are drafts, submitted, approved, returned.</summary>
    public async Task<IReadOnlyList<DepartmentProgress>> ProgressAsync(Guid periodId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewPeriods, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == periodId, ct);
        var targetCount = await db.Targets.CountAsync(t => t.Kind == period.TargetKind, ct);
        var indicators = await db.IndicatorNodes.AsNoTracking()
            .Where(n => n.SystemId == period.IndicatorSystemId && n.Kind == NodeKind.Indicator && n.Source == IndicatorSource.DepartmentSubmission)
            .Select(n => new { n.Id, n.ResponsibleDepartmentId })
            .ToListAsync(ct);
        var statuses = await db.Submissions.AsNoTracking().Where(s => s.PeriodId == periodId)
            .GroupBy(s => new { s.DepartmentId, s.Status })
            .Select(g => new { g.Key.DepartmentId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        int Count(Guid department, SubmissionStatus status) =>
            statuses.Where(s => s.DepartmentId == department && s.Status == status).Sum(s => s.Count);
        return indicators
            .Where(i => i.ResponsibleDepartmentId is not null)
            .GroupBy(i => i.ResponsibleDepartmentId!.Value)
            .Select(g =>
            {
                var own = period.DepartmentDeadlines.SingleOrDefault(d => d.DepartmentId == g.Key);
                return new DepartmentProgress(departments.GetValueOrDefault(g.Key, "?"), g.Count() * targetCount,
                    Count(g.Key, SubmissionStatus.Draft), Count(g.Key, SubmissionStatus.Submitted), Count(g.Key, SubmissionStatus.Approved), Count(g.Key, SubmissionStatus.Returned))
                {
                    DepartmentId = g.Key,
                    DeadlineUtc = period.DeadlineFor(g.Key),
                    OwnDeadlineUtc = own?.DeadlineUtc,
                    OwnDeadlineReason = own?.Reason,
                    OwnDeadlineInForce = period.ExtensionFor(g.Key) is not null,
                };
            })
            .OrderByDescending(p => p.Missing).ThenBy(p => p.Department)
            .ToList();
    }

    /// <summary>
    /// 未报清单: every department-submitted indicator × target of the period that is not submitted or approved, by department.
    /// Entries of a department past its own deadline in force are overdue: this is the list the office chases.
    /// </summary>
    public async Task<OutstandingList> OutstandingAsync(Guid periodId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewPeriods, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw new DomainException("评价周期不存在或已被删除。");
        var indicators = await db.IndicatorNodes.AsNoTracking()
            .Where(n => n.SystemId == period.IndicatorSystemId && n.Kind == NodeKind.Indicator && n.Source == IndicatorSource.DepartmentSubmission && n.ResponsibleDepartmentId != null)
            .OrderBy(n => n.Code)
            .Select(n => new { n.Id, n.Code, n.NameZh, Department = n.ResponsibleDepartmentId!.Value })
            .ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Kind == period.TargetKind).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var statuses = await db.Submissions.AsNoTracking().Where(s => s.PeriodId == periodId)
            .Select(s => new { s.IndicatorNodeId, s.TargetId, s.Status })
            .ToDictionaryAsync(s => (s.IndicatorNodeId, s.TargetId), s => s.Status, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = new List<OutstandingItem>();
        foreach (var indicator in indicators.OrderBy(i => departments.GetValueOrDefault(i.Department, "?")).ThenBy(i => i.Code))
        {
            foreach (var target in targets)
            {
                var status = statuses.TryGetValue((indicator.Id, target.Id), out var s) ? s : (SubmissionStatus?)null;
                if (status is SubmissionStatus.Submitted or SubmissionStatus.Approved)
                    continue;
                var deadline = period.DeadlineFor(indicator.Department);
                items.Add(new OutstandingItem(departments.GetValueOrDefault(indicator.Department, "?"), indicator.Code, indicator.NameZh, target.Name,
                    status is { } known ? Submission.Label(known) : "未填报", deadline, deadline < now));
            }
        }
        return new OutstandingList(period.SubmissionDeadlineUtc, items.Any(i => i.Overdue), items);
    }

    private async Task ChangeAsync(Guid periodId, Action<EvaluationPeriod> change, CancellationToken ct)
    {
        await access.RequireAsync(Policies.ManagePeriods, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw new DomainException("评价周期不存在或已被删除。");
        change(period);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The outcome of moving a period's deadline: the departments whose own deadline it overtook.</summary>
public sealed record DeadlineChanged(IReadOnlyList<string> OvertakenDepartments)
{
    /// <summary>What the office is told when an extension stopped applying; null when none did.</summary>
    public string? Notice => OvertakenDepartments.Count == 0
        ? null
        : $"{string.Join("、", OvertakenDepartments)}的单独截止时间不晚于新的周期截止时间，已不再生效；如仍需延期，请在「收集进度」中重新设置。";
}
