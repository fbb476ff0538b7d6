using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Submissions;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Submissions;

/// <summary>
/// One line of 我的填报: an indicator and target the department must report in a collecting period, with the department's
/// deadline in force (its own, else the period's).
/// </summary>
public sealed record MyItem(
    Guid PeriodId, string PeriodName, DateTime? DeadlineUtc, Guid IndicatorNodeId, string IndicatorCode, string IndicatorName, string Unit,
    Guid TargetId, string TargetName, Guid? SubmissionId, SubmissionStatus? Status, double? Value, string? Note, double? PreviousValue, string? ReturnComment,
    DateTime? UpdatedAtUtc = null)
{
    public string StatusLabel => Status is { } s ? Submission.Label(s) : "未填报";
    public bool CanEdit => Status is null or SubmissionStatus.Draft or SubmissionStatus.Returned;
}

/// <summary>One line of the review queue: the value against last period's and against the median of the peers this period.</summary>
public sealed record ReviewItem(Guid SubmissionId, string PeriodName, string Department, string IndicatorCode, string IndicatorName, string Unit,
    string TargetName, double Value, double? PreviousValue, double? PeerMedian, string? Note, int Version, DateTime SubmittedAtUtc, SubmissionStatus Status);

/// <summary>Review queue filters; by default what waits for a decision.</summary>
public sealed record ReviewFilter(Guid? PeriodId = null, Guid? DepartmentId = null, string? IndicatorCode = null, SubmissionStatus Status = SubmissionStatus.Submitted);

public sealed record FilterOption(Guid Id, string Name);

public sealed record HistoryEntry(int Version, SubmissionAction Action, double? Value, string? Text, string UserName, DateTime AtUtc)
{
    public string ActionLabel => Action switch
    {
        SubmissionAction.Created => "创建",
        SubmissionAction.Saved => "保存草稿",
        SubmissionAction.Submitted => "提交",
        SubmissionAction.Approved => "审核通过",
        SubmissionAction.Returned => "退回",
        _ => Action.ToString(),
    };
}

