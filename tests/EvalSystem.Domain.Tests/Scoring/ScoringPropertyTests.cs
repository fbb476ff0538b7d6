using CsCheck;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Scoring;

public class ScoringPropertyTests
{
    /// <summary>A random two-level indicator system with random data (about 10 % missing).</summary>
    public sealed record Scenario(ScoringModelDefinition Model, string[] Measures, double[] Values, int Targets)
    {
        public override string ToString()
            => $"targets={Targets} leaves={Measures.Length} policy={Model.MissingData} agg={Model.Aggregation} rules={string.Join(",", Model.Indicators.SelectMany(g => ((ScoringNode)g).Children).Select(l => ScoringRuleJson.Serialize(((ScoringLeaf)l).Rule)))}";
    }

    private static ScoringRule Rule(int kind, bool higher) => kind switch
    {
        0 => higher ? new GoalpostRule(100, 0) : new GoalpostRule(0, 100),
        1 => new MinMaxRule(),
        2 => new ZScoreRule(),
        _ => new TargetRule(80, 1.1),
    };

    private static Gen<Scenario> Scenarios(int[] ruleKinds, bool allowMissing, bool forceHigher = false) =>
        from groups in Gen.Int[1, 4]
        from leavesPerGroup in Gen.Int[1, 4].Array[groups]
        let leafCount = leavesPerGroup.Sum()
        from kinds in Gen.Int[0, ruleKinds.Length - 1].Array[leafCount]
        from higher in Gen.Bool.Array[leafCount]
        from groupWeights in Gen.Int[1, 9].Array[groups]
        from leafWeights in Gen.Int[1, 9].Array[leafCount]
        from targets in Gen.Int[2, 25]
        // Measured data have finite precision; two values a few ulps apart would make any peer-relative rule ill-conditioned.
        from values in Gen.Double[-20, 150].Select(v => Math.Round(v, 2)).Array[targets * leafCount]
        from missing in Gen.Int[0, 9].Array[targets * leafCount]
        from reweight in Gen.Bool
        from geometric in Gen.Bool
        select Build(groups, leavesPerGroup, kinds.Select(k => ruleKinds[k]).ToArray(), forceHigher ? higher.Select(_ => true).ToArray() : higher,
            groupWeights, leafWeights, targets, allowMissing ? values.Select((v, i) => missing[i] == 0 ? double.NaN : v).ToArray() : values, reweight, geometric);

    private static Scenario Build(int groups, int[] leavesPerGroup, int[] kinds, bool[] higher, int[] groupWeights, int[] leafWeights, int targets, double[] values, bool reweight, bool geometric)
    {
        var measures = new List<string>();
        var nodes = new List<ScoringElement>();
        var leafIndex = 0;
        for (var g = 0; g < groups; g++)
        {
            var children = new List<ScoringElement>();
            var weightSum = leafWeights.Skip(leafIndex).Take(leavesPerGroup[g]).Sum();
            for (var l = 0; l < leavesPerGroup[g]; l++, leafIndex++)
            {
                var code = $"L{leafIndex}";
                measures.Add(code);
                var direction = higher[leafIndex] ? IndicatorDirection.HigherIsBetter : IndicatorDirection.LowerIsBetter;
                children.Add(new ScoringLeaf(code, code, 100.0 * leafWeights[leafIndex] / weightSum, direction, Rule(kinds[leafIndex], higher[leafIndex])));
            }

            nodes.Add(new ScoringNode($"G{g}", $"G{g}", 100.0 * groupWeights[g] / groupWeights.Sum(), children));
        }

        var model = new ScoringModelDefinition(nodes)
        {
            MissingData = reweight ? MissingDataPolicy.ExcludeAndReweight : MissingDataPolicy.Zero,
            Aggregation = geometric ? AggregationMethod.WeightedGeometric : AggregationMethod.WeightedArithmetic,
        };
        return new Scenario(model, measures.ToArray(), values, targets);
    }

    private static ScoringResult Compute(Scenario s)
        => ScoringEngine.Compute(ScoringModel.Build(s.Model), new ScoringInput(Enumerable.Range(0, s.Targets).Select(t => $"T{t}").ToArray(), s.Measures, s.Values));

