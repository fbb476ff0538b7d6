namespace EvalSystem.Domain.Scoring;

/// <summary>
/// An absolute, non-linear rule compiled once per model into flat arrays, so the engine's row pass pays one sealed virtual
/// call per cell instead of walking the rule's lists. Must agree exactly with the rule's own <see cref="ScoringRule.ScoreColumn"/>.
/// </summary>
internal abstract class CellScorer
{
    public abstract double Score(double y);

    public static CellScorer Create(ScoringRule rule, IndicatorDirection direction) => rule switch
    {
        BandsRule bands => new BandsCellScorer(bands),
        TargetRule target when direction == IndicatorDirection.LowerIsBetter => new TargetLowerCellScorer(target.Target, target.Cap),
        _ => new RuleCellScorer(rule, direction),
    };

    private sealed class RuleCellScorer(ScoringRule rule, IndicatorDirection direction) : CellScorer
    {
        public override double Score(double y) => rule.ScoreValue(y, direction);
    }

    /// <summary>min(target/y, cap)·100 clipped to [0, 100]; y ≤ 0 scores min(100, cap·100). Same arithmetic as <see cref="TargetRule"/>.</summary>
    private sealed class TargetLowerCellScorer(double target, double cap) : CellScorer
    {
        private readonly double _best = Math.Min(100.0, cap * 100.0);

        // For y > 0 the value is positive, so clamping to [0, 100] is Min(·, 100); Math.Min keeps NaN as NaN.
        public override double Score(double y)
            => y <= 0 ? _best : Math.Min(Math.Min(target / y, cap) * 100.0, 100.0);
    }

    /// <summary>
    /// Validated bands are ascending and contiguous, so the containing band's index is the number of bands whose upper
    /// bound y is beyond (y &gt; upper, or y = upper with the bound exclusive); counted without branches because the band of
    /// real data is unpredictable.
    /// </summary>
    private sealed class BandsCellScorer : CellScorer
    {
        private readonly double[] _upper;
        private readonly bool[] _exclusive;
        private readonly double[] _score;

        public BandsCellScorer(BandsRule rule)
        {
            var n = rule.Bands.Count;
            _upper = new double[n];
            _exclusive = new bool[n];
            _score = new double[n];
            for (var i = 0; i < n; i++)
            {
                _upper[i] = rule.Bands[i].Upper ?? double.PositiveInfinity;
                _exclusive[i] = rule.Bands[i].Upper is not null && !rule.Bands[i].UpperInclusive;
                _score[i] = rule.Bands[i].Score;
            }
        }

        public override double Score(double y)
        {
            if (double.IsNaN(y))
                return double.NaN;
            var upper = _upper;
            var exclusive = _exclusive;
            var index = 0;
            for (var i = 0; i < upper.Length - 1; i++)
                index += (y > upper[i] ? 1 : 0) | (y == upper[i] & exclusive[i] ? 1 : 0);
            return _score[index];
        }
    }
}
