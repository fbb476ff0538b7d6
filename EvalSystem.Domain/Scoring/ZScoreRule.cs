namespace EvalSystem.Domain.Scoring;

/// <summary>
/// 标准分 (z-score against peers), mapped to a T-score: score = clamp(50 + 10·z, 0, 100) with z = (y − mean)/sd
/// (population sd over targets with a value; z negated for lower-is-better). sd = 0 → every target scores 50.
/// </summary>
public sealed record ZScoreRule : ScoringRule
{
    protected override bool PeerRelative => true;

    public override IReadOnlyList<string> Validate() => [];

    public override void ScoreColumn(ReadOnlySpan<double> values, Span<double> scores, IndicatorDirection direction)
    {
        TryGetLinearMap(values, direction, out var map);
        map.ApplyColumn(values, scores);
    }

    internal override bool TryGetLinearMap(ReadOnlySpan<double> values, IndicatorDirection direction, out LinearMap map)
    {
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                n++;
            }
        }

        var mean = n == 0 ? 0 : sum / n;
        double ss = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
                ss += (v - mean) * (v - mean);
        }

        var sd = n == 0 ? 0 : Math.Sqrt(ss / n);
        // Equal peers are tested on the values, not on sd: the mean of equal values can be off by an ulp,
        // which would turn rounding noise into z = ±1.
        map = max > min && sd > 0
            ? new LinearMap(50, mean, (direction == IndicatorDirection.HigherIsBetter ? 10.0 : -10.0) / sd, 0, 100)
            : LinearMap.Constant(50);
        return true;
    }
}
