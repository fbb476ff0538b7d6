using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Scoring;

public class SensitivityAnalysisTests
{
    private const IndicatorDirection Higher = IndicatorDirection.HigherIsBetter;

    /// <summary>Two groups pulling in opposite directions, so rankings in the middle genuinely depend on the weights.</summary>
    private static (ScoringModel Model, ScoringInput Input) Case(MissingDataPolicy policy = MissingDataPolicy.Zero, AggregationMethod aggregation = AggregationMethod.WeightedArithmetic, bool withGap = false)
    {
        var model = ScoringModel.Build(new ScoringModelDefinition(
        [
            new ScoringNode("A", "A", 50, [new ScoringLeaf("A1", "A1", 60, Higher, new GoalpostRule(100, 0)), new ScoringLeaf("A2", "A2", 40, Higher, new MinMaxRule())]),
            new ScoringNode("B", "B", 50, [new ScoringLeaf("B1", "B1", 100, Higher, new GoalpostRule(100, 0))]),
        ]) { MissingData = policy, Aggregation = aggregation });
        var rng = new Random(7);
        var targets = 40;
        var values = new double[targets * 3];
        for (var t = 0; t < targets; t++)
        {
            values[t * 3] = t * 2.5;
            values[(t * 3) + 1] = rng.NextDouble() * 100;
            values[(t * 3) + 2] = 100 - (t * 2.4);
        }

        if (withGap)
            values[4] = double.NaN;
        return (model, new ScoringInput(Enumerable.Range(0, targets).Select(t => $"T{t}").ToArray(), ["A1", "A2", "B1"], values));
    }

    private static string Fingerprint(SensitivityResult r)
        => string.Join(";", r.Targets.Select(t => $"{t.TargetKey}:{t.BaseRank}:{t.MedianRank}:{t.Rank5}:{t.Rank95}"));

    [Fact]
    public void Run_SameSeed_SameResult()
    {
        var (model, input) = Case();
        Assert.Equal(Fingerprint(SensitivityAnalysis.Run(model, input, draws: 300)), Fingerprint(SensitivityAnalysis.Run(model, input, draws: 300)));
    }

    [Fact]
    public void Run_DifferentSeed_DifferentResult()
    {
        var (model, input) = Case();
        Assert.NotEqual(Fingerprint(SensitivityAnalysis.Run(model, input, draws: 300, seed: 1)), Fingerprint(SensitivityAnalysis.Run(model, input, draws: 300, seed: 2)));
    }

    [Fact]
    public void Run_WeightsMatter_IntervalsWidenAroundTheBaseRank()
    {
        var (model, input) = Case();
        var result = SensitivityAnalysis.Run(model, input, draws: 500);
        Assert.Contains(result.Targets, t => t.Rank95 - t.Rank5 >= 2);
        Assert.All(result.Targets, t => Assert.InRange(t.MedianRank, t.Rank5, t.Rank95));
    }

    [Theory]
    [InlineData(MissingDataPolicy.Zero, AggregationMethod.WeightedArithmetic, false)]
    [InlineData(MissingDataPolicy.ExcludeAndReweight, AggregationMethod.WeightedArithmetic, true)]
    [InlineData(MissingDataPolicy.Zero, AggregationMethod.WeightedGeometric, false)]
    [InlineData(MissingDataPolicy.ExcludeAndReweight, AggregationMethod.WeightedGeometric, true)]
    public void Run_ZeroPerturbation_ReproducesTheEngineRanks(MissingDataPolicy policy, AggregationMethod aggregation, bool withGap)
    {
        // Covers both the dot-product path (no exclusions) and the tree path (an excluded leaf).
        var (model, input) = Case(policy, aggregation, withGap);
        var result = SensitivityAnalysis.Run(model, input, draws: 20, perturbation: 0);
        Assert.All(result.Targets, t =>
        {
            Assert.Equal(t.BaseRank, t.MedianRank);
            Assert.Equal(t.BaseRank, t.Rank5);
            Assert.Equal(t.BaseRank, t.Rank95);
        });
    }

    [Fact]
    public void Quantile_InterpolatesBetweenOrderStatistics()
    {
        int[] sorted = [1, 2, 3, 4, 10];
        Assert.Equal(3, SensitivityAnalysis.Quantile(sorted, 0.5));
        Assert.Equal(1.2, SensitivityAnalysis.Quantile(sorted, 0.05), precision: 12);
        Assert.Equal(8.8, SensitivityAnalysis.Quantile(sorted, 0.95), precision: 12);
    }

    [Fact]
    public void SplitMix64_MatchesThePublishedReferenceSequence()
    {
        // First outputs of SplitMix64 seeded with 1234567 (reference C implementation by Sebastiano Vigna).
        var rng = new SplitMix64(1234567);
        Assert.Equal(6457827717110365317UL, rng.Next());
        Assert.Equal(3203168211198807973UL, rng.Next());
    }
}
