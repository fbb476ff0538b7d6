namespace EvalSystem.Domain.Scoring;

/// <summary>加权方式: how an inner node combines its children's scores.</summary>
public enum AggregationMethod
{
    /// <summary>Σ wᵢ·sᵢ / Σ wᵢ (default).</summary>
    WeightedArithmetic,

    /// <summary>exp(Σ wᵢ·ln max(sᵢ, floor) / Σ wᵢ); the floor (default 1 point) keeps one zero from zeroing the node.</summary>
    WeightedGeometric,
}

/// <summary>缺失值处理: what a missing leaf value becomes.</summary>
public enum MissingDataPolicy
{
    /// <summary>The leaf scores 0 (no data, no points).</summary>
    Zero,

    /// <summary>The leaf is left out and its siblings' weights are scaled up to sum to 100 %.</summary>
    ExcludeAndReweight,

    /// <summary>The previous period's raw value is scored instead; without one, the leaf scores 0.</summary>
    CarryForward,
}

/// <summary>A node of the indicator tree (一级/二级/三级指标). Weight is in percent within the parent.</summary>
public abstract record ScoringElement(string Code, string Name, double Weight);

/// <summary>An inner indicator (e.g. 一级指标 开办企业) whose score aggregates its children.</summary>
public sealed record ScoringNode(string Code, string Name, double Weight, IReadOnlyList<ScoringElement> Children)
    : ScoringElement(Code, Name, Weight);

/// <summary>
/// A measured indicator. <see cref="Formula"/> (optional) derives the raw value from other measures, written in NCalc syntax
/// with codes in brackets, e.g. "[ONLINE_CASES] / [ALL_CASES] * 100"; it may reference base measures and other leaves.
/// </summary>
public sealed record ScoringLeaf(string Code, string Name, double Weight, IndicatorDirection Direction, ScoringRule Rule, string? Formula = null)
    : ScoringElement(Code, Name, Weight);

/// <summary>
/// 加分 / 扣分 item applied after aggregation: points = units × <see cref="PointsPerUnit"/> (negative for a penalty),
/// limited to ±<see cref="Cap"/> when a cap is given.
/// </summary>
public sealed record Adjustment(string Code, string Name, double PointsPerUnit, double? Cap = null);

/// <summary>
/// Everything that defines how scores are computed for one version of an indicator system (指标体系版本).
/// The implicit root aggregates <see cref="Indicators"/> (the first-level indicators, weights summing to 100 %).
/// </summary>
public sealed record ScoringModelDefinition(IReadOnlyList<ScoringElement> Indicators)
{
    /// <summary>Codes of raw measures that are not indicators themselves but feed formulas (e.g. 办件总数).</summary>
    public IReadOnlyList<string> BaseMeasures { get; init; } = [];

    public IReadOnlyList<Adjustment> Adjustments { get; init; } = [];

    public AggregationMethod Aggregation { get; init; } = AggregationMethod.WeightedArithmetic;

    public MissingDataPolicy MissingData { get; init; } = MissingDataPolicy.Zero;

    /// <summary>Two composites whose difference is at most this many points share a rank.</summary>
    public double TieTolerance { get; init; } = 1e-9;

    /// <summary>Scores below this are raised to it before taking logarithms in the geometric mean.</summary>
    public double GeometricFloor { get; init; } = 1.0;

    /// <summary>Optional limit on the absolute total of all adjustments of a target, in points.</summary>
    public double? MaxTotalAdjustment { get; init; }
}
