using EvalSystem.Domain.Scoring;

namespace EvalSystem.Benchmarks;

/// <summary>
/// A realistic-size province: 3,000 targets, 10 first-level groups × 10 leaves, 12 monthly periods, generated from a fixed seed.
/// Per group: 6 goalposts, 2 min–max (one winsorised), 1 z-score, and bands or target attainment alternately.
/// </summary>
internal static class BenchmarkData
{
    public const int Targets = 3000;
    public const int Groups = 10;
    public const int LeavesPerGroup = 10;
    public const int Leaves = Groups * LeavesPerGroup;
    public const int Periods = 12;

    /// <summary>The same tree with goalposts only: every leaf takes the engine's vectorised linear path.</summary>
    public static ScoringModel GoalpostsModel() => Model(goalpostsOnly: true);

    public static ScoringModel Model(bool goalpostsOnly = false)
    {
        var groups = new List<ScoringElement>();
        for (var g = 0; g < Groups; g++)
        {
            var leaves = new List<ScoringElement>();
            for (var l = 0; l < LeavesPerGroup; l++)
            {
                var code = $"G{g}-L{l}";
                var higher = (l % 2) == 0;
                var direction = higher ? IndicatorDirection.HigherIsBetter : IndicatorDirection.LowerIsBetter;
                ScoringRule rule = goalpostsOnly ? new GoalpostRule(100, 0) : l switch
                {
                    < 6 => higher ? new GoalpostRule(100, 0) : new GoalpostRule(0, 100),
                    6 => new MinMaxRule(),
                    7 => new MinMaxRule(Winsorize: true, MaxWinsorized: 5),
                    8 => new ZScoreRule(),
                    _ when g % 2 == 0 => new BandsRule([new Band(null, 20, Score: 100), new Band(20, 50, Score: 80), new Band(50, 80, Score: 60), new Band(80, null, Score: 0)]),
                    _ => new TargetRule(90, 1.0),
                };
                leaves.Add(new ScoringLeaf(code, code, 10, direction, rule));
            }

            groups.Add(new ScoringNode($"G{g}", $"G{g}", 10, leaves));
        }

        return ScoringModel.Build(new ScoringModelDefinition(groups));
    }

    public static ScoringInput[] Inputs(ScoringModel model)
    {
        var rng = new Random(20260101);
        var codes = model.Leaves.Select(l => l.Code).ToArray();
        var keys = Enumerable.Range(0, Targets).Select(t => $"{110000 + t}").ToArray();
        var inputs = new ScoringInput[Periods];
        for (var p = 0; p < Periods; p++)
        {
            var values = new double[Targets * Leaves];
            for (var i = 0; i < values.Length; i++)
                values[i] = Math.Round(rng.NextDouble() * 100, 2);
            inputs[p] = new ScoringInput(keys, codes, values);
        }

        return inputs;
    }

    /// <summary>Fraction weights of the leaves (all 10 % × 10 % here), as a plain weighted sum would use them.</summary>
    public static double[] FlatWeights(ScoringModel model)
    {
        var weights = new double[model.LeafCount];
        for (var l = 0; l < weights.Length; l++)
            weights[l] = 0.01;
        return weights;
    }
}