public sealed class SubmissionQueries(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access)
{
    /// <summary>Every version and decision of a submission, oldest first. Departments read only their own.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid submissionId, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewEvidence, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await db.Submissions.AsNoTracking().Include(s => s.History).SingleOrDefaultAsync(s => s.Id == submissionId, ct)
            ?? throw new Domain.Common.DomainException("填报不存在或已被删除。");
        await access.RequireReadableAsync(user, submission.DepartmentId, nameof(Submission), submissionId.ToString(), "这条填报不属于贵部门。", ct);
        var who = await UserDisplayNames.ForAsync(db, submission.History.Select(e => e.UserName), ct);
        return submission.History.OrderBy(e => e.AtUtc).ThenBy(e => e.Action)
            .Select(e => new HistoryEntry(e.Version, e.Action, e.Value, e.Text, who(e.UserName), e.AtUtc)).ToList();
    }

    /// <summary>The department's own indicators in every period that is collecting, with status and last period's value.</summary>
    public async Task<IReadOnlyList<MyItem>> MineAsync(CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.SubmitData, ct);
        var department = AccessGuard.RequireDepartment(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = await db.Periods.AsNoTracking().Where(p => p.Status == PeriodStatus.Collecting).OrderBy(p => p.StartDate).ToListAsync(ct);
        var items = new List<MyItem>();
        foreach (var period in periods)
        {
            var indicators = await db.IndicatorNodes.AsNoTracking()
                .Where(n => n.SystemId == period.IndicatorSystemId && n.Source == IndicatorSource.DepartmentSubmission && n.ResponsibleDepartmentId == department)
                .OrderBy(n => n.Code).ToListAsync(ct);
            var targets = await db.Targets.AsNoTracking().Where(t => t.Kind == period.TargetKind).OrderBy(t => t.Name).ToListAsync(ct);
            var submissions = await db.Submissions.AsNoTracking().Include(s => s.History)
                .Where(s => s.PeriodId == period.Id && s.DepartmentId == department).ToListAsync(ct);
            var previous = await db.Periods.AsNoTracking()
                .Where(p => p.TargetKind == period.TargetKind && p.StartDate < period.StartDate).OrderByDescending(p => p.StartDate).FirstOrDefaultAsync(ct);
            var codes = indicators.Select(i => i.Code).ToList();
            var previousValues = previous is null ? [] : await (from v in db.IndicatorValues.AsNoTracking()
                                                                join n in db.IndicatorNodes.AsNoTracking() on v.IndicatorNodeId equals n.Id
                                                                where v.PeriodId == previous.Id && codes.Contains(n.Code)
                                                                select new { v.TargetId, n.Code, v.Value }).ToListAsync(ct);
            foreach (var indicator in indicators)
            {
                foreach (var target in targets)
                {
                    var s = submissions.FirstOrDefault(x => x.IndicatorNodeId == indicator.Id && x.TargetId == target.Id);
                    var before = previousValues.FirstOrDefault(v => v.TargetId == target.Id && v.Code == indicator.Code)?.Value;
                    var returned = s?.Status == SubmissionStatus.Returned ? s.History.Where(e => e.Action == SubmissionAction.Returned).MaxBy(e => e.AtUtc)?.Text : null;
                    items.Add(new MyItem(period.Id, period.Name, period.DeadlineFor(department), indicator.Id, indicator.Code, indicator.NameZh, indicator.Unit ?? "",
                        target.Id, target.Name, s?.Id, s?.Status, s?.Value, s?.Note, before, returned, s?.UpdatedAtUtc));
                }
            }
        }
        return items;
    }

    /// <summary>Submissions matching the filter (by default those waiting for a decision), oldest first.</summary>
    public async Task<IReadOnlyList<ReviewItem>> QueueAsync(ReviewFilter? filter = null, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ReviewSubmissions, ct);
        filter ??= new ReviewFilter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = string.IsNullOrWhiteSpace(filter.IndicatorCode) ? null : filter.IndicatorCode.Trim();
        var rows = await (from s in db.Submissions.AsNoTracking()
                          join p in db.Periods.AsNoTracking() on s.PeriodId equals p.Id
                          join d in db.Departments.AsNoTracking() on s.DepartmentId equals d.Id
                          join n in db.IndicatorNodes.AsNoTracking() on s.IndicatorNodeId equals n.Id
                          join t in db.Targets.AsNoTracking() on s.TargetId equals t.Id
                          where s.Status == filter.Status
                                && (filter.PeriodId == null || s.PeriodId == filter.PeriodId)
                                && (filter.DepartmentId == null || s.DepartmentId == filter.DepartmentId)
                                && (code == null || n.Code == code)
                          orderby s.UpdatedAtUtc
                          select new { s.Id, s.PeriodId, s.IndicatorNodeId, Period = p.Name, p.StartDate, p.TargetKind, Department = d.Name, n.Code, n.NameZh, n.Unit, Target = t.Name, s.TargetId, s.Value, s.Note, s.Version, s.UpdatedAtUtc, s.Status })
            .Take(500)
            .ToListAsync(ct);

        // Peers: every other value entered for the same indicator in the same period.
        var groups = rows.Select(r => (r.PeriodId, r.IndicatorNodeId)).Distinct().ToList();
        var peers = new Dictionary<(Guid, Guid), List<(Guid Id, double Value)>>();
        foreach (var (periodId, nodeId) in groups)
        {
            peers[(periodId, nodeId)] = (await db.Submissions.AsNoTracking()
                    .Where(x => x.PeriodId == periodId && x.IndicatorNodeId == nodeId && x.Value != null)
                    .Select(x => new { x.Id, x.Value }).ToListAsync(ct))
                .Select(x => (x.Id, x.Value!.Value)).ToList();
        }

        // Last period's values of the same targets and indicators, in one query rather than one per row.
        var targetIds = rows.Select(r => r.TargetId).Distinct().ToList();
        var codes = rows.Select(r => r.Code).Distinct().ToList();
        var history = await (from v in db.IndicatorValues.AsNoTracking()
                             join p in db.Periods.AsNoTracking() on v.PeriodId equals p.Id
                             join n in db.IndicatorNodes.AsNoTracking() on v.IndicatorNodeId equals n.Id
                             where targetIds.Contains(v.TargetId) && codes.Contains(n.Code)
                             select new { v.TargetId, n.Code, p.TargetKind, p.StartDate, v.Value }).ToListAsync(ct);

        var result = new List<ReviewItem>(rows.Count);
        foreach (var r in rows)
        {
            var previous = history
                .Where(h => h.TargetId == r.TargetId && h.Code == r.Code && h.TargetKind == r.TargetKind && h.StartDate < r.StartDate)
                .MaxBy(h => h.StartDate)?.Value;
            var others = peers[(r.PeriodId, r.IndicatorNodeId)].Where(x => x.Id != r.Id).Select(x => x.Value).Order().ToList();
            double? median = others.Count == 0 ? null : others.Count % 2 == 1 ? others[others.Count / 2] : (others[others.Count / 2 - 1] + others[others.Count / 2]) / 2;
            result.Add(new ReviewItem(r.Id, r.Period, r.Department, r.Code, r.NameZh, r.Unit ?? "", r.Target, r.Value ?? 0, previous, median, r.Note, r.Version, r.UpdatedAtUtc, r.Status));
        }
        return result;
    }

    public async Task<(IReadOnlyList<FilterOption> Periods, IReadOnlyList<FilterOption> Departments)> FilterOptionsAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ReviewSubmissions, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = await db.Periods.AsNoTracking().OrderByDescending(p => p.StartDate).Select(p => new FilterOption(p.Id, p.Name)).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new FilterOption(d.Id, d.Name)).ToListAsync(ct);
        return (periods, departments);
    }
}
