using System.Security.Claims;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Reports;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Rankings;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Reports;

/// <summary>
/// 报表中心: request a report (checked here, on the server: who may request which kind, and for which target), list the history,
/// and open a finished file for download. Generation itself happens in <see cref="ReportWorker"/>.
/// <para>
/// Who sees what: the office and auditors see every job; everyone else their own. Office and auditors may request every kind;
/// leaders 排名通报, 评分卡 and 指标明细; a department user only the scorecard of its own department's target in a published run.
/// </para>
/// </summary>
public sealed class ReportCenterService(
    IDbContextFactory<EvalDbContext> dbFactory,
    AccessGuard access,
    ReportCatalog catalog,
    ReportQueue queue,
    ReportFileStore store,
    ReportOptions options,
    TimeProvider clock)
{
    public const int HistorySize = 100;
    public const int MaxRangeDays = 366;
    private const string Entity = nameof(ReportJob);

    public async Task<ReportCenterChoices> ChoicesAsync(CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewReports, ct);
        var kinds = catalog.Kinds.Where(k => MayRequest(user, k))
            .Select(k => new ReportKindOption(k.Key, k.DisplayName, k.Description, k.Inputs)).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await VisibleRunsAsync(db, user, ct);
        var periods = kinds.Any(k => k.Has(ReportInputs.Period))
            ? await db.Periods.AsNoTracking().OrderByDescending(p => p.StartDate).ThenBy(p => p.Name)
                .Select(p => new ReportPeriodOption(p.Id, p.Name)).ToListAsync(ct)
            : [];
        return new ReportCenterChoices(kinds, runs.Select(r => new ReportRunOption(r.RunId, RunLabel(r), r.Status == ScoreRunStatus.Published)).ToList(), periods);
    }

    /// <summary>The targets of a run the user may pick: all of them, or for a department user its own.</summary>
    public async Task<IReadOnlyList<ReportTargetOption>> TargetsAsync(Guid runId, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewReports, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var own = SeesOwnDepartmentOnly(user) ? user.GetDepartmentId() ?? Guid.Empty : (Guid?)null;
        return await (from s in db.TargetScores.AsNoTracking()
                      where s.RunId == runId
                      join t in db.Targets.AsNoTracking() on s.TargetId equals t.Id
                      where own == null || (t.Kind == TargetKind.Department && t.DepartmentId == own)
                      orderby s.Rank, t.Name
                      select new ReportTargetOption(t.Id, t.Name))
            .ToListAsync(ct);
    }

    /// <summary>Stores the request as a queued job (audited) and hands it to the worker; returns the job's id.</summary>
    public async Task<Guid> RequestAsync(string kindKey, ReportParameters parameters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var user = await access.RequireAsync(Policies.ViewReports, ct);
        var kind = catalog.Find(kindKey) ?? throw new DomainException("请选择要生成的报表类型。");
        if (!MayRequest(user, kind))
            await access.RefuseAsync(user, Entity, kind.Key, $"您的角色不能生成「{kind.DisplayName}」。");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (clean, text) = await CheckAsync(db, user, kind, parameters, ct);
        var job = new ReportJob(kind.Key, kind.DisplayName, clean.ToJson(), text, new UserRef(user.ToUserRef().UserId, user.GetDisplayName()),
            user.GetDepartmentId(), clock.GetUtcNow().UtcDateTime);
        db.ReportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(job.Id);
        return job.Id;
    }

    /// <summary>The newest jobs the user may see, newest first.</summary>
    public async Task<IReadOnlyList<ReportJobRow>> HistoryAsync(CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewReports, ct);
        var userId = user.ToUserRef().UserId;
        var all = SeesAllJobs(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = await db.ReportJobs.AsNoTracking()
            .Where(j => all || j.RequestedById == userId)
            .OrderByDescending(j => j.RequestedAtUtc).ThenByDescending(j => j.Id)
            .Take(HistorySize)
            .ToListAsync(ct);
        return jobs.Select(j => new ReportJobRow(j.Id, catalog.Find(j.Kind)?.DisplayName ?? j.Title, j.Title, j.ParametersText, j.RequestedByName,
                j.RequestedAtUtc, j.Status, j.Progress, j.Message, j.FileName, j.SizeBytes, j.Sha256))
            .ToList();
    }

    /// <summary>A finished report for download, if the user may read the job: its requester, the office and auditors.</summary>
    public async Task<ReportDownload> OpenAsync(Guid jobId, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewReports, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.ReportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct) ?? throw new DomainException("报表任务不存在。");
        if (!SeesAllJobs(user) && job.RequestedById != user.ToUserRef().UserId)
            await access.RefuseAsync(user, Entity, jobId.ToString(), "只能下载本人生成的报表。");
        if (job.Status == ReportJobStatus.Expired)
            throw new DomainException($"这份报表完成于{BeijingTime.Text(job.FinishedAtUtc, "yyyy-MM-dd")}，文件已超过保留期限（{options.RetentionDays}天）被清理，请重新生成。");
        if (job.Status != ReportJobStatus.Completed)
            throw new DomainException($"报表尚未生成完成（{ReportJobRow.StatusName(job.Status)}）。");
        var content = store.OpenRead(jobId) ?? throw new DomainException("报表文件已不存在，请重新生成。");
        return new ReportDownload(job.FileName!, content);
    }

    internal static bool SeesAllJobs(ClaimsPrincipal user) => user.IsInRole(Roles.Office) || user.IsInRole(Roles.Auditor);

    private static bool SeesOwnDepartmentOnly(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Department) && !user.IsInRole(Roles.Office) && !user.IsInRole(Roles.Auditor) && !user.IsInRole(Roles.Leader);

    private static bool MayRequest(ClaimsPrincipal user, ReportKind kind) => kind.Roles.Any(user.IsInRole);

    /// <summary>Checks the parameters the kind needs and describes them in words; anything else is dropped.</summary>
    private async Task<(ReportParameters Clean, string Text)> CheckAsync(EvalDbContext db, ClaimsPrincipal user, ReportKind kind, ReportParameters asked, CancellationToken ct)
    {
        var clean = new ReportParameters();
        var words = new List<string>();
        var ownOnly = kind.DepartmentOwnTargetOnly && SeesOwnDepartmentOnly(user);
        if (kind.Has(ReportInputs.Run))
        {
            var runId = asked.RunId ?? throw new DomainException("请选择评分批次。");
            var run = await RankingReader.RunAsync(db, runId, ct) ?? throw new DomainException("评分批次不存在或已被删除。");
            var visible = await VisibleRunsAsync(db, user, ct);
            if (visible.All(r => r.RunId != runId))
            {
                if (run.Status == ScoreRunStatus.Published || run.Status == ScoreRunStatus.Computed)
                    await access.RefuseAsync(user, Entity, kind.Key, "该评分批次尚未发布，或不是本周期最新的计算结果，不能生成报表。");
                throw new DomainException("该评分批次已作废，请选择其他批次。");
            }
            clean = clean with { RunId = runId };
            words.Add($"评分批次：{RunLabel(run)}");
        }

        if (kind.Has(ReportInputs.Target))
        {
            if (asked.TargetId is { } targetId)
            {
                var target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId, ct) ?? throw new DomainException("评价对象不存在。");
                if (ownOnly && (target.Kind != TargetKind.Department || target.DepartmentId is null || target.DepartmentId != user.GetDepartmentId()))
                    await access.RefuseAsync(user, Entity, kind.Key, "部门用户只能生成本部门的评分卡。");
                if (!await db.TargetScores.AnyAsync(s => s.RunId == clean.RunId && s.TargetId == targetId, ct))
                    throw new DomainException($"「{target.Name}」不在该评分批次中。");
                clean = clean with { TargetId = targetId };
                words.Add($"评价对象：{target.Name}");
            }
            else if (ownOnly)
            {
                await access.RefuseAsync(user, Entity, kind.Key, "部门用户只能生成本部门的评分卡，请选择本部门。");
            }
            else if (!kind.Has(ReportInputs.AllTargetsAllowed))
            {
                throw new DomainException("请选择评价对象。");
            }
            else
            {
                words.Add("评价对象：全部");
            }
        }

        if (kind.Has(ReportInputs.Period))
        {
            var periodId = asked.PeriodId ?? throw new DomainException("请选择评价周期。");
            var name = await db.Periods.AsNoTracking().Where(p => p.Id == periodId).Select(p => p.Name).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("评价周期不存在或已被删除。");
            clean = clean with { PeriodId = periodId };
            words.Add($"评价周期：{name}");
        }

        if (kind.Has(ReportInputs.DateRange))
        {
            var from = asked.From ?? throw new DomainException("请选择开始日期。");
            var to = asked.To ?? throw new DomainException("请选择结束日期。");
            if (from > to)
                throw new DomainException("开始日期不能晚于结束日期。");
            if (to.DayNumber - from.DayNumber + 1 > MaxRangeDays)
                throw new DomainException($"日期范围最长 {MaxRangeDays} 天，请分段导出。");
            clean = clean with { From = from, To = to };
            words.Add($"日期：{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}");
        }

        return (clean, words.Count == 0 ? "全部" : string.Join("；", words));
    }

    /// <summary>Per period, the run its readers see: the newest published one; for the office the newest run even if unpublished.</summary>
    private async Task<List<RankedRun>> VisibleRunsAsync(EvalDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var seesUnpublished = await access.AllowsAsync(user, Policies.ManagePeriods);
        var runs = new List<RankedRun>();
        foreach (var kind in Enum.GetValues<TargetKind>())
            runs.AddRange(await RankingReader.VisibleRunsAsync(db, kind, null, seesUnpublished, ct));
        if (seesUnpublished)
        {
            // The office also keeps the published run of a period whose newest run is not yet published.
            foreach (var kind in Enum.GetValues<TargetKind>())
                runs.AddRange((await RankingReader.VisibleRunsAsync(db, kind, null, false, ct)).Where(r => runs.All(x => x.RunId != r.RunId)));
        }

        return runs.OrderByDescending(r => r.StartDate).ThenBy(r => r.Kind).ThenByDescending(r => r.Number).ToList();
    }

    private static string RunLabel(RankedRun run) =>
        $"{run.PeriodName} · {RankingQueries.KindName(run.Kind)} · 第{run.Number}次计算{(run.Status == ScoreRunStatus.Published ? "" : "（未发布）")}";
}
