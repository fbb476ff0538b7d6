namespace EvalSystem.Domain.Scoring;

/// <summary>How a leaf value was obtained (缺失值处理标记); anything but None is shown as imputed.</summary>
public enum Imputation : byte
{
    None = 0,

    /// <summary>Missing; scored 0.</summary>
    Zero = 1,

    /// <summary>Missing; left out, siblings re-weighted.</summary>
    Reweighted = 2,

    /// <summary>Missing; the previous period's raw value was scored.</summary>
    CarriedForward = 3,
}

/// <summary>
/// One leaf of one target. EffectiveWeight is the product of the (re-weighted) sibling fractions from the root down.
/// Contribution is EffectiveWeight × Score for the arithmetic mean; for the geometric mean it is
/// EffectiveWeight × ln(max(Score, floor)), and the contributions sum to ln(AggregateScore).
/// </summary>
public sealed record LeafBreakdown(
    string Code, string Name, double? RawValue, Imputation Imputation, double? Score, double EffectiveWeight, double Contribution);

/// <summary>An inner node's score for one target (一级指标得分 for level 1); null when all its leaves were excluded.</summary>
public sealed record NodeScore(string Code, string Name, int Level, double? Score, double EffectiveWeight);

/// <summary>One bonus/penalty item of one target after its own cap (before the total cap).</summary>
public sealed record AdjustmentBreakdown(string Code, string Name, double Units, double Points);

/// <summary>
/// Everything about one target. Composite = AggregateScore + AdjustmentPoints + ClippingCorrection, where the correction
/// is what clipping to [0, 100] removed (0 in the usual case); for the arithmetic mean AggregateScore = Σ contributions.
/// RankChange is previous rank − current rank (positive = moved up).
/// </summary>
public sealed record TargetScore(
    string TargetKey,
    double Composite,
    int Rank,
    double? CompositeChange,
    int? RankChange,
    double AggregateScore,
    double AdjustmentPoints,
    double ClippingCorrection,
    IReadOnlyList<LeafBreakdown> Leaves,
    IReadOnlyList<NodeScore> Nodes,
    IReadOnlyList<AdjustmentBreakdown> Adjustments);

/// <summary>
/// The scores of one period. Bulk numbers live in flat arrays (row-major [target × leaf] and [target × node]);
/// <see cref="GetTarget"/> builds the readable breakdown of one target on demand.
/// </summary>
public sealed class ScoringResult
{
    private readonly LeafScoring _scoring;
    private readonly byte[]? _imputation;
    private readonly double[] _nodeScores;
    private readonly double[] _adjustmentUnits;
    private readonly double[] _adjustmentPoints;
    private readonly int _nodeStride;

    internal ScoringResult(
        ScoringModel model, IReadOnlyList<string> targetKeys, LeafScoring scoring, byte[]? imputation,
        double[] nodeScores, double[] aggregates, double[] adjustments, double[] adjustmentUnits, double[] adjustmentPoints,
        double[] composites, int[] ranks, double?[] compositeChanges, int?[] rankChanges)
    {
        Model = model;
        TargetKeys = targetKeys;
        _scoring = scoring;
        _imputation = imputation;
        _nodeScores = nodeScores;
        _nodeStride = model.NodeCount;
        AggregateScores = aggregates;
        AdjustmentTotals = adjustments;
        _adjustmentUnits = adjustmentUnits;
        _adjustmentPoints = adjustmentPoints;
        Composites = composites;
        Ranks = ranks;
        CompositeChanges = compositeChanges;
        RankChanges = rankChanges;
    }

    public ScoringModel Model { get; }

    public IReadOnlyList<string> TargetKeys { get; }

    public int TargetCount => TargetKeys.Count;

    /// <summary>Final score per target in [0, 100] (综合得分).</summary>
    public IReadOnlyList<double> Composites { get; }

    /// <summary>Competition rank per target (1, 2, 2, 4) with the model's tie tolerance.</summary>
    public IReadOnlyList<int> Ranks { get; }

