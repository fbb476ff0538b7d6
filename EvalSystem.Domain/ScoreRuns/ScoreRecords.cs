using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.ScoreRuns;

/// <summary>综合得分: one target's composite score, rank and rank interval in one run.</summary>
public sealed class TargetScoreRecord
{
    private TargetScoreRecord() { }

    public TargetScoreRecord(Guid runId, Guid targetId, double composite, int rank, double? compositeChange, int? rankChange,
        double aggregateScore, double adjustmentPoints, double medianRank, double rank5, double rank95)
    {
        RunId = runId;
        TargetId = targetId;
        Composite = composite;
        Rank = rank;
        CompositeChange = compositeChange;
        RankChange = rankChange;
        AggregateScore = aggregateScore;
        AdjustmentPoints = adjustmentPoints;
        MedianRank = medianRank;
        Rank5 = rank5;
        Rank95 = rank95;
    }

    public Guid RunId { get; private set; }
    public Guid TargetId { get; private set; }
    public double Composite { get; private set; }
    public int Rank { get; private set; }
    public double? CompositeChange { get; private set; }
    /// <summary>Previous rank − this rank: positive means the target moved up.</summary>
    public int? RankChange { get; private set; }
    public double AggregateScore { get; private set; }
    public double AdjustmentPoints { get; private set; }
    /// <summary>Median rank under weight perturbation.</summary>
    public double MedianRank { get; private set; }
    /// <summary>5 % quantile of the rank (the best plausible rank).</summary>
    public double Rank5 { get; private set; }
    /// <summary>95 % quantile of the rank (the worst plausible rank).</summary>
    public double Rank95 { get; private set; }
}

/// <summary>
/// 指标得分: the score of one indicator-tree node for one target in one run. Leaves carry the raw
/// value, its imputation, the effective weight and the contribution; groups carry their aggregate.
/// </summary>
public sealed class IndicatorScoreRecord
{
    private IndicatorScoreRecord() { }

    public IndicatorScoreRecord(Guid runId, Guid targetId, Guid indicatorNodeId, bool isLeaf, double? rawValue, Imputation imputation,
        double? score, double effectiveWeight, double? contribution)
    {
        RunId = runId;
        TargetId = targetId;
        IndicatorNodeId = indicatorNodeId;
        IsLeaf = isLeaf;
        RawValue = rawValue;
        Imputation = imputation;
        Score = score;
        EffectiveWeight = effectiveWeight;
        Contribution = contribution;
    }

    public Guid RunId { get; private set; }
    public Guid TargetId { get; private set; }
    public Guid IndicatorNodeId { get; private set; }
    public bool IsLeaf { get; private set; }
    public double? RawValue { get; private set; }
    public Imputation Imputation { get; private set; }
    /// <summary>0–100; null when the indicator was left out (re-weighted) or a group had nothing to aggregate.</summary>
    public double? Score { get; private set; }
    /// <summary>Share of the composite carried by this node (fraction of 1).</summary>
    public double EffectiveWeight { get; private set; }
    /// <summary>Leaves only: effective weight × score (arithmetic mean).</summary>
    public double? Contribution { get; private set; }
}

/// <summary>
/// The city average of one indicator-tree node in one run: the mean of the targets' scores that are not null. Stored with
/// the run's results so that pages comparing a target with the city (the dashboard's radar) read a few rows instead of
/// averaging hundreds of thousands of scores. Written only by the score store, in SQL, from the stored scores.
/// </summary>
public sealed class RunNodeAverage
{
    private RunNodeAverage() { }

    public Guid RunId { get; private set; }
    public Guid IndicatorNodeId { get; private set; }
    /// <summary>Null when no target has a score on this node.</summary>
    public double? Average { get; private set; }
    /// <summary>How many targets have a score on this node.</summary>
    public int Scored { get; private set; }
}
