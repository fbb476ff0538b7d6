using System.Security.Claims;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Analysis;

/// <summary>
/// 对比分析与得分构成: compare 2–4 targets of one score run, and break one target's composite down to its indicators, their
/// submissions and the records behind computed values. Everything is read from the stored run, never recomputed.
/// <para>
/// Who sees what: office, leaders and auditors (<see cref="Policies.ViewPeriods"/>) every target; a department user only its
/// own department's target. Published runs are open to every reader; a superseded run to the readers of periods; a run not
/// yet published only to the office (<see cref="Policies.ManagePeriods"/>). Every refusal is audited.
/// </para>
/// </summary>
public sealed class AnalysisQueries(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access)
{
    public const int MinCompared = 2;
    public const int MaxCompared = 4;

    /// <summary>The runs the user may analyse: newest period first, newest run first within a period.</summary>
    public async Task<IReadOnlyList<AnalysisRun>> RunsAsync(CancellationToken ct = default)
    {
        var viewer = await ViewerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await (from r in db.ScoreRuns.AsNoTracking()
                          join p in db.Periods.AsNoTracking() on r.PeriodId equals p.Id
                          orderby p.StartDate descending, r.Number descending
                          select new AnalysisRun(r.Id, p.Id, p.Name, p.TargetKind, r.Number, r.Status, r.RunAtUtc)).ToListAsync(ct);
        return runs.Where(r => viewer.MaySee(r.Status)).ToList();
    }

    /// <summary>The targets of a run the user may see, best rank first.</summary>
    public async Task<IReadOnlyList<AnalysisTarget>> TargetsAsync(Guid runId, CancellationToken ct = default)
    {
        var viewer = await ViewerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await LoadRunAsync(db, viewer, runId, ct);
        var department = viewer.User.GetDepartmentId();
        return await (from s in db.TargetScores.AsNoTracking()
                      join t in db.Targets.AsNoTracking() on s.TargetId equals t.Id
                      where s.RunId == runId && (viewer.SeesAllTargets || (t.Kind == TargetKind.Department && t.DepartmentId == department))
                      orderby s.Rank, t.Name
                      select new AnalysisTarget(t.Id, t.Name, s.Rank, s.Composite)).ToListAsync(ct);
    }

