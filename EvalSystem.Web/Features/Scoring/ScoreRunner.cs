using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Scoring;

/// <summary>A step of a score run, for a progress bar.</summary>
public sealed record ScoreRunProgress(int Percent, string Step);

/// <summary>The outcome of recomputing a stored run from its stored inputs.</summary>
public sealed record ReproductionReport(bool MethodMatches, bool InputMatches, int ValuesCompared, string? FirstDifference)
{
    public bool Reproduced => MethodMatches && InputMatches && FirstDifference is null;
}

/// <summary>
/// Loads a period's approved and computed values, runs the scoring engine and the Monte Carlo
/// sensitivity analysis, and stores everything as a <see cref="ScoreRun"/>. No authorization here:
/// callers are <see cref="ScoreRunService"/> (which checks it) and the demo seed.
/// </summary>
public sealed class ScoreRunner(IDbContextFactory<EvalDbContext> dbFactory, TimeProvider clock)
{
    public static readonly SensitivitySettings DefaultSensitivity = new();

    public async Task<ScoreRun> ComputeAsync(Guid periodId, UserRef by, IProgress<ScoreRunProgress>? progress, CancellationToken ct,
        SensitivitySettings? sensitivity = null)
    {
        sensitivity ??= DefaultSensitivity;
        progress?.Report(new(5, "读取评价周期与指标体系"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw new DomainException("评价周期不存在或已被删除。");
        period.MarkScored(); // validates the state before any work is done
        var system = await db.IndicatorSystems.Include(s => s.Nodes).SingleAsync(s => s.Id == period.IndicatorSystemId, ct);
        var model = ScoringModel.Build(system.ToScoringDefinition());

        progress?.Report(new(20, "读取指标原始值"));
        var input = await LoadInputAsync(db, period, system, model, BeijingTime.Today(clock), ct);

        progress?.Report(new(40, "计算指标得分与综合得分"));
        var result = ScoringEngine.Compute(model, input);
        progress?.Report(new(55, $"权重敏感性分析（{sensitivity.Draws}次抽样）"));
        var intervals = SensitivityAnalysis.Run(result, sensitivity.Draws, sensitivity.Perturbation, (ulong)sensitivity.Seed);

        progress?.Report(new(75, "保存计算结果"));
        var number = await db.ScoreRuns.Where(r => r.PeriodId == period.Id).Select(r => (int?)r.Number).MaxAsync(ct) ?? 0;
        var run = new ScoreRun(period.Id, system.Id, number + 1, model.MethodHash, ScoringHashes.ComputeInputHash(input),
            ScoringInputSnapshot.Serialize(input), input.TargetKeys.Count, sensitivity, by, clock.GetUtcNow().UtcDateTime);
        var (targets, indicators) = ToRecords(run.Id, system, result, intervals);
        await ScoreRunStore.SaveAsync(db, run, targets, indicators, ct);
        progress?.Report(new(100, "计算完成"));
        return run;
    }

    /// <summary>Publishes a run: the period's previously published run is superseded, the period becomes published.</summary>
    public async Task PublishAsync(Guid runId, UserRef by, CancellationToken ct, string? overrideReason = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ScoreRuns.SingleOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new DomainException("计算结果不存在。");
        var period = await db.Periods.SingleAsync(p => p.Id == run.PeriodId, ct);
        if (period.Status != PeriodStatus.Scored)
            throw new DomainException($"只有已计算的周期才能发布得分，「{period.Name}」当前为{EvaluationPeriod.Label(period.Status)}。");
        var latest = await db.ScoreRuns.Where(r => r.PeriodId == run.PeriodId).MaxAsync(r => r.Number, ct);
        if (run.Number != latest)
            throw new DomainException($"第{run.Number}次计算不是最新结果（最新为第{latest}次），请发布最新的计算结果。");
        foreach (var published in await db.ScoreRuns.Where(r => r.PeriodId == run.PeriodId && r.Status == ScoreRunStatus.Published).ToListAsync(ct))
            published.Supersede();
        var now = clock.GetUtcNow().UtcDateTime;
        var unreviewed = await db.Submissions.CountAsync(s => s.PeriodId == period.Id && s.Status == Domain.Submissions.SubmissionStatus.Submitted, ct);
        period.Publish(unreviewed, overrideReason);
        run.Publish(by, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Recomputes a stored run from its stored inputs and its pinned method, and compares every stored number bit for bit.</summary>
    public async Task<ReproductionReport> VerifyAsync(Guid runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ScoreRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new DomainException("计算结果不存在。");
        var system = await db.IndicatorSystems.AsNoTracking().Include(s => s.Nodes).SingleAsync(s => s.Id == run.IndicatorSystemId, ct);
        var model = ScoringModel.Build(system.ToScoringDefinition());
        var input = ScoringInputSnapshot.Deserialize(run.InputSnapshot);
        var methodMatches = model.MethodHash == run.MethodHash;
        var inputMatches = ScoringHashes.ComputeInputHash(input) == run.InputHash;
        var result = ScoringEngine.Compute(model, input);
        var intervals = SensitivityAnalysis.Run(result, run.Draws, run.Perturbation, (ulong)run.Seed);
        var (targets, indicators) = ToRecords(run.Id, system, result, intervals);

        var storedTargets = await db.TargetScores.AsNoTracking().Where(s => s.RunId == runId).ToDictionaryAsync(s => s.TargetId, ct);
        var storedIndicators = await db.IndicatorScores.AsNoTracking().Where(s => s.RunId == runId)
            .ToDictionaryAsync(s => (s.TargetId, s.IndicatorNodeId), ct);
        var compared = 0;
        string? difference = storedTargets.Count != targets.Count || storedIndicators.Count != indicators.Count
            ? $"结果行数不同：保存了{storedTargets.Count}/{storedIndicators.Count}行，重算得到{targets.Count}/{indicators.Count}行。"
            : null;
        foreach (var t in targets)
        {
            if (difference is not null)
                break;
            var s = storedTargets.GetValueOrDefault(t.TargetId);
            compared += 6;
            if (s is null || !Same(s.Composite, t.Composite) || s.Rank != t.Rank || !Same(s.MedianRank, t.MedianRank)
                || !Same(s.Rank5, t.Rank5) || !Same(s.Rank95, t.Rank95) || !Same(s.CompositeChange, t.CompositeChange))
                difference = $"评价对象 {t.TargetId} 的综合得分或排名不同。";
        }
        foreach (var i in indicators)
        {
            if (difference is not null)
                break;
            var s = storedIndicators.GetValueOrDefault((i.TargetId, i.IndicatorNodeId));
            compared += 4;
            if (s is null || !Same(s.Score, i.Score) || !Same(s.RawValue, i.RawValue) || !Same(s.EffectiveWeight, i.EffectiveWeight)
                || !Same(s.Contribution, i.Contribution) || s.Imputation != i.Imputation)
                difference = $"评价对象 {i.TargetId} 的指标 {i.IndicatorNodeId} 得分不同。";
        }
        return new ReproductionReport(methodMatches, inputMatches, compared, difference);
    }

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static bool Same(double? a, double? b) => a.HasValue == b.HasValue && (a is null || Same(a.Value, b!.Value));

    private static async Task<ScoringInput> LoadInputAsync(EvalDbContext db, EvaluationPeriod period, IndicatorSystem system, ScoringModel model,
        DateOnly today, CancellationToken ct)
    {
        var targetIds = await db.Targets.AsNoTracking().Where(t => t.Kind == period.TargetKind)
            .OrderBy(t => t.Name).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        var codes = model.Leaves.Select(l => l.Code).ToList();
        var row = targetIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var column = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

        var values = await ValueMatrixAsync(db, period.Id, row, column, ct);

        // Previous period of the same kind: its raw values (carry-forward) and its scores (change).
        var previous = await db.Periods.AsNoTracking()
            .Where(p => p.TargetKind == period.TargetKind && p.StartDate < period.StartDate)
            .OrderByDescending(p => p.StartDate).FirstOrDefaultAsync(ct);
        double[]? previousValues = null;
        Dictionary<string, PreviousStanding>? standings = null;
        if (previous is not null)
        {
            previousValues = await ValueMatrixAsync(db, previous.Id, row, column, ct);
            var previousRun = await db.ScoreRuns.AsNoTracking()
                .Where(r => r.PeriodId == previous.Id)
                .OrderByDescending(r => r.Status == ScoreRunStatus.Published).ThenByDescending(r => r.Number)
                .Select(r => (Guid?)r.Id) // not the run's stored input
                .FirstOrDefaultAsync(ct);
            if (previousRun is { } previousRunId)
            {
                standings = (await db.TargetScores.AsNoTracking().Where(s => s.RunId == previousRunId).ToListAsync(ct))
                    .Where(s => row.ContainsKey(s.TargetId))
                    .ToDictionary(s => s.TargetId.ToString(), s => new PreviousStanding(s.Composite, s.Rank), StringComparer.Ordinal);
            }
        }

        // 督办任务超期扣分: one unit per overdue task of each target, when the system defines the penalty.
        IReadOnlyList<string> adjustmentCodes = [];
        double[]? adjustmentUnits = null;
        if (model.Definition.Adjustments.Any(a => a.Code == SupervisionPenalty.AdjustmentCode))
        {
            var overdue = await SupervisionMeasureService.OverdueCountsAsync(db, period, today, ct);
            adjustmentCodes = [SupervisionPenalty.AdjustmentCode];
            adjustmentUnits = targetIds.Select(id => (double)overdue.GetValueOrDefault(id)).ToArray();
        }

        return new ScoringInput(targetIds.Select(id => id.ToString()).ToList(), codes, values)
        {
            PreviousValues = previousValues,
            Previous = standings,
            AdjustmentCodes = adjustmentCodes,
            AdjustmentUnits = adjustmentUnits,
        };
    }

    /// <summary>Raw values of a period as a dense [target × measure] matrix, NaN where no value exists; matched by indicator code.</summary>
    private static async Task<double[]> ValueMatrixAsync(EvalDbContext db, Guid periodId, Dictionary<Guid, int> row, Dictionary<string, int> column, CancellationToken ct)
    {
        var values = new double[row.Count * column.Count];
        Array.Fill(values, double.NaN);
        var stored = await (from v in db.IndicatorValues.AsNoTracking()
                            join n in db.IndicatorNodes.AsNoTracking() on v.IndicatorNodeId equals n.Id
                            where v.PeriodId == periodId
                            select new { v.TargetId, n.Code, v.Value }).ToListAsync(ct);
        foreach (var v in stored)
        {
            if (row.TryGetValue(v.TargetId, out var r) && column.TryGetValue(v.Code, out var c))
                values[r * column.Count + c] = v.Value;
        }
        return values;
    }

    private static (List<TargetScoreRecord> Targets, List<IndicatorScoreRecord> Indicators) ToRecords(
        Guid runId, IndicatorSystem system, ScoringResult result, SensitivityResult intervals)
    {
        var model = result.Model;
        var nodeIds = system.Nodes.ToDictionary(n => n.Code, n => n.Id, StringComparer.Ordinal);
        var leafIds = model.Leaves.Select(l => nodeIds[l.Code]).ToArray();
        var groupIds = model.Nodes.Select(n => nodeIds[n.Code]).ToArray();
        var targets = new List<TargetScoreRecord>(result.TargetCount);
        var indicators = new List<IndicatorScoreRecord>(result.TargetCount * (leafIds.Length + groupIds.Length));
        for (var t = 0; t < result.TargetCount; t++)
        {
            var targetId = Guid.Parse(result.TargetKeys[t]);
            var sensitivity = intervals.Targets[t];
            targets.Add(new TargetScoreRecord(runId, targetId, result.Composites[t], result.Ranks[t], result.CompositeChanges[t],
                result.RankChanges[t], result.AggregateScores[t], result.AdjustmentTotals[t], sensitivity.MedianRank, sensitivity.Rank5, sensitivity.Rank95));
            var breakdown = result.GetTarget(t);
            for (var l = 0; l < breakdown.Leaves.Count; l++)
            {
                var leaf = breakdown.Leaves[l];
                indicators.Add(new IndicatorScoreRecord(runId, targetId, leafIds[l], true, leaf.RawValue, leaf.Imputation, leaf.Score,
                    leaf.EffectiveWeight, leaf.Contribution));
            }
            for (var n = 0; n < breakdown.Nodes.Count; n++)
            {
                var node = breakdown.Nodes[n];
                indicators.Add(new IndicatorScoreRecord(runId, targetId, groupIds[n], false, null, Imputation.None, node.Score,
                    node.EffectiveWeight, null));
            }
        }
        return (targets, indicators);
    }
}
