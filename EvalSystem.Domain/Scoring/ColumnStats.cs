namespace EvalSystem.Domain.Scoring;

/// <summary>
/// Peer statistics of one column over its non-missing values, in one pass. Moments use shifted sums around K, the column's
/// first non-missing value in target order (Sᵣ = Σ (x − K)ʳ), which keeps the one-pass formulas accurate when the values are
/// large compared with their spread. The engine accumulates all columns in one row-major pass; <see cref="FromColumn"/> does
/// the same for one column in the same order, so both give bit-identical results.
/// </summary>
internal struct ColumnStats
{
    public int Count;
    public double Min;
    public double Max;
    public double Shift;
    public double S1;
    public double S2;
    public double S3;
    public double S4;

    public static ColumnStats Empty => new() { Min = double.PositiveInfinity, Max = double.NegativeInfinity };

    /// <summary>d̄ = S1/n, the mean's offset from the shift.</summary>
    private readonly double Offset => Count == 0 ? 0 : S1 / Count;

    public readonly double Mean => Shift + Offset;

    /// <summary>Σ (x − mean)² = S2 − n·d̄².</summary>
    public readonly double M2 => Math.Max(0, S2 - (Count * Offset * Offset));

    /// <summary>Σ (x − mean)³ = S3 − 3·d̄·S2 + 2·n·d̄³.</summary>
    public readonly double M3 => S3 - (3 * Offset * S2) + (2 * Count * Offset * Offset * Offset);

    /// <summary>Σ (x − mean)⁴ = S4 − 4·d̄·S3 + 6·d̄²·S2 − 3·n·d̄⁴.</summary>
    public readonly double M4
    {
        get
        {
            var d = Offset;
            return S4 - (4 * d * S3) + (6 * d * d * S2) - (3 * Count * d * d * d * d);
        }
    }

    public void Add(double x, int level)
    {
        if (Count == 0)
            Shift = x;
        Count++;
        if (x < Min)
            Min = x;
        if (x > Max)
            Max = x;
        if (level < 2)
            return;
        var d = x - Shift;
        var d2 = d * d;
        S1 += d;
        S2 += d2;
        if (level < 3)
            return;
        S3 += d2 * d;
        S4 += d2 * d2;
    }

    public static ColumnStats FromColumn(ReadOnlySpan<double> values, int level = 3)
    {
        var s = Empty;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
                s.Add(v, level);
        }

        return s;
    }
}
