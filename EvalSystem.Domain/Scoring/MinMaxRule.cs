namespace EvalSystem.Domain.Scoring;

/// <summary>The goalposts a min–max rule used in one period, after optional winsorising.</summary>
public readonly record struct MinMaxBounds(double Min, double Max, int ClippedLow, int ClippedHigh, int Count);

/// <summary>
/// 极差标准化 (min–max against peers): higher is better (y − min)/(max − min)·100, lower is better (max − y)/(max − min)·100,
/// where min and max are taken over the targets with a value this period. All equal → every target scores 100.
/// With <see cref="Winsorize"/>, extreme values are pulled in first (JRC practice, see docs/methodology.md):
/// while |skewness| &gt; 2 and excess kurtosis &gt; 3.5 and fewer than <see cref="MaxWinsorized"/> points were clipped,
/// the most extreme value on the side of the skew is replaced by its nearest neighbour.
/// </summary>
public sealed record MinMaxRule(bool Winsorize = false, int MaxWinsorized = 5) : ScoringRule
{
    public const double SkewnessThreshold = 2.0;
    public const double KurtosisThreshold = 3.5;

    protected override bool PeerRelative => true;

    public override IReadOnlyList<string> Validate()
        => MaxWinsorized < 0 ? [$"极差标准化规则的最多缩尾个数（maxWinsorized）不能为负数，当前为{MaxWinsorized}。"] : [];

    internal override int StatsLevel => Winsorize ? 3 : 1;

    public override void ScoreColumn(ReadOnlySpan<double> values, Span<double> scores, IndicatorDirection direction)
        => Map(ComputeBounds(values), direction).ApplyColumn(values, scores);

    internal override bool TryGetLinearMap(in ColumnStats stats, IndicatorDirection direction, out LinearMap map)
    {
        map = Map(new MinMaxBounds(stats.Min, stats.Max, 0, 0, stats.Count), direction);
        if (!Winsorize || MaxWinsorized == 0 || stats.Count == 0 || !(stats.M2 > 0))
            return true;

        // Possibly skewed: leave the decision to ComputeBounds on the sorted column (a small margin keeps borderline
        // columns on that exact path, so the fast path never disagrees with it).
        var n = stats.Count;
        var m2 = stats.M2 / n;
        var skew = stats.M3 / n / Math.Pow(m2, 1.5);
        var kurt = (stats.M4 / n / (m2 * m2)) - 3.0;
        return !(Math.Abs(skew) > SkewnessThreshold - 1e-6 && kurt > KurtosisThreshold - 1e-6);
    }

    private static LinearMap Map(MinMaxBounds b, IndicatorDirection direction)
        => b.Count == 0 || b.Max == b.Min
            ? LinearMap.Constant(100)
            : direction == IndicatorDirection.HigherIsBetter
                ? new LinearMap(0, b.Min, 100.0 / (b.Max - b.Min), 0, 100)
                : new LinearMap(0, b.Max, -100.0 / (b.Max - b.Min), 0, 100);

    /// <summary>The min and max used as goalposts for this column (NaN = missing, ignored).</summary>
    public MinMaxBounds ComputeBounds(ReadOnlySpan<double> values)
    {
        var sorted = new double[values.Length];
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
                sorted[n++] = v;
        }

        if (n == 0)
            return new MinMaxBounds(double.NaN, double.NaN, 0, 0, 0);
        Array.Sort(sorted, 0, n);
        int lo = 0, hi = n - 1, clippedLow = 0, clippedHigh = 0;
        while (Winsorize && clippedLow + clippedHigh < MaxWinsorized && hi > lo)
        {
            var (skew, kurt) = Moments(sorted.AsSpan(0, n), lo, hi);
            if (!(Math.Abs(skew) > SkewnessThreshold && kurt > KurtosisThreshold))
                break;
            if (skew > 0)
            {
                hi--;
                clippedHigh++;
            }
            else
            {
                lo++;
                clippedLow++;
            }
        }

        return new MinMaxBounds(sorted[lo], sorted[hi], clippedLow, clippedHigh, n);
    }

    /// <summary>Population skewness m3/m2^1.5 and excess kurtosis m4/m2² − 3 of the series clamped to [a[lo], a[hi]].</summary>
    internal static (double Skewness, double Kurtosis) Moments(ReadOnlySpan<double> sorted, int lo, int hi)
    {
        var n = sorted.Length;
        double sum = 0;
        for (var i = 0; i < n; i++)
            sum += Math.Clamp(sorted[i], sorted[lo], sorted[hi]);
        var mean = sum / n;
        double m2 = 0, m3 = 0, m4 = 0;
        for (var i = 0; i < n; i++)
        {
            var d = Math.Clamp(sorted[i], sorted[lo], sorted[hi]) - mean;
            var d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }

        m2 /= n;
        m3 /= n;
        m4 /= n;
        return m2 <= 0 ? (0, 0) : (m3 / Math.Pow(m2, 1.5), (m4 / (m2 * m2)) - 3.0);
    }
}
