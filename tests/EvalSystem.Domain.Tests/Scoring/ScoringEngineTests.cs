using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Scoring;

public class ScoringEngineTests
{
    private const IndicatorDirection Lower = IndicatorDirection.LowerIsBetter;
    private const IndicatorDirection Higher = IndicatorDirection.HigherIsBetter;

    /// <summary>KB (60 %): KB-1 goalposts 1–9, KB-2 goalposts 0.5–20 (both lower is better, 50 % each); ZW (40 %): ZW-1 target 100.</summary>
    private static ScoringModelDefinition Catalogue(MissingDataPolicy policy = MissingDataPolicy.Zero) => new(
    [
        new ScoringNode("KB", "开办企业", 60,
        [
            new ScoringLeaf("KB-1", "开办企业环节", 50, Lower, new GoalpostRule(1, 9)),
            new ScoringLeaf("KB-2", "开办企业时间", 50, Lower, new GoalpostRule(0.5, 20)),
        ]),
        new ScoringNode("ZW", "政务服务", 40, [new ScoringLeaf("ZW-1", "网上可办率", 100, Higher, new TargetRule(100))]),
    ]) { MissingData = policy };

    private static readonly string[] CatalogueMeasures = ["KB-1", "KB-2", "ZW-1"];

    private static ScoringInput Input(string[] measures, params double[][] rows)
        => new(rows.Select((_, i) => $"T{i + 1}").ToArray(), measures, rows.SelectMany(r => r).ToArray());

    /// <summary>One leaf scored 1:1 (goalposts 0 → 0, 100 → 100), so raw values are the composites.</summary>
    private static ScoringModel Identity(double tolerance = 1e-9) => ScoringModel.Build(
        new ScoringModelDefinition([new ScoringLeaf("X", "X", 100, Higher, new GoalpostRule(100, 0))]) { TieTolerance = tolerance });

    [Fact]
    public void Compute_TwoLevelTree_MatchesHandComputation()
    {
        var result = ScoringEngine.Compute(ScoringModel.Build(Catalogue()), Input(CatalogueMeasures, [4, 3, 90]));
        // KB-1 = (9 − 4)/(9 − 1)·100 = 62.5; KB-2 = (20 − 3)/19.5·100 = 87.1794871795; ZW-1 = 90/100·100 = 90
        // KB = (62.5 + 87.1794871795)/2 = 74.8397435897; composite = 0.6·74.8397435897 + 0.4·90 = 80.9038461538
        Assert.Equal(80.9038461538, result.Composites[0], precision: 9);
        var target = result.GetTarget(0);
        Assert.Equal(74.8397435897, target.Nodes.Single(n => n.Code == "KB").Score!.Value, precision: 9);
        Assert.Equal(1, target.Nodes.Single(n => n.Code == "KB").Level);
        Assert.Equal([0.3, 0.3, 0.4], target.Leaves.Select(l => Math.Round(l.EffectiveWeight, 12)));
        Assert.Equal(result.Composites[0], target.Leaves.Sum(l => l.Contribution), precision: 9);
    }

    [Fact]
    public void Compute_Ranks_AreCompetitionRanking()
    {
        var result = ScoringEngine.Compute(Identity(), Input(["X"], [80], [90], [70], [80]));
        Assert.Equal([2, 1, 4, 2], result.Ranks);
    }

    [Fact]
    public void Compute_TieTolerance_TiesNearlyEqualComposites()
    {
        var result = ScoringEngine.Compute(Identity(1e-6), Input(["X"], [80], [80 + 5e-7], [80 - 2e-6]));
        Assert.Equal([1, 1, 3], result.Ranks);
    }

    [Fact]
    public void Compute_TieTolerance_DoesNotChainAcrossAWideRange()
    {
        // Each neighbour is within 0.6 of the next, but 81.0 and 79.8 are 1.2 apart: ties are measured from the group's best.
        var result = ScoringEngine.Compute(Identity(1.0), Input(["X"], [81.0], [80.4], [79.8]));
        Assert.Equal([1, 1, 3], result.Ranks);
    }

