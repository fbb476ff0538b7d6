namespace EvalSystem.Domain.Scoring;

/// <summary>The tree walk shared by the engine, the breakdown and the Monte Carlo analysis. Allocation-free.</summary>
internal static class Aggregation
{
    /// <summary>
    /// Fills <paramref name="nodes"/> (all inner nodes, root last) from one target's leaf scores; NaN leaves are excluded and
    /// the remaining siblings re-weighted by dividing by their weight sum. Returns the root score (NaN if nothing is present).
    /// </summary>
    public static double Arithmetic(ScoringModel m, ReadOnlySpan<double> weights, ReadOnlySpan<double> leaves, Span<double> nodes)
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
                    num += weights[k] * v;
                    den += weights[k];
                }
            }

            nodes[n] = den > 0 ? num / den : double.NaN;
        }

        return nodes[count - 1];
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
