using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace EvalSystem.Domain.Scoring;

/// <summary>正向 / 逆向: whether a larger raw value is better or worse.</summary>
public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// 评分规则: maps a raw indicator value to a score in [0, 100]. Stored as JSON (see <see cref="ScoringRuleJson"/>);
/// the "type" discriminator and the camelCase property names are a fixed contract with the seed data.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(GoalpostRule), "goalpost")]
[JsonDerivedType(typeof(MinMaxRule), "minmax")]
[JsonDerivedType(typeof(ZScoreRule), "zscore")]
[JsonDerivedType(typeof(BandsRule), "bands")]
[JsonDerivedType(typeof(TargetRule), "target")]
[JsonDerivedType(typeof(RankPointsRule), "rankpoints")]
[JsonDerivedType(typeof(YesNoRule), "yesno")]
public abstract record ScoringRule
{
    /// <summary>True when a target's score depends on the other targets' values in the same period (needs the whole column).</summary>
    [JsonIgnore]
    public bool IsPeerRelative => PeerRelative;

    /// <summary>Problems with the rule's parameters, in Chinese; empty when the rule can be used.</summary>
    public abstract IReadOnlyList<string> Validate();

    /// <summary>
    /// Scores one column (one indicator, all targets of a period). NaN in means missing and gives NaN out;
    /// peer statistics are taken over the non-missing values only.
    /// </summary>
    public virtual void ScoreColumn(ReadOnlySpan<double> values, Span<double> scores, IndicatorDirection direction)
    {
        for (var i = 0; i < values.Length; i++)
            scores[i] = ScoreValue(values[i], direction);
    }

    /// <summary>Convenience for absolute rules: the score of a single value.</summary>
    public double Score(double value, IndicatorDirection direction)
        => IsPeerRelative
            ? throw new InvalidOperationException("与同期其他对象比较的评分规则不能对单个数值评分。")
            : ScoreValue(value, direction);

    /// <summary>Absolute rules score value by value (the engine calls this in its row pass); peer-relative rules cannot.</summary>
    internal virtual double ScoreValue(double value, IndicatorDirection direction)
        => throw new InvalidOperationException("与同期其他对象比较的评分规则需要整列数据。");

    // Protected so that the JSON contract does not pick it up from the derived records.
    protected abstract bool PeerRelative { get; }

    /// <summary>Peer statistics the engine must gather before <see cref="TryGetLinearMap"/>: 0 none, 1 count/sum/min/max, 2 also M2, 3 also M3 and M4.</summary>
    internal virtual int StatsLevel => 0;

    /// <summary>
    /// The engine's fast path: rules whose score is clamp(offset + (x − origin)·slope, lo, hi) for the whole column hand back the map
    /// so that scoring fuses with aggregation in one row-major pass. Must agree exactly with <see cref="ScoreColumn"/>;
    /// returning false sends the column through <see cref="ScoreColumn"/>.
    /// </summary>
    internal virtual bool TryGetLinearMap(in ColumnStats stats, IndicatorDirection direction, out LinearMap map)
    {
        map = default;
        return false;
    }
}

/// <summary>
/// score = clamp(Offset + (x − Origin)·Slope, Lo, Hi). NaN stays NaN because both comparisons are false.
/// The origin form keeps the arithmetic close to the published formulas, e.g. (worst − x)/(worst − best)·100.
/// </summary>
internal readonly record struct LinearMap(double Offset, double Origin, double Slope, double Lo, double Hi)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Apply(double x)
    {
        var s = Offset + ((x - Origin) * Slope);
        return s < Lo ? Lo : (s > Hi ? Hi : s);
    }

    public void ApplyColumn(ReadOnlySpan<double> values, Span<double> scores)
    {
        for (var i = 0; i < values.Length; i++)
            scores[i] = Apply(values[i]);
    }

    /// <summary>Every non-missing value gets the same score (0·x keeps NaN as NaN).</summary>
    public static LinearMap Constant(double score) => new(score, 0, 0, 0, 100);
}
