using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Scoring;

/// <summary>
/// A deliberately plain re-implementation of the methodology (recursive, LINQ, no arrays of indices), used as the oracle for
/// property tests. It supports the rules the generators use: goalposts, min–max (no winsorising), z-score and target.
/// </summary>
internal static class ReferenceScorer
{
    public static double[] Composites(ScoringModelDefinition model, IReadOnlyList<string> measures, double[] values)
    {
        var targets = values.Length / measures.Count;
        var leaves = Leaves(model.Indicators).ToList();
        var scores = leaves.ToDictionary(
            leaf => leaf.Code,
            leaf =>
            {
                var m = measures.ToList().IndexOf(leaf.Code);
                var column = Enumerable.Range(0, targets).Select(t => m < 0 ? double.NaN : values[(t * measures.Count) + m]).ToArray();
                return ScoreColumn(leaf, column).Select(s => double.IsNaN(s) && model.MissingData != MissingDataPolicy.ExcludeAndReweight ? 0 : s).ToArray();
            });

        return Enumerable.Range(0, targets)
            .Select(t => Node(model.Indicators, scores, t, model.Aggregation, model.GeometricFloor))
            .Select(s => double.IsNaN(s) ? 0 : Math.Clamp(s, 0, 100))
            .ToArray();
    }

    private static double Node(IReadOnlyList<ScoringElement> children, Dictionary<string, double[]> scores, int t, AggregationMethod method, double floor)
    {
        var present = children
            .Select(c => (c.Weight, Score: c is ScoringNode n ? Node(n.Children, scores, t, method, floor) : scores[c.Code][t]))
            .Where(x => !double.IsNaN(x.Score))
            .ToList();
        if (present.Count == 0 || present.Sum(x => x.Weight) == 0)
            return double.NaN;
        var total = present.Sum(x => x.Weight);
        return method == AggregationMethod.WeightedArithmetic
            ? present.Sum(x => x.Weight * x.Score) / total
            : Math.Exp(present.Sum(x => x.Weight * Math.Log(Math.Max(x.Score, floor))) / total);
    }

    private static IEnumerable<ScoringLeaf> Leaves(IReadOnlyList<ScoringElement> elements)
        => elements.SelectMany(e => e is ScoringNode n ? Leaves(n.Children) : [(ScoringLeaf)e]);

    private static double[] ScoreColumn(ScoringLeaf leaf, double[] y)
    {
        var higher = leaf.Direction == IndicatorDirection.HigherIsBetter;
        var present = y.Where(v => !double.IsNaN(v)).ToArray();
        return leaf.Rule switch
        {
            GoalpostRule g => y.Select(v => Math.Clamp((g.Worst - v) / (g.Worst - g.Best) * 100, 0, 100)).ToArray(),
            TargetRule r when higher => y.Select(v => Math.Clamp(Math.Min(v / r.Target, r.Cap) * 100, 0, 100)).ToArray(),
            TargetRule r => y.Select(v => double.IsNaN(v) ? v : v <= 0 ? Math.Min(100, r.Cap * 100) : Math.Clamp(Math.Min(r.Target / v, r.Cap) * 100, 0, 100)).ToArray(),
            MinMaxRule when present.Length > 0 && present.Max() > present.Min() => y.Select(v =>
                (higher ? v - present.Min() : present.Max() - v) / (present.Max() - present.Min()) * 100).ToArray(),
            MinMaxRule => y.Select(v => double.IsNaN(v) ? v : 100).ToArray(),
            ZScoreRule => ZScores(y, present, higher),
            _ => throw new NotSupportedException(leaf.Rule.GetType().Name),
        };
    }

    private static double[] ZScores(double[] y, double[] present, bool higher)
    {
        if (present.Length == 0)
            return y;
        var mean = present.Average();
        var sd = Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / present.Length);
        return y.Select(v => double.IsNaN(v) ? v : present.Max() == present.Min() ? 50 : Math.Clamp(50 + (10 * (higher ? 1 : -1) * (v - mean) / sd), 0, 100)).ToArray();
    }
}
