using System.Runtime.CompilerServices;

namespace EvalSystem.Domain.Scoring;

/// <summary>
/// How each leaf column of one period was scored: its linear map, compiled absolute scorer or precomputed peer column.
/// The engine scores cells on the fly without storing a [target × leaf] score matrix (writing it cost as much as the whole
/// weighted sum); results recompute any leaf score from here with the very same arithmetic, so the numbers are identical.
/// </summary>
internal sealed class LeafScoring
{
    public LeafScoring(int leafCount, double[] raw, int stride, int[] source, bool reweight)
    {
        Kinds = new LeafKind[leafCount];
        Offset = new double[leafCount];
        Origin = new double[leafCount];
        Slope = new double[leafCount];
        Lo = new double[leafCount];
        Hi = new double[leafCount];
        Scorers = new CellScorer?[leafCount];
        Columns = new double[]?[leafCount];
        Raw = raw;
        Stride = stride;
        Source = source;
        Reweight = reweight;
    }

    public LeafKind[] Kinds { get; }

    public double[] Offset { get; }

    public double[] Origin { get; }

    public double[] Slope { get; }

    public double[] Lo { get; }

    public double[] Hi { get; }

    public CellScorer?[] Scorers { get; }

    /// <summary>Scores of Column-kind leaves, indexed by target.</summary>
    public double[]?[] Columns { get; }

    public double[] Raw { get; }

    public int Stride { get; }

    public int[] Source { get; }

    public bool Reweight { get; }

    public void SetLinear(int l, LinearMap map)
    {
        Kinds[l] = LeafKind.Linear;
        (Offset[l], Origin[l], Slope[l], Lo[l], Hi[l]) = (map.Offset, map.Origin, map.Slope, map.Lo, map.Hi);
    }

    /// <summary>The leaf's raw value; an absent column (−1) and ±∞ are missing like NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double RawValue(int target, int l)
    {
        var column = Source[l];
        if (column < 0)
            return double.NaN;
        var x = Raw[(target * Stride) + column];
        return double.IsFinite(x) ? x : double.NaN;
    }

    /// <summary>The indicator score before the missing-data policy (NaN = missing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Score(int target, int l)
    {
        switch (Kinds[l])
        {
            case LeafKind.Linear:
                var s = Offset[l] + ((RawValue(target, l) - Origin[l]) * Slope[l]);
                return s < Lo[l] ? Lo[l] : (s > Hi[l] ? Hi[l] : s);
            case LeafKind.PerValue:
                return Scorers[l]!.Score(RawValue(target, l));
            default:
                return Columns[l]![target];
        }
    }

    /// <summary>The score after the missing-data policy: missing is 0, or NaN (excluded) under exclude-and-reweight.</summary>
    public double FinalScore(int target, int l)
    {
        var s = Score(target, l);
        return double.IsNaN(s) && !Reweight ? 0 : s;
    }
}

internal enum LeafKind : byte
{
    /// <summary>clamp(offset + (x − origin)·slope, lo, hi), fused into the row pass.</summary>
    Linear,

    /// <summary>An absolute non-linear rule, scored cell by cell by a compiled <see cref="CellScorer"/>.</summary>
    PerValue,

    /// <summary>A peer-relative non-linear rule (rank points, winsorised min–max), scored column by column up front.</summary>
    Column,
}