    [Fact]
    public void MissingZero_MissingLeafScoresZeroAndIsFlagged()
    {
        var result = ScoringEngine.Compute(ScoringModel.Build(Catalogue(MissingDataPolicy.Zero)), Input(CatalogueMeasures, [double.NaN, 3, 90]));
        var leaf = result.GetTarget(0).Leaves[0];
        Assert.Equal(Imputation.Zero, leaf.Imputation);
        Assert.Equal(0, leaf.Score);
        Assert.Null(leaf.RawValue);
        // KB = (0 + 87.1794871795)/2; composite = 0.6·43.5897435897 + 36 = 62.1538461538
        Assert.Equal(62.1538461538, result.Composites[0], precision: 9);
    }

    [Fact]
    public void MissingExcludeAndReweight_SiblingTakesTheWholeParentWeight()
    {
        var result = ScoringEngine.Compute(ScoringModel.Build(Catalogue(MissingDataPolicy.ExcludeAndReweight)), Input(CatalogueMeasures, [double.NaN, 3, 90]));
        var target = result.GetTarget(0);
        Assert.Equal(Imputation.Reweighted, target.Leaves[0].Imputation);
        Assert.Null(target.Leaves[0].Score);
        Assert.Equal([0.0, 0.6, 0.4], target.Leaves.Select(l => Math.Round(l.EffectiveWeight, 12)));
        // composite = 0.6·87.1794871795 + 0.4·90 = 88.3076923077
        Assert.Equal(88.3076923077, result.Composites[0], precision: 9);
        Assert.Equal(result.Composites[0], target.Leaves.Sum(l => l.Contribution), precision: 9);
    }

    [Fact]
    public void MissingExcludeAndReweight_WholeGroupMissing_ReweightsAtTheLevelAbove()
    {
        var result = ScoringEngine.Compute(ScoringModel.Build(Catalogue(MissingDataPolicy.ExcludeAndReweight)), Input(CatalogueMeasures, [double.NaN, double.NaN, 90]));
        var target = result.GetTarget(0);
        Assert.Null(target.Nodes.Single(n => n.Code == "KB").Score);
        Assert.Equal(90, result.Composites[0], precision: 9);
    }

    [Fact]
    public void MissingExcludeAndReweight_NothingMeasured_ScoresZero()
    {
        var result = ScoringEngine.Compute(ScoringModel.Build(Catalogue(MissingDataPolicy.ExcludeAndReweight)), Input(CatalogueMeasures, [double.NaN, double.NaN, double.NaN], [4, 3, 90]));
        Assert.Equal(0, result.Composites[0]);
        Assert.Equal(2, result.Ranks[0]);
    }

    [Fact]
    public void MissingCarryForward_UsesPreviousValueOrFallsBackToZero()
    {
        var model = ScoringModel.Build(Catalogue(MissingDataPolicy.CarryForward));
        var input = Input(CatalogueMeasures, [double.NaN, 3, double.NaN]) with { PreviousValues = [4, 2, double.NaN] };
        var target = ScoringEngine.Compute(model, input).GetTarget(0);
        Assert.Equal(Imputation.CarriedForward, target.Leaves[0].Imputation);
        Assert.Equal(4, target.Leaves[0].RawValue);
        Assert.Equal(62.5, target.Leaves[0].Score!.Value, precision: 9);
        Assert.Equal(Imputation.None, target.Leaves[1].Imputation);
        Assert.Equal(3, target.Leaves[1].RawValue);
        Assert.Equal(Imputation.Zero, target.Leaves[2].Imputation);
        Assert.Equal(0, target.Leaves[2].Score);
    }

    [Fact]
    public void MissingCarryForward_CarriedValueTakesPartInPeerStatistics()
    {
        var model = ScoringModel.Build(new ScoringModelDefinition([new ScoringLeaf("Q", "企业满意度", 100, Higher, new MinMaxRule())]) { MissingData = MissingDataPolicy.CarryForward });
        var input = Input(["Q"], [50], [double.NaN], [100]) with { PreviousValues = [0, 0, 0] };
        Assert.Equal([50, 0, 100], ScoringEngine.Compute(model, input).Composites);
    }