    /// <summary>Weighted mean of the indicator scores before adjustments and clipping.</summary>
    public IReadOnlyList<double> AggregateScores { get; }

    /// <summary>Total bonus/penalty points per target after all caps.</summary>
    public IReadOnlyList<double> AdjustmentTotals { get; }

    public IReadOnlyList<double?> CompositeChanges { get; }

    public IReadOnlyList<int?> RankChanges { get; }

    /// <summary>Indicator score (0–100) of a leaf; NaN when the leaf was excluded (re-weighted away).</summary>
    public double GetLeafScore(int target, int leaf) => _scoring.FinalScore(target, leaf);

    /// <summary>The raw value that was scored (after formulas and carry-forward); NaN when missing.</summary>
    public double GetRawValue(int target, int leaf) => _scoring.RawValue(target, leaf);

    public Imputation GetImputation(int target, int leaf)
        => _imputation is null ? Imputation.None : (Imputation)_imputation[(target * Model.LeafCount) + leaf];

    /// <summary>Score of inner node <paramref name="node"/> (index into <see cref="ScoringModel.Nodes"/>); NaN when all excluded.</summary>
    public double GetNodeScore(int target, int node) => _nodeScores[(target * _nodeStride) + node];

    public int IndexOf(string targetKey)
    {
        for (var t = 0; t < TargetKeys.Count; t++)
        {
            if (string.Equals(TargetKeys[t], targetKey, StringComparison.Ordinal))
                return t;
        }

        return -1;
    }

    /// <summary>The full breakdown of one target: leaves, inner nodes and adjustments.</summary>
    public TargetScore GetTarget(int target)
    {
        var m = Model;
        var leafRow = new double[m.LeafCount];
        for (var l = 0; l < leafRow.Length; l++)
            leafRow[l] = GetLeafScore(target, l);
        var nodeRow = _nodeScores.AsSpan(target * _nodeStride, _nodeStride);
        var leafWeights = new double[m.LeafCount];
        var nodeWeights = new double[m.NodeCount];
        Aggregation.EffectiveWeights(m, m.ChildWeight, leafRow, nodeRow, leafWeights, nodeWeights);

        var geometric = m.Definition.Aggregation == AggregationMethod.WeightedGeometric;
        var floor = m.Definition.GeometricFloor;
        var leaves = new LeafBreakdown[m.LeafCount];
        for (var l = 0; l < m.LeafCount; l++)
        {
            var s = leafRow[l];
            var raw = GetRawValue(target, l);
            var contribution = double.IsNaN(s) ? 0 : leafWeights[l] * (geometric ? Math.Log(Math.Max(s, floor)) : s);
            leaves[l] = new LeafBreakdown(
                m.Leaves[l].Code, m.Leaves[l].Name, double.IsNaN(raw) ? null : raw, GetImputation(target, l),
                double.IsNaN(s) ? null : s, leafWeights[l], contribution);
        }

        var nodes = new NodeScore[m.Nodes.Count];
        for (var n = 0; n < nodes.Length; n++)
        {
            var s = nodeRow[n];
            nodes[n] = new NodeScore(m.Nodes[n].Code, m.Nodes[n].Name, m.NodeLevels[n], double.IsNaN(s) ? null : s, nodeWeights[n]);
        }

        var a = m.Definition.Adjustments;
        var adjustments = new AdjustmentBreakdown[a.Count];
        for (var i = 0; i < a.Count; i++)
            adjustments[i] = new AdjustmentBreakdown(a[i].Code, a[i].Name, _adjustmentUnits[(target * a.Count) + i], _adjustmentPoints[(target * a.Count) + i]);

        var composite = Composites[target];
        var aggregate = AggregateScores[target];
        var adjustment = AdjustmentTotals[target];
        return new TargetScore(
            TargetKeys[target], composite, Ranks[target], CompositeChanges[target], RankChanges[target], aggregate, adjustment,
            composite - aggregate - adjustment, leaves, nodes, adjustments);
    }
}