    [Fact]
    public void Composites_MatchTheReferenceImplementation()
        => Scenarios([0, 1, 2, 3], allowMissing: true).Sample(s =>
        {
            var expected = ReferenceScorer.Composites(s.Model, s.Measures, s.Values);
            var actual = Compute(s).Composites;
            for (var t = 0; t < s.Targets; t++)
                Assert.Equal(expected[t], actual[t], 1e-9);
        }, iter: 300);

    [Fact]
    public void Ranks_AreAValidCompetitionRanking()
        => Gen.Int[0, 6].Array[2, 40].Sample(raw =>
        {
            // Coarse values make exact ties frequent.
            var model = ScoringModel.Build(new ScoringModelDefinition([new ScoringLeaf("X", "X", 100, IndicatorDirection.HigherIsBetter, new GoalpostRule(6, 0))]));
            var result = ScoringEngine.Compute(model, new ScoringInput(raw.Select((_, i) => $"T{i}").ToArray(), ["X"], raw.Select(v => (double)v).ToArray()));
            var c = result.Composites;
            var r = result.Ranks;
            for (var t = 0; t < raw.Length; t++)
            {
                Assert.Equal(1 + c.Count(x => x > c[t] + 1e-9), r[t]);
                for (var u = 0; u < raw.Length; u++)
                {
                    if (raw[u] == raw[t])
                        Assert.Equal(r[u], r[t]);
                }
            }
        }, iter: 300);

    [Fact]
    public void RaisingAHigherIsBetterValue_NeverLowersTheComposite()
        => (from s in Scenarios([0], allowMissing: false, forceHigher: true)
            from target in Gen.Int[0, 1000]
            from leaf in Gen.Int[0, 1000]
            from delta in Gen.Double[0, 50]
            select (s, target % s.Targets, leaf % s.Measures.Length, delta)).Sample(x =>
        {
            var (s, t, l, delta) = x;
            var before = Compute(s).Composites[t];
            var raised = (double[])s.Values.Clone();
            raised[(t * s.Measures.Length) + l] += delta;
            var after = Compute(s with { Values = raised }).Composites[t];
            Assert.True(after >= before - 1e-12, $"{before} → {after}");
        }, iter: 200);

    [Fact]
    public void MinMaxAndZScore_AreInvariantToAffineRescaling()
        => (from s in Scenarios([1, 2], allowMissing: true)
            from a in Gen.Double[0.01, 1000]
            from b in Gen.Double[-1000, 1000]
            select (s, a, b)).Sample(x =>
        {
            var (s, a, b) = x;
            var before = Compute(s);
            var after = Compute(s with { Values = s.Values.Select(v => (a * v) + b).ToArray() });
            for (var t = 0; t < s.Targets; t++)
            {
                for (var l = 0; l < s.Measures.Length; l++)
                {
                    var (p, q) = (before.GetLeafScore(t, l), after.GetLeafScore(t, l));
                    Assert.True(double.IsNaN(p) ? double.IsNaN(q) : Math.Abs(p - q) <= 1e-9, $"{p} vs {q}");
                }
            }
        }, iter: 200);

    [Fact]
    public void BreakdownContributions_AddUpToTheComposite()
        => Scenarios([0, 1, 2, 3], allowMissing: true).Sample(s =>
        {
            var result = Compute(s);
            for (var t = 0; t < s.Targets; t++)
            {
                var target = result.GetTarget(t);
                var sum = target.Leaves.Sum(l => l.Contribution);
                var aggregate = s.Model.Aggregation == AggregationMethod.WeightedArithmetic ? sum : Math.Exp(sum);
                if (target.Leaves.All(l => l.Score is null))
                    aggregate = 0;
                Assert.Equal(target.Composite, aggregate + target.AdjustmentPoints + target.ClippingCorrection, 1e-9);
                Assert.Equal(target.Leaves.All(l => l.Score is null) ? 0 : 1, target.Leaves.Sum(l => l.EffectiveWeight), 1e-12);
            }
        }, iter: 200);
}