    [Fact]
    public void Geometric_ZeroScoreIsFlooredToOnePoint()
    {
        var model = ScoringModel.Build(new ScoringModelDefinition(
        [
            new ScoringLeaf("A", "A", 50, Higher, new GoalpostRule(100, 0)),
            new ScoringLeaf("B", "B", 50, Higher, new GoalpostRule(100, 0)),
        ]) { Aggregation = AggregationMethod.WeightedGeometric });
        var result = ScoringEngine.Compute(model, Input(["A", "B"], [0, 100], [100, 100]));
        // exp(0.5·ln 1 + 0.5·ln 100) = √100 = 10
        Assert.Equal(10, result.Composites[0], precision: 9);
        Assert.Equal(100, result.Composites[1], precision: 9);
        var target = result.GetTarget(0);
        Assert.Equal(Math.Log(result.AggregateScores[0]), target.Leaves.Sum(l => l.Contribution), precision: 12);
    }

    [Fact]
    public void Geometric_NestedNodesEqualOneGeometricMeanWithEffectiveWeights()
    {
        var model = ScoringModel.Build(Catalogue() with { Aggregation = AggregationMethod.WeightedGeometric });
        var result = ScoringEngine.Compute(model, Input(CatalogueMeasures, [4, 3, 90]));
        var expected = Math.Exp((0.3 * Math.Log(62.5)) + (0.3 * Math.Log(17 / 19.5 * 100)) + (0.4 * Math.Log(90)));
        Assert.Equal(expected, result.Composites[0], precision: 9);
    }

    private static ScoringModel WithAdjustments(double? maxTotal = null) => ScoringModel.Build(
        new ScoringModelDefinition([new ScoringLeaf("X", "X", 100, Higher, new GoalpostRule(100, 0))])
        {
            Adjustments = [new Adjustment("DB", "督办任务超期", -2, Cap: 5), new Adjustment("CX", "创新举措", 1, Cap: 3)],
            MaxTotalAdjustment = maxTotal,
        });

    [Fact]
    public void Adjustments_PenaltyIsCappedPerItem()
    {
        var input = Input(["X"], [80]) with { AdjustmentCodes = ["DB", "CX"], AdjustmentUnits = [4, 1] };
        var target = ScoringEngine.Compute(WithAdjustments(), input).GetTarget(0);
        // DB: 4 × −2 = −8, capped at −5; CX: +1; total −4
        Assert.Equal(-5, target.Adjustments[0].Points);
        Assert.Equal(-4, target.AdjustmentPoints);
        Assert.Equal(76, target.Composite, precision: 9);
    }

    [Fact]
    public void Adjustments_TotalCapAppliesAfterItemCaps()
    {
        var input = Input(["X"], [80]) with { AdjustmentCodes = ["DB"], AdjustmentUnits = [4] };
        Assert.Equal(77, ScoringEngine.Compute(WithAdjustments(maxTotal: 3), input).Composites[0], precision: 9);
    }

    [Fact]
    public void Adjustments_BonusAbove100_IsClippedAndTheBreakdownShowsIt()
    {
        var input = Input(["X"], [99]) with { AdjustmentCodes = ["CX"], AdjustmentUnits = [3] };
        var target = ScoringEngine.Compute(WithAdjustments(), input).GetTarget(0);
        Assert.Equal(100, target.Composite);
        Assert.Equal(3, target.AdjustmentPoints);
        Assert.Equal(-2, target.ClippingCorrection, precision: 9);
        Assert.Equal(target.Composite, target.Leaves.Sum(l => l.Contribution) + target.AdjustmentPoints + target.ClippingCorrection, precision: 9);
    }

    [Fact]
    public void Adjustments_UnknownCodeInInput_IsRejected()
    {
        var input = Input(["X"], [80]) with { AdjustmentCodes = ["??"], AdjustmentUnits = [1] };
        Assert.Throws<ArgumentException>(() => ScoringEngine.Compute(WithAdjustments(), input));
    }

