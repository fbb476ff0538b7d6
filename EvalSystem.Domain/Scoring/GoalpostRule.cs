namespace EvalSystem.Domain.Scoring;

/// <summary>
/// 前沿距离 (distance to frontier, World Bank Doing Business): score = (worst − y)/(worst − best)·100, clipped to [0, 100].
/// Works for both directions because best &lt; worst encodes lower-is-better; the indicator direction is not consulted.
/// </summary>
public sealed record GoalpostRule(double Best, double Worst) : ScoringRule
{
    protected override bool PeerRelative => false;

    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!double.IsFinite(Best) || !double.IsFinite(Worst))
            errors.Add("前沿距离规则的最优值（best）和最差值（worst）必须是有限数值。");
        else if (Best == Worst)
            errors.Add($"前沿距离规则的最优值（best）与最差值（worst）不能相等（均为{Best}）。");
        return errors;
    }

    internal override double ScoreValue(double value, IndicatorDirection direction) => Map.Apply(value);

    internal override bool TryGetLinearMap(in ColumnStats stats, IndicatorDirection direction, out LinearMap map)
    {
        map = Map;
        return true;
    }

    private LinearMap Map => new(0, Worst, -100.0 / (Worst - Best), 0, 100);
}
