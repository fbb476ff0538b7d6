namespace EvalSystem.Domain.Scoring;

/// <summary>How stable one target's rank is under weight uncertainty (权重敏感性分析).</summary>
public sealed record TargetSensitivity(string TargetKey, int BaseRank, double MedianRank, double Rank5, double Rank95);

public sealed record SensitivityResult(int Draws, double Perturbation, ulong Seed, IReadOnlyList<TargetSensitivity> Targets);

/// <summary>
/// Monte Carlo on the weights: every sibling weight is multiplied by an independent uniform factor in [1 − p, 1 + p]
/// (siblings are re-normalised by the aggregation, which divides by the weight sum), composites and ranks are recomputed
/// from the unchanged indicator scores (normalisation does not depend on weights), and the rank distribution is summarised.
/// Deterministic: draw d uses its own SplitMix64 stream whose seed is the d-th output of SplitMix64(seed), so the
/// result does not depend on thread scheduling or machine.
/// </summary>
public static class SensitivityAnalysis
{
    public static SensitivityResult Run(ScoringModel model, ScoringInput input, int draws = 1000, double perturbation = 0.25, ulong seed = 20260101)
        => Run(ScoringEngine.Compute(model, input), draws, perturbation, seed);

    /// <summary>Runs on an existing result (reuses its indicator scores and adjustments).</summary>
    public static SensitivityResult Run(ScoringResult baseline, int draws = 1000, double perturbation = 0.25, ulong seed = 20260101)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        if (!(perturbation >= 0 && perturbation < 1))
            throw new ArgumentOutOfRangeException(nameof(perturbation), "扰动幅度必须在0（含）到1（不含）之间。");

        var m = baseline.Model;
        var def = m.Definition;
        var targets = baseline.TargetCount;
        var leafCount = m.LeafCount;
        var slots = m.ChildWeight.Length;
        var geometric = def.Aggregation == AggregationMethod.WeightedGeometric;
        var floor = def.GeometricFloor;

        // Leaf scores row-major; for the geometric mean pre-take the floored logarithms once.
        var scores = new double[targets * leafCount];
        var anyMissing = false;
        for (var t = 0; t < targets; t++)
        {
            for (var l = 0; l < leafCount; l++)
            {
                var s = baseline.GetLeafScore(t, l);
                anyMissing |= double.IsNaN(s);
                scores[(t * leafCount) + l] = geometric && !double.IsNaN(s) ? Math.Log(Math.Max(s, floor)) : s;
            }
        }

        var adjustments = new double[targets];
        for (var t = 0; t < targets; t++)
            adjustments[t] = baseline.AdjustmentTotals[t];

        var drawSeeds = new ulong[draws];
        var master = new SplitMix64(seed);
        for (var d = 0; d < draws; d++)
            drawSeeds[d] = master.Next();

        // ranks[t * draws + d]: each draw writes its own cells, so parallel draws give identical results.
        var ranks = new int[targets * draws];
        Parallel.For(
            0,
            draws,
            () => new DrawBuffers(targets, leafCount, m.NodeCount, slots, m.MaxChildren),
            (d, _, buf) =>
            {
                var rng = new SplitMix64(drawSeeds[d]);
                for (var k = 0; k < slots; k++)
                    buf.Weights[k] = m.ChildWeight[k] * (1.0 - perturbation + (2.0 * perturbation * rng.NextDouble()));
                Aggregation.WeightSums(m, buf.Weights, buf.WeightSums);

                if (!anyMissing)
                {
                    // No exclusions: the tree collapses to one dot product with the draw's effective leaf weights.
                    Aggregation.EffectiveWeights(m, buf.Weights, buf.PresentLeaves, buf.PresentNodes, buf.LeafWeights, buf.NodeWeights);
                    for (var t = 0; t < targets; t++)
                    {
                        var row = scores.AsSpan(t * leafCount, leafCount);
                        double sum = 0;
                        for (var l = 0; l < row.Length; l++)
                            sum += buf.LeafWeights[l] * row[l];
                        var aggregate = geometric ? Math.Exp(sum) : sum;
                        buf.Composites[t] = Math.Clamp(aggregate + adjustments[t], 0.0, 100.0);
                    }
                }
                else
                {
                    for (var t = 0; t < targets; t++)
                    {
                        var row = scores.AsSpan(t * leafCount, leafCount);
                        var aggregate = geometric
                            ? ExpOfLogMean(m, buf, row)
                            : Aggregation.Arithmetic(m, buf.Weights, buf.WeightSums, row, buf.Nodes, buf.Scratch);
                        buf.Composites[t] = Math.Clamp((double.IsNaN(aggregate) ? 0 : aggregate) + adjustments[t], 0.0, 100.0);
                    }
                }

                Ranking.Competition(buf.Composites, def.TieTolerance, buf.Ranks, buf.Keys, buf.Order);
                for (var t = 0; t < targets; t++)
                    ranks[(t * draws) + d] = buf.Ranks[t];
                return buf;
            },
            _ => { });

        var result = new TargetSensitivity[targets];
        var sorted = new int[draws];
        for (var t = 0; t < targets; t++)
        {
            ranks.AsSpan(t * draws, draws).CopyTo(sorted);
            Array.Sort(sorted);
            result[t] = new TargetSensitivity(
                baseline.TargetKeys[t], baseline.Ranks[t], Quantile(sorted, 0.5), Quantile(sorted, 0.05), Quantile(sorted, 0.95));
        }

        return new SensitivityResult(draws, perturbation, seed, result);
    }

    /// <summary>Linear interpolation between order statistics (Hyndman–Fan type 7, the R and Excel PERCENTILE.INC default).</summary>
    public static double Quantile(ReadOnlySpan<int> sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    // Leaves already hold ln(max(s, floor)); the geometric node is exp of the weighted mean of logs, and a parent needs
    // the child's log again, which the arithmetic walk over logs gives directly.
    private static double ExpOfLogMean(ScoringModel m, DrawBuffers buf, ReadOnlySpan<double> logLeaves)
    {
        var logRoot = Aggregation.Arithmetic(m, buf.Weights, buf.WeightSums, logLeaves, buf.Nodes, buf.Scratch);
        return double.IsNaN(logRoot) ? double.NaN : Math.Exp(logRoot);
    }

    private sealed class DrawBuffers
    {
        public DrawBuffers(int targets, int leaves, int nodes, int slots, int maxChildren)
        {
            WeightSums = new double[nodes];
            Scratch = new double[maxChildren];
            Weights = new double[slots];
            LeafWeights = new double[leaves];
            NodeWeights = new double[nodes];
            PresentLeaves = new double[leaves];
            PresentNodes = new double[nodes];
            Nodes = new double[nodes];
            Composites = new double[targets];
            Ranks = new int[targets];
            Keys = new double[targets];
            Order = new int[targets];
        }

        public double[] Weights { get; }

        public double[] WeightSums { get; }

        public double[] Scratch { get; }

        public double[] LeafWeights { get; }

        public double[] NodeWeights { get; }

        /// <summary>All-present markers for <see cref="Aggregation.EffectiveWeights"/> (only NaN-ness is read).</summary>
        public double[] PresentLeaves { get; }

        public double[] PresentNodes { get; }

        public double[] Nodes { get; }

        public double[] Composites { get; }

        public int[] Ranks { get; }

        public double[] Keys { get; }

        public int[] Order { get; }
    }
}

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): state += 0x9E3779B97F4A7C15, then two xor-shift-multiply rounds.
/// Chosen over System.Random because its output is specified bit for bit and identical on every machine and .NET version.
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1): the top 53 bits scaled by 2⁻⁵³.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
