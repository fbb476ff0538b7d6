using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Supervision;

/// <summary>
/// 从评分结果生成督查任务: reads a published score run, lets <see cref="SupervisionTaskGenerator.FromScores"/> propose tasks
/// for targets beyond an indicator's warning value and for the bottom N of the ranking, shows them (preview) and issues them
/// (confirm). A target and indicator of a period that already has a task gets none, so generating twice adds nothing.
/// A region target's indicator task goes to the indicator's responsible department (主责单位) with the region's code; a
/// region's ranking task goes to the department the office chooses.
/// </summary>
public sealed class SupervisionGeneration(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, SupervisionService issuer)
{
    public async Task<IReadOnlyList<RunChoice>> RunsAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManageSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from r in db.ScoreRuns.AsNoTracking()
                      join p in db.Periods.AsNoTracking() on r.PeriodId equals p.Id
                      where r.Status == ScoreRunStatus.Published
                      orderby p.StartDate descending, r.Number descending
                      select new RunChoice(r.Id, p.Name, r.Number, p.TargetKind == TargetKind.Region)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<IndicatorChoice>> IndicatorsAsync(Guid runId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManageSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var systemId = await db.ScoreRuns.Where(r => r.Id == runId).Select(r => (Guid?)r.IndicatorSystemId).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("评分结果不存在。");
        return await db.IndicatorNodes.AsNoTracking().Where(n => n.SystemId == systemId && n.Kind == NodeKind.Indicator)
            .OrderBy(n => n.Code).Select(n => new IndicatorChoice(n.Code, n.NameZh, n.WarningValue)).ToListAsync(ct);
    }

    /// <summary>The tasks a confirm would issue now (nothing stored).</summary>
    public async Task<IReadOnlyList<GeneratedDraft>> PreviewAsync(GenerateRequest request, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManageSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var drafts = await DraftsAsync(db, request, ct);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return drafts.Select(d => new GeneratedDraft(d, names.GetValueOrDefault(d.DepartmentId, "—"), SupervisionTask.Label(d.Source))).ToList();
    }

    /// <summary>Issues what the preview showed (recomputed, so a task issued meanwhile is not issued twice); returns the numbers.</summary>
    public async Task<IReadOnlyList<string>> GenerateAsync(GenerateRequest request, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ManageSupervision, ct);
        IReadOnlyList<SupervisionTaskDraft> drafts;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            drafts = await DraftsAsync(db, request, ct);
        return await issuer.IssueAsync(drafts, user.ToUserRef(), ct);
    }

    private static async Task<IReadOnlyList<SupervisionTaskDraft>> DraftsAsync(EvalDbContext db, GenerateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.BelowWarning && request.BottomN <= 0)
            throw new DomainException("请至少选择一条生成规则：指标落后于预警值，或综合排名后N名。");
        var run = await db.ScoreRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RunId, ct) ?? throw new DomainException("评分结果不存在。");
        if (run.Status != ScoreRunStatus.Published)
            throw new DomainException("只能从已发布的评分结果生成督查任务。");
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == run.PeriodId, ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Kind == period.TargetKind).ToDictionaryAsync(t => t.Id, ct);
        var regionCodes = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        string? RegionOf(EvaluationTarget t) => t.RegionId is { } id ? regionCodes[id] : null;

        var indicators = new List<IndicatorScoreRow>();
        if (request.BelowWarning)
        {
            var nodes = await db.IndicatorNodes.AsNoTracking()
                .Where(n => n.SystemId == run.IndicatorSystemId && n.Kind == NodeKind.Indicator && (request.IndicatorCode == null || n.Code == request.IndicatorCode))
                .ToDictionaryAsync(n => n.Id, ct);
            if (nodes.Count == 0)
                throw new DomainException($"指标「{request.IndicatorCode}」不在这次评分的指标体系中。");
            var nodeIds = nodes.Keys.ToList();
            var scores = await db.IndicatorScores.AsNoTracking().Where(s => s.RunId == run.Id && s.IsLeaf && nodeIds.Contains(s.IndicatorNodeId)).ToListAsync(ct);
            foreach (var s in scores)
            {
                var node = nodes[s.IndicatorNodeId];
                if (!targets.TryGetValue(s.TargetId, out var target) || (target.DepartmentId ?? node.ResponsibleDepartmentId) is not { } department)
                    continue;
                indicators.Add(new IndicatorScoreRow(target.Id, target.Name, department, RegionOf(target), node.Code, node.NameZh, s.RawValue, s.Score,
                    node.WarningValue, node.Direction ?? IndicatorDirection.HigherIsBetter));
            }
        }

        var composites = new List<CompositeScoreRow>();
        if (request.BottomN > 0)
        {
            var regionTargets = period.TargetKind == TargetKind.Region;
            if (regionTargets && request.RankingDepartmentId is null)
                throw new DomainException("评价对象是地区，请选择排名靠后任务的主责单位。");
            foreach (var s in await db.TargetScores.AsNoTracking().Where(s => s.RunId == run.Id).ToListAsync(ct))
            {
                if (!targets.TryGetValue(s.TargetId, out var target))
                    continue;
                var department = target.DepartmentId ?? request.RankingDepartmentId!.Value;
                composites.Add(new CompositeScoreRow(target.Id, target.Name, department, RegionOf(target), s.Composite, s.Rank));
            }
        }

        var existing = await db.SupervisionTasks.AsNoTracking().Where(t => t.PeriodId == period.Id).ToListAsync(ct);
        var input = new SupervisionScoreInput(period.Id, period.Name, run.Id, indicators, composites);
        return SupervisionTaskGenerator.FromScores(input, request.BottomN, request.Deadline, existing)
            .OrderBy(d => d.Source).ThenBy(d => d.IndicatorCode, StringComparer.Ordinal).ThenBy(d => d.Title, StringComparer.Ordinal).ToList();
    }
}