    private static ScoringModel FormulaModel() => ScoringModel.Build(new ScoringModelDefinition(
    [
        new ScoringLeaf("ZW-1", "网办率", 50, Higher, new TargetRule(100), "[网上办件数] / [办件总数] * 100"),
        new ScoringLeaf("ZW-2", "线下率", 50, Lower, new GoalpostRule(0, 100), "100 - [ZW-1]"),
    ]) { BaseMeasures = ["网上办件数", "办件总数"] });

    [Fact]
    public void Formula_IsEvaluatedPerTargetBeforeScoring_AndMayUseAnotherFormula()
    {
        var result = ScoringEngine.Compute(FormulaModel(), Input(["网上办件数", "办件总数"], [45, 60]));
        var target = result.GetTarget(0);
        Assert.Equal(75, target.Leaves[0].RawValue!.Value, precision: 9);
        Assert.Equal(25, target.Leaves[1].RawValue!.Value, precision: 9);
        Assert.Equal(75, target.Leaves[1].Score!.Value, precision: 9);
    }

    [Fact]
    public void Formula_MissingInputOrDivisionByZero_MakesTheMeasureMissing()
    {
        var result = ScoringEngine.Compute(FormulaModel(), Input(["网上办件数", "办件总数"], [double.NaN, 60], [0, 0]));
        Assert.All(Enumerable.Range(0, 2), t => Assert.Equal(Imputation.Zero, result.GetImputation(t, 0)));
        Assert.All(Enumerable.Range(0, 2), t => Assert.True(double.IsNaN(result.GetRawValue(t, 1))));
    }

    [Fact]
    public void Compute_ChangeVsPrevious_ComesFromPreviousStandings()
    {
        var input = Input(["X"], [80], [90], [70]) with
        {
            Previous = new Dictionary<string, PreviousStanding> { ["T1"] = new(85, 1), ["T3"] = new(60, 3) },
        };
        var result = ScoringEngine.Compute(Identity(), input);
        Assert.Equal(-5, result.CompositeChanges[0]!.Value, precision: 9);
        Assert.Equal(-1, result.RankChanges[0]);
        Assert.Null(result.CompositeChanges[1]);
        Assert.Null(result.RankChanges[1]);
        Assert.Equal(0, result.RankChanges[2]);
    }

    [Fact]
    public void Compute_LeafAbsentFromInput_IsMissingForEveryone()
    {
        var result = ScoringEngine.Compute(ScoringModel.Build(Catalogue()), Input(["KB-1", "KB-2"], [4, 3]));
        Assert.Equal(Imputation.Zero, result.GetImputation(0, 2));
    }

    [Fact]
    public void Compute_WrongMatrixSize_IsRejected()
        => Assert.Throws<ArgumentException>(() => ScoringEngine.Compute(Identity(), new ScoringInput(["A", "B"], ["X"], [1])));

    [Fact]
    public void Compute_NonLinearAndPeerRules_ScoreThroughTheColumnPath()
    {
        var model = ScoringModel.Build(new ScoringModelDefinition(
        [
            new ScoringLeaf("R", "排名", 50, Higher, new RankPointsRule([100, 50])),
            new ScoringLeaf("Y", "达标", 50, Higher, new YesNoRule()),
        ]));
        var result = ScoringEngine.Compute(model, Input(["R", "Y"], [3, 1], [5, 0], [1, 1]));
        Assert.Equal([75, 50, 75], result.Composites);
        Assert.Equal([1, 3, 1], result.Ranks);
    }