    /// <summary>
    /// 2–4 targets side by side: per first-level and leaf indicator each target's raw value and score and the gap between
    /// the best and the worst score, ordered as <see cref="CompareRow.OrderByGap"/> says.
    /// </summary>
    public async Task<CompareResult> CompareAsync(Guid runId, IReadOnlyList<Guid> targetIds, CancellationToken ct = default)
    {
        var viewer = await ViewerAsync(ct);
        var ids = targetIds.Distinct().ToList();
        if (ids.Count is < MinCompared or > MaxCompared)
            throw new DomainException($"请选择{MinCompared}到{MaxCompared}个评价对象进行对比，当前选择了{ids.Count}个。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (run, systemId) = await LoadRunAsync(db, viewer, runId, ct);
        var targets = await db.Targets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        if (targets.Count != ids.Count)
            throw new DomainException("所选的评价对象不存在或已被删除。");
        foreach (var id in ids)
            await RequireTargetAsync(viewer, targets[id], ct);

        var standings = await db.TargetScores.AsNoTracking().Where(s => s.RunId == runId && ids.Contains(s.TargetId)).ToDictionaryAsync(s => s.TargetId, ct);
        var absent = ids.Where(id => !standings.ContainsKey(id)).Select(id => targets[id].Name).ToList();
        if (absent.Count > 0)
            throw new DomainException($"「{string.Join("、", absent)}」不在{run.PeriodName}第{run.Number}次计算中，请选择这次计算的评价对象。");

        var nodes = TreeOrder(await db.IndicatorNodes.AsNoTracking().Where(n => n.SystemId == systemId).ToListAsync(ct));
        var scores = (await db.IndicatorScores.AsNoTracking().Where(s => s.RunId == runId && ids.Contains(s.TargetId)).ToListAsync(ct))
            .ToDictionary(s => (s.TargetId, s.IndicatorNodeId));
        var byId = nodes.ToDictionary(n => n.Id);

        var rows = new List<CompareRow>();
        for (var position = 0; position < nodes.Count; position++)
        {
            var node = nodes[position];
            CompareSection section;
            if (node.Level == 1)
                section = CompareSection.FirstLevel;
            else if (node.IsIndicator)
                section = CompareSection.Leaf;
            else
                continue; // Second-level groups: their first-level parent and their leaves already tell the story.
            var cells = ids.Select(id => scores.TryGetValue((id, node.Id), out var s)
                    ? new CompareCell(node.IsIndicator ? s.RawValue : null, s.Imputation, s.Score)
                    : new CompareCell(null, Imputation.None, null))
                .ToList();
            var group = section == CompareSection.Leaf ? FirstLevelOf(node, byId).NameZh : null;
            rows.Add(new CompareRow(node.Id, node.Code, node.NameZh, section, group, node.Unit, position, cells));
        }

        var columns = ids.Select(id =>
        {
            var s = standings[id];
            return new CompareTarget(id, targets[id].Name, s.Composite, s.Rank, s.Rank5, s.Rank95);
        }).ToList();
        return new CompareResult(run, columns, CompareRow.OrderByGap(rows));
    }

    /// <summary>
    /// One target's composite, rank and rank interval, and every node of the indicator tree in tree order, with what can be
    /// drilled into: a submitted value's submission (history and evidence) and a computed value's basis (cases or ratings).
    /// A drill-down is only offered when this user may open it.
    /// </summary>
    public async Task<BreakdownResult> BreakdownAsync(Guid runId, Guid targetId, CancellationToken ct = default)
    {
        var viewer = await ViewerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (run, systemId) = await LoadRunAsync(db, viewer, runId, ct);
        var target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId, ct)
            ?? throw new DomainException("评价对象不存在或已被删除。");
        await RequireTargetAsync(viewer, target, ct);
        var standing = await db.TargetScores.AsNoTracking().SingleOrDefaultAsync(s => s.RunId == runId && s.TargetId == targetId, ct)
            ?? throw new DomainException($"「{target.Name}」不在{run.PeriodName}第{run.Number}次计算中。");
        var targetCount = await db.TargetScores.AsNoTracking().CountAsync(s => s.RunId == runId, ct);
        var aggregation = await db.IndicatorSystems.AsNoTracking().Where(s => s.Id == systemId).Select(s => s.Aggregation).SingleAsync(ct);

        var nodes = TreeOrder(await db.IndicatorNodes.AsNoTracking().Where(n => n.SystemId == systemId).ToListAsync(ct));
        var scores = await db.IndicatorScores.AsNoTracking().Where(s => s.RunId == runId && s.TargetId == targetId).ToDictionaryAsync(s => s.IndicatorNodeId, ct);

        var submitted = nodes.Where(n => n.Source == IndicatorSource.DepartmentSubmission).Select(n => n.Id).ToList();
        var department = viewer.User.GetDepartmentId();
        var submissions = (await db.Submissions.AsNoTracking()
                .Where(s => s.PeriodId == run.PeriodId && s.TargetId == targetId && submitted.Contains(s.IndicatorNodeId))
                .Select(s => new { s.Id, s.IndicatorNodeId, s.DepartmentId })
                .ToListAsync(ct))
            // A department reads only its own submissions (SubmissionQueries.HistoryAsync would refuse the others).
            .Where(s => viewer.SeesAllTargets || s.DepartmentId == department)
            .ToDictionary(s => s.IndicatorNodeId, s => s.Id);
        var submissionIds = submissions.Values.ToList();
        var evidence = await db.Evidence.AsNoTracking().Where(e => submissionIds.Contains(e.SubmissionId))
            .GroupBy(e => e.SubmissionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var seesBasis = await access.AllowsAsync(viewer.User, Policies.ViewCaseData);

        var contributions = GroupContributions(nodes, scores);
        var rows = nodes.Select(node =>
        {
            scores.TryGetValue(node.Id, out var s);
            Guid? submissionId = submissions.TryGetValue(node.Id, out var id) ? id : null;
            var basis = seesBasis && node is { IsIndicator: true, Measure: { } measure } ? new BasisQuery(run.PeriodId, targetId, measure) : null;
            return new BreakdownRow(node.Id, node.ParentId, node.Code, node.NameZh, node.Level, node.IsIndicator, node.Unit, node.Weight, node.Source,
                node.IsIndicator ? s?.RawValue : null, s?.Imputation ?? Imputation.None, s?.Score, s?.EffectiveWeight ?? 0, contributions.GetValueOrDefault(node.Id),
                submissionId, submissionId is { } sid ? evidence.GetValueOrDefault(sid) : 0, basis);
        }).ToList();

        return new BreakdownResult(run, target.Id, target.Name, targetCount, standing.Composite, standing.Rank, standing.Rank5, standing.Rank95,
            standing.CompositeChange, standing.RankChange, standing.AggregateScore, standing.AdjustmentPoints, aggregation, rows)
        {
            OverdueTasks = standing.AdjustmentPoints != 0 ? await OverdueTasksAsync(db, runId, targetId, ct) : null,
        };
    }

    /// <summary>The overdue-task count the run deducted for (督办任务超期), read from the run's stored input.</summary>
    private static async Task<int?> OverdueTasksAsync(EvalDbContext db, Guid runId, Guid targetId, CancellationToken ct)
    {
        var snapshot = await db.ScoreRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.InputSnapshot).SingleAsync(ct);
        var input = ScoringInputSnapshot.Deserialize(snapshot);
        var column = input.AdjustmentCodes.ToList().IndexOf(SupervisionPenalty.AdjustmentCode);
        var row = input.TargetKeys.ToList().IndexOf(targetId.ToString());
        return column < 0 || row < 0 || input.AdjustmentUnits is not { } units ? null : (int)units[(row * input.AdjustmentCodes.Count) + column];
    }

