using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EvalSystem.Domain.Scoring;

/// <summary>The tree walk shared by the engine, the breakdown and the Monte Carlo analysis. Allocation-free.</summary>
internal static class Aggregation
{
    /// <summary>Σ of each node's child weights, in child order (the denominator when no child is missing).</summary>
    public static void WeightSums(ScoringModel m, ReadOnlySpan<double> weights, Span<double> sums)
    {
        for (var n = 0; n < m.NodeCount; n++)
        {
            double sum = 0;
            for (var k = m.ChildStart[n]; k < m.ChildStart[n + 1]; k++)
                sum += weights[k];
            sums[n] = sum;
        }
    }

    /// <summary>
    /// Fills <paramref name="nodes"/> (all inner nodes, root last) from one target's leaf scores: node = Σ w·s / Σ w over the
    /// children that are present (not NaN), which re-weights the siblings of an excluded child. Returns the root score
    /// (NaN if nothing is present). <paramref name="weightSums"/> comes from <see cref="WeightSums"/> with the same weights;
    /// <paramref name="scratch"/> holds at least the largest number of children of a node.
    /// </summary>
    public static double Arithmetic(
        ScoringModel m, ReadOnlySpan<double> weights, ReadOnlySpan<double> weightSums, ReadOnlySpan<double> leaves, Span<double> nodes, Span<double> scratch)
    {
        var start = m.ChildStart;
        var item = m.ChildItem;
        var leafStart = m.NodeLeafStart;
        var count = m.NodeCount;
        for (var n = 0; n < count; n++)
        {
            var begin = start[n];
            var size = start[n + 1] - begin;
            var first = leafStart[n];
            ReadOnlySpan<double> values;
            if (first >= 0)
            {
                values = leaves.Slice(first, size);
            }
            else
            {
                for (var k = 0; k < size; k++)
                {
                    var i = item[begin + k];
                    scratch[k] = i >= 0 ? leaves[i] : nodes[~i];
                }

                values = scratch[..size];
            }

            var w = weights.Slice(begin, size);
            var num = Dot(w, values);
            if (!double.IsNaN(num))
            {
                var full = weightSums[n];
                nodes[n] = full > 0 ? num / full : double.NaN;
                continue;
            }

            // Some child is excluded (NaN poisoned the dot product): sum over the present ones, in child order.
            num = 0;
            double den = 0;
            for (var k = 0; k < size; k++)
            {
                if (!double.IsNaN(values[k]))
                {
                    num += w[k] * values[k];
                    den += w[k];
                }
            }

            nodes[n] = den > 0 ? num / den : double.NaN;
        }

        return nodes[count - 1];
    }

    /// <summary>
    /// Σ wₖ·sₖ in a fixed order that does not depend on the hardware: four lane sums aᵢ = Σ over k ≡ i (mod 4) of the
    /// leading multiple-of-four terms, combined as (a₀ + a₁) + (a₂ + a₃), then the remaining terms in order. Lane-wise
    /// products and sums are plain IEEE operations, so a machine without 256-bit vectors gets the same bits.
    /// </summary>
    public static double Dot(ReadOnlySpan<double> w, ReadOnlySpan<double> s)
    {
        var k = 0;
        double sum = 0;
        if (w.Length >= 4 && s.Length >= w.Length)
        {
            var acc = Vector256<double>.Zero;
            ref var wb = ref MemoryMarshal.GetReference(w);
            ref var sb = ref MemoryMarshal.GetReference(s);
            for (; k + 4 <= w.Length; k += 4)
                acc += Vector256.LoadUnsafe(ref wb, (nuint)k) * Vector256.LoadUnsafe(ref sb, (nuint)k);
            sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        }

        for (; k < w.Length; k++)
            sum += w[k] * s[k];
        return sum;
    }

    /// <summary>As <see cref="Arithmetic"/> with node = exp(Σ w·ln max(s, floor) / Σ w).</summary>
    public static double Geometric(ScoringModel m, ReadOnlySpan<double> weights, ReadOnlySpan<double> leaves, Span<double> nodes, double floor)
    {
        var start = m.ChildStart;
        var item = m.ChildItem;
        var count = m.NodeCount;
        for (var n = 0; n < count; n++)
        {
            double num = 0, den = 0;
            var end = start[n + 1];
            for (var k = start[n]; k < end; k++)
            {
                var i = item[k];
                var v = i >= 0 ? leaves[i] : nodes[~i];
                if (!double.IsNaN(v))
                {
                    num += weights[k] * Math.Log(Math.Max(v, floor));
                    den += weights[k];
                }
            }

            nodes[n] = den > 0 ? Math.Exp(num / den) : double.NaN;
        }

        return nodes[count - 1];
    }

    /// <summary>
    /// Effective weight of every leaf and node: the root has 1, a present child gets parent × w / Σ w(present siblings),
    /// an excluded child 0. Walks nodes root-first (reverse post-order).
    /// </summary>
    public static void EffectiveWeights(
        ScoringModel m, ReadOnlySpan<double> weights, ReadOnlySpan<double> leaves, ReadOnlySpan<double> nodes, Span<double> leafWeights, Span<double> nodeWeights)
    {
        leafWeights.Clear();
        nodeWeights.Clear();
        nodeWeights[m.NodeCount - 1] = double.IsNaN(nodes[m.NodeCount - 1]) ? 0 : 1;
        for (var n = m.NodeCount - 1; n >= 0; n--)
        {
            double den = 0;
            for (var k = m.ChildStart[n]; k < m.ChildStart[n + 1]; k++)
            {
                var i = m.ChildItem[k];
                if (!double.IsNaN(i >= 0 ? leaves[i] : nodes[~i]))
                    den += weights[k];
            }

            for (var k = m.ChildStart[n]; k < m.ChildStart[n + 1]; k++)
            {
                var i = m.ChildItem[k];
                var present = !double.IsNaN(i >= 0 ? leaves[i] : nodes[~i]);
                var w = present && den > 0 ? nodeWeights[n] * weights[k] / den : 0;
                if (i >= 0)
                    leafWeights[i] = w;
                else
                    nodeWeights[~i] = w;
            }
        }
    }
}

/// <summary>Competition ranking (1, 2, 2, 4) with an absolute tie tolerance.</summary>
public static class Ranking
{
    /// <summary>
    /// Ranks descending. Sorted by score, a target ties with the first (highest) member of the current tie group when it is within
    /// <paramref name="tolerance"/> of it; comparing with the group's first member stops ties from chaining across a wide range.
    /// </summary>
    public static void Competition(ReadOnlySpan<double> scores, double tolerance, Span<int> ranks)
    {
        var keys = new double[scores.Length];
        var order = new int[scores.Length];
        Competition(scores, tolerance, ranks, keys, order);
    }

    /// <summary>Allocation-free overload; <paramref name="keys"/> and <paramref name="order"/> are scratch of the same length.</summary>
    public static void Competition(ReadOnlySpan<double> scores, double tolerance, Span<int> ranks, double[] keys, int[] order)
    {
        var n = scores.Length;
        for (var i = 0; i < n; i++)
        {
            keys[i] = -scores[i];
            order[i] = i;
        }

        Array.Sort(keys, order, 0, n);
        var leader = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || keys[i] - keys[leader] > tolerance)
            {
                leader = i;
                ranks[order[i]] = i + 1;
            }
            else
            {
                ranks[order[i]] = leader + 1;
            }
        }
    }
}