    [Fact]
    public void Compute_BandsBoundaries_ScoreAsTheRuleSays()
    {
        var bands = new BandsRule(
        [
            new Band(null, 1, UpperInclusive: false, Score: 100),
            new Band(1, 3, LowerInclusive: true, UpperInclusive: false, Score: 80),
            new Band(3, null, LowerInclusive: true, Score: 0),
        ]);
        var model = ScoringModel.Build(new ScoringModelDefinition([new ScoringLeaf("DL-2", "获得电力时间", 100, Lower, bands)]));
        double[] values = [0.5, 1, 2.999, 3, 7];
        var result = ScoringEngine.Compute(model, Input(["DL-2"], values.Select(v => new[] { v }).ToArray()));
        Assert.Equal([100, 80, 80, 0, 0], result.Composites);
        Assert.Equal(values.Select(v => bands.Score(v, Lower)), result.Composites);
    }

    [Fact]
    public void Compute_WinsorisedMinMax_MatchesTheRuleOnTheWholeColumn()
    {
        var rule = new MinMaxRule(Winsorize: true, MaxWinsorized: 3);
        var model = ScoringModel.Build(new ScoringModelDefinition([new ScoringLeaf("PC-1", "破产回收率", 100, Higher, rule)]));
        double[] values = [.. Enumerable.Range(1, 19).Select(i => (double)i), 1000];
        var result = ScoringEngine.Compute(model, Input(["PC-1"], values.Select(v => new[] { v }).ToArray()));
        var expected = new double[values.Length];
        rule.ScoreColumn(values, expected, Higher);
        Assert.Equal(expected, result.Composites);
        Assert.Equal(50, result.Composites[9], precision: 9);
    }

    [Fact]
    public void Compute_InfiniteRawValue_IsMissing()
    {
        var result = ScoringEngine.Compute(Identity(), Input(["X"], [double.PositiveInfinity], [50]));
        Assert.Equal(Imputation.Zero, result.GetImputation(0, 0));
        Assert.Equal(0, result.Composites[0]);
    }

    [Fact]
    public void Compute_InputColumnsInAnyOrder_GiveIdenticalScores()
    {
        // Leaf order lets the engine score four leaves per vector; a shuffled input forces the cell-by-cell path.
        var leaves = Enumerable.Range(0, 8).Select(i => (ScoringElement)new ScoringLeaf($"L{i}", $"L{i}", 12.5, i % 2 == 0 ? Higher : Lower, i < 4 ? new GoalpostRule(i % 2 == 0 ? 100 : 0, i % 2 == 0 ? 0 : 100) : new ZScoreRule())).ToList();
        var model = ScoringModel.Build(new ScoringModelDefinition([new ScoringNode("G", "G", 100, leaves)]));
        var rng = new Random(3);
        var rows = Enumerable.Range(0, 50).Select(_ => Enumerable.Range(0, 8).Select(_ => Math.Round(rng.NextDouble() * 120 - 10, 2)).ToArray()).ToArray();
        rows[7][2] = double.NaN;
        var ordered = ScoringEngine.Compute(model, Input(leaves.Select(l => l.Code).ToArray(), rows));
        int[] permutation = [3, 7, 0, 5, 1, 6, 2, 4];
        var shuffled = ScoringEngine.Compute(model, Input(permutation.Select(p => $"L{p}").ToArray(), rows.Select(r => permutation.Select(p => r[p]).ToArray()).ToArray()));
        Assert.Equal(ordered.Composites, shuffled.Composites);
        for (var t = 0; t < 50; t++)
        {
            for (var l = 0; l < 8; l++)
                Assert.Equal(ordered.GetLeafScore(t, l), shuffled.GetLeafScore(t, l));
        }
    }

    [Fact]
    public void Compute_LowerIsBetterTarget_MatchesTheRuleCellByCell()
    {
        var rule = new TargetRule(5, 1.2);
        var model = ScoringModel.Build(new ScoringModelDefinition([new ScoringLeaf("ZW-2", "平均审批时间", 100, Lower, rule)]));
        double[] values = [-1, 0, 2, 4.5, 5, 10, 1e6];
        var result = ScoringEngine.Compute(model, Input(["ZW-2"], values.Select(v => new[] { v }).ToArray()));
        Assert.Equal(values.Select(v => rule.Score(v, Lower)), result.Composites);
        Assert.Equal([100, 100, 100, 100, 100, 50, 5e-4], result.Composites);
    }
}