    private sealed record Viewer(ClaimsPrincipal User, bool SeesAllTargets, bool SeesUnpublished)
    {
        public bool MaySee(ScoreRunStatus status) => status switch
        {
            ScoreRunStatus.Published => true,
            ScoreRunStatus.Superseded => SeesAllTargets,
            _ => SeesUnpublished,
        };
    }

    private async Task<Viewer> ViewerAsync(CancellationToken ct)
    {
        var user = await access.RequireAsync(Policies.ViewRankings, ct);
        return new Viewer(user, await access.AllowsAsync(user, Policies.ViewPeriods), await access.AllowsAsync(user, Policies.ManagePeriods));
    }

    private async Task<(AnalysisRun Run, Guid SystemId)> LoadRunAsync(EvalDbContext db, Viewer viewer, Guid runId, CancellationToken ct)
    {
        var found = await (from r in db.ScoreRuns.AsNoTracking()
                           join p in db.Periods.AsNoTracking() on r.PeriodId equals p.Id
                           where r.Id == runId
                           select new { Run = new AnalysisRun(r.Id, p.Id, p.Name, p.TargetKind, r.Number, r.Status, r.RunAtUtc), r.IndicatorSystemId })
            .SingleOrDefaultAsync(ct) ?? throw new DomainException("这次计算不存在或已被删除。");
        if (!viewer.MaySee(found.Run.Status))
        {
            await access.RefuseAsync(viewer.User, nameof(ScoreRun), runId.ToString(), found.Run.Status == ScoreRunStatus.Computed
                ? $"{found.Run.PeriodName}第{found.Run.Number}次计算尚未发布，只有评估办可以查看。"
                : $"{found.Run.PeriodName}第{found.Run.Number}次计算已被替代，请查看已发布的得分。", ct);
        }
        return (found.Run, found.IndicatorSystemId);
    }

    /// <summary>Readers of every period see every target; a department user only its own department's.</summary>
    private async Task RequireTargetAsync(Viewer viewer, EvaluationTarget target, CancellationToken ct)
    {
        if (viewer.SeesAllTargets)
            return;
        var own = target.Kind == TargetKind.Department && target.DepartmentId is { } id && id == viewer.User.GetDepartmentId();
        if (!own)
            await access.RefuseAsync(viewer.User, nameof(EvaluationTarget), target.Id.ToString(), $"您只能查看本部门的得分，不能查看「{target.Name}」。", ct);
    }

    /// <summary>The nodes depth-first, siblings by their order: the order the indicator tree is read in.</summary>
    private static List<IndicatorNode> TreeOrder(List<IndicatorNode> nodes)
    {
        var children = nodes.ToLookup(n => n.ParentId);
        var ordered = new List<IndicatorNode>(nodes.Count);
        void Visit(Guid? parentId)
        {
            foreach (var node in children[parentId].OrderBy(n => n.SortOrder).ThenBy(n => n.Code, StringComparer.Ordinal))
            {
                ordered.Add(node);
                Visit(node.Id);
            }
        }
        Visit(null);
        return ordered;
    }

    private static IndicatorNode FirstLevelOf(IndicatorNode node, Dictionary<Guid, IndicatorNode> byId)
    {
        while (node.ParentId is { } parent && byId.TryGetValue(parent, out var up))
            node = up;
        return node;
    }

    /// <summary>Leaves keep their stored contribution; a group gets the sum of its leaves' (null when none has one).</summary>
    private static Dictionary<Guid, double?> GroupContributions(List<IndicatorNode> treeOrder, Dictionary<Guid, IndicatorScoreRecord> scores)
    {
        var result = new Dictionary<Guid, double?>(treeOrder.Count);
        // Reverse tree order visits every child before its parent.
        for (var i = treeOrder.Count - 1; i >= 0; i--)
        {
            var node = treeOrder[i];
            if (node.IsIndicator)
                result[node.Id] = scores.TryGetValue(node.Id, out var s) ? s.Contribution : null;
            if (node.ParentId is { } parent && result.GetValueOrDefault(node.Id) is { } contribution)
                result[parent] = (result.GetValueOrDefault(parent) ?? 0) + contribution;
        }
        return result;
    }
}
