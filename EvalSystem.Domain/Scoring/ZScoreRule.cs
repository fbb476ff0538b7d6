namespace EvalSystem.Domain.Scoring;

/// <summary>
/// 标准分 (z-score against peers), mapped to a T-score: score = clamp(50 + 10·z, 0, 100) with z = (y − mean)/sd
/// (population sd over targets with a value; z negated for lower-is-better). sd = 0 → every target scores 50.
/// </summary>
public sealed record ZScoreRule : ScoringRule
{
    protected override bool PeerRelative => true;

    public override IReadOnlyList<string> Validate() => [];

    internal override int StatsLevel => 2;

    public override void ScoreColumn(ReadOnlySpan<double> values, Span<double> scores, IndicatorDirection direction)
    {
        TryGetLinearMap(ColumnStats.FromColumn(values, StatsLevel), direction, out var map);
        map.ApplyColumn(values, scores);
    }

    internal override bool TryGetLinearMap(in ColumnStats stats, IndicatorDirection direction, out LinearMap map)
    {
        // Population sd from the shifted one-pass sums (see ColumnStats); equal peers are tested on the values, not on sd, because the mean of
        // equal values can be off by an ulp and would turn rounding noise into z = ±1.
        var sd = stats.Count == 0 ? 0 : Math.Sqrt(stats.M2 / stats.Count);
        map = stats.Max > stats.Min && sd > 0
            ? new LinearMap(50, stats.Mean, (direction == IndicatorDirection.HigherIsBetter ? 10.0 : -10.0) / sd, 0, 100)
            : LinearMap.Constant(50);
        return true;
    }
}
