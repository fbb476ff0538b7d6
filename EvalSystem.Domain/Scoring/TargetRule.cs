namespace EvalSystem.Domain.Scoring;

/// <summary>
/// 目标完成度 (target attainment). Higher is better: min(actual/target, cap)·100. Lower is better: min(target/actual, cap)·100,
/// with actual ≤ 0 scoring cap·100 (nothing can beat zero time). The result is clipped to [0, 100].
/// </summary>
public sealed record TargetRule(double Target, double Cap = 1.0) : ScoringRule
{
    protected override bool PeerRelative => false;

    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!double.IsFinite(Target) || Target <= 0)
            errors.Add($"目标完成度规则的目标值（target）必须大于0，当前为{Target}。");
        if (!double.IsFinite(Cap) || Cap <= 0)
            errors.Add($"目标完成度规则的封顶系数（cap）必须大于0，当前为{Cap}。");
        return errors;
    }

    internal override double ScoreValue(double value, IndicatorDirection direction)
    {
        if (direction == IndicatorDirection.HigherIsBetter)
            return HigherMap.Apply(value);
        return double.IsNaN(value) ? double.NaN
            : value <= 0 ? Math.Min(100.0, Cap * 100.0)
            : Math.Clamp(Math.Min(Target / value, Cap) * 100.0, 0.0, 100.0);
    }

    internal override bool TryGetLinearMap(in ColumnStats stats, IndicatorDirection direction, out LinearMap map)
    {
        map = HigherMap;
        return direction == IndicatorDirection.HigherIsBetter;
    }

    // min(y/target, cap)·100 clipped to [0,100] is y·100/target clamped to [0, min(100, 100·cap)].
    private LinearMap HigherMap => new(0, 0, 100.0 / Target, 0, Math.Min(100.0, Cap * 100.0));
}
