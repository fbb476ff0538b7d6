using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Web.Features.Analysis;

/// <summary>A score run the user may analyse: its period, number and whether it is published.</summary>
public sealed record AnalysisRun(Guid RunId, Guid PeriodId, string PeriodName, TargetKind TargetKind, int Number, ScoreRunStatus Status, DateTime RunAtUtc)
{
    public bool IsPublished => Status == ScoreRunStatus.Published;

    /// <summary>"2026年第二季度 · 第1次计算 · 已发布".</summary>
    public string Label => $"{PeriodName} · 第{Number}次计算 · {ScoreRun.Label(Status)}";
}

/// <summary>A target of a run, as offered in the compare page's picker.</summary>
public sealed record AnalysisTarget(Guid TargetId, string Name, int Rank, double Composite);

/// <summary>One target's standing in a comparison (the column header).</summary>
public sealed record CompareTarget(Guid TargetId, string Name, double Composite, int Rank, double Rank5, double Rank95);

/// <summary>One target's value of one indicator in a comparison.</summary>
public sealed record CompareCell(double? RawValue, Imputation Imputation, double? Score)
{
    public bool IsImputed => Imputation != Imputation.None;
}

/// <summary>Which part of the comparison a row belongs to: the first-level indicators come first, then the measured ones.</summary>
public enum CompareSection
{
    /// <summary>一级指标</summary>
    FirstLevel = 1,
    /// <summary>末级指标</summary>
    Leaf = 2,
}

/// <summary>
/// One indicator across the compared targets: each target's raw value (leaves only) and score, and the gap between the best
/// and the worst score. <paramref name="TreeOrder"/> is the node's position in the indicator tree (ties keep the tree order).
/// </summary>
public sealed record CompareRow(
    Guid IndicatorNodeId, string Code, string Name, CompareSection Section, string? GroupName, string? Unit, int TreeOrder,
    IReadOnlyList<CompareCell> Cells)
{
    /// <summary>Best score − worst score among the targets with a score; null when fewer than two have one.</summary>
    public double? Gap
    {
        get
        {
            var scores = Cells.Select(c => c.Score).OfType<double>().ToList();
            return scores.Count < 2 ? null : scores.Max() - scores.Min();
        }
    }

    /// <summary>Index of the target with the highest score, when the scores differ.</summary>
    public int? BestIndex => Gap is > 0 ? IndexOf(Cells.Max(c => c.Score)) : null;

    /// <summary>Index of the target with the lowest score, when the scores differ.</summary>
    public int? WorstIndex => Gap is > 0 ? IndexOf(Cells.Min(c => c.Score)) : null;

    private int? IndexOf(double? score)
    {
        for (var i = 0; i < Cells.Count; i++)
        {
            if (Cells[i].Score == score)
                return i;
        }
        return null;
    }

    /// <summary>
    /// The order a comparison reads in: the first-level indicators, biggest gap first, then every measured indicator,
    /// biggest gap first across the whole system (so a large gap inside a quiet group is not buried). Rows without a
    /// gap go last in their section; equal gaps keep the tree order.
    /// </summary>
    public static IReadOnlyList<CompareRow> OrderByGap(IEnumerable<CompareRow> rows) =>
        rows.OrderBy(r => r.Section)
            .ThenBy(r => r.Gap is null)
            .ThenByDescending(r => r.Gap ?? 0)
            .ThenBy(r => r.TreeOrder)
            .ToList();
}

/// <summary>对比分析: 2–4 targets of one run side by side, rows ordered by <see cref="CompareRow.OrderByGap"/>.</summary>
public sealed record CompareResult(AnalysisRun Run, IReadOnlyList<CompareTarget> Targets, IReadOnlyList<CompareRow> Rows);

/// <summary>What <c>CaseMeasureService.BasisAsync</c> needs to list the cases or ratings behind a computed value.</summary>
public sealed record BasisQuery(Guid PeriodId, Guid TargetId, CaseMeasureKind Measure);

/// <summary>
/// One node of a target's breakdown, in tree order. Leaves carry the raw value, its imputation, score, effective weight and
/// contribution; a group carries its aggregate score, its effective weight and the sum of its leaves' contributions.
/// <paramref name="SubmissionId"/> is set for a department-submitted leaf whose submission the user may read (its history and
/// evidence); <paramref name="Basis"/> for a leaf computed from case data or ratings.
/// </summary>
public sealed record BreakdownRow(
    Guid IndicatorNodeId, Guid? ParentId, string Code, string Name, int Level, bool IsLeaf, string? Unit, decimal Weight,
    IndicatorSource? Source, double? RawValue, Imputation Imputation, double? Score, double EffectiveWeight, double? Contribution,
    Guid? SubmissionId, int EvidenceCount, BasisQuery? Basis)
{
    public bool IsImputed => Imputation != Imputation.None;
}

/// <summary>
/// 得分构成: one target in one run — composite, rank and the rank interval from the sensitivity analysis — and every node of
/// the indicator tree. For the arithmetic mean the leaves' contributions sum to <see cref="AggregateScore"/>, and
/// aggregate + adjustments + clipping correction = composite (methodology §5, §7).
/// </summary>
public sealed record BreakdownResult(
    AnalysisRun Run, Guid TargetId, string TargetName, int TargetCount, double Composite, int Rank, double Rank5, double Rank95,
    double? CompositeChange, int? RankChange, double AggregateScore, double AdjustmentPoints, AggregationMethod Aggregation,
    IReadOnlyList<BreakdownRow> Rows)
{
    /// <summary>Overdue supervision tasks the run deducted for (督办任务超期扣分); null when nothing was deducted.</summary>
    public int? OverdueTasks { get; init; }

    /// <summary>Composite − aggregate − adjustments: non-zero only when the composite was clipped to 0 or 100.</summary>
    public double ClippingCorrection => Composite - AggregateScore - AdjustmentPoints;

    /// <summary>"第 3 名，区间 2–5".</summary>
    public string RankText => Rank5 == Rank95 ? $"第 {Rank} 名" : $"第 {Rank} 名，区间 {Rank5:0}–{Rank95:0}";
}

public static class AnalysisLabels
{
    public static string Of(Imputation imputation) => imputation switch
    {
        Imputation.Zero => "缺失值按规则补齐：计零分",
        Imputation.Reweighted => "缺失值按规则补齐：不参与计分，同级指标权重重新分配",
        Imputation.CarriedForward => "缺失值按规则补齐：沿用上期值",
        _ => "",
    };
}
