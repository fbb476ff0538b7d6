using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Scoring;

public class RuleTests
{
    private const IndicatorDirection Higher = IndicatorDirection.HigherIsBetter;
    private const IndicatorDirection Lower = IndicatorDirection.LowerIsBetter;

    [Fact]
    public void Goalpost_DomainWorkedExample_Kb2ThreeDaysScores87Point18()
    {
        // KB-2 开办企业时间, best 0.5, worst 20 working days; 3 days:
        // (20 − 3) / (20 − 0.5) × 100 = 17 / 19.5 × 100 = 87.179487179…
        var score = new GoalpostRule(Best: 0.5, Worst: 20).Score(3, Lower);
        Assert.Equal(87.179487179, score, precision: 9);
    }

    [Theory]
    [InlineData(0.5, 100.0)] // at the frontier
    [InlineData(20, 0.0)] // at the worst
    [InlineData(0.1, 100.0)] // beyond the frontier is clipped
    [InlineData(35, 0.0)] // beyond the worst is clipped
    [InlineData(10.25, 50.0)] // half way: (20 − 10.25) / 19.5 = 0.5
    public void Goalpost_LowerIsBetter_ScoresDistanceToFrontier(double value, double expected)
        => Assert.Equal(expected, new GoalpostRule(0.5, 20).Score(value, Lower), precision: 9);

    [Theory]
    [InlineData(8, 100.0)]
    [InlineData(0, 0.0)]
    [InlineData(6, 75.0)] // (0 − 6) / (0 − 8) = 0.75
    [InlineData(9, 100.0)]
    [InlineData(-1, 0.0)]
    public void Goalpost_HigherIsBetter_BestAboveWorst(double value, double expected)
        => Assert.Equal(expected, new GoalpostRule(Best: 8, Worst: 0).Score(value, Higher), precision: 9);

    [Fact]
    public void Goalpost_Missing_StaysMissing()
        => Assert.True(double.IsNaN(new GoalpostRule(0.5, 20).Score(double.NaN, Lower)));

    [Fact]
    public void Goalpost_Validate_EqualGoalpostsNamesTheValue()
    {
        var error = Assert.Single(new GoalpostRule(5, 5).Validate());
        Assert.Contains("不能相等", error);
        Assert.Contains("5", error);
    }

    [Theory]
    [InlineData(50, 1.0, 50.0)]
    [InlineData(100, 1.0, 100.0)]
    [InlineData(120, 1.0, 100.0)] // cap 1 stops over-achievement
    [InlineData(120, 1.2, 100.0)] // a cap above 1 is still clipped to 100
    [InlineData(-5, 1.0, 0.0)]
    public void Target_HigherIsBetter_ActualOverTarget(double actual, double cap, double expected)
        => Assert.Equal(expected, new TargetRule(100, cap).Score(actual, Higher), precision: 9);

    [Theory]
    [InlineData(10, 50.0)] // target 5 days, took 10 → 5/10
    [InlineData(5, 100.0)]
    [InlineData(2, 100.0)] // better than target, capped
    [InlineData(0, 100.0)] // zero time → cap
    public void Target_LowerIsBetter_TargetOverActual(double actual, double expected)
        => Assert.Equal(expected, new TargetRule(5, 1.0).Score(actual, Lower), precision: 9);

    [Fact]
    public void Target_LowerIsBetter_CapBelowOneLimitsScore()
        => Assert.Equal(80.0, new TargetRule(5, 0.8).Score(0, Lower), precision: 9);

    [Fact]
    public void Target_Validate_NonPositiveTargetAndCapAreRejected()
    {
        var errors = new TargetRule(0, -1).Validate();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("目标值"));
        Assert.Contains(errors, e => e.Contains("封顶"));
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(-3, 100.0)]
    [InlineData(0, 0.0)]
    public void YesNo_NonZeroIsAchieved(double value, double expectedOver100)
        => Assert.Equal(expectedOver100 == 0 ? 0 : 100, new YesNoRule().Score(value, Higher));

    private static BandsRule DaysBands() => new(
    [
        new Band(null, 1, Score: 100),
        new Band(1, 3, Score: 80),
        new Band(3, 5, Score: 60),
        new Band(5, null, Score: 0),
    ]);

    [Theory]
    [InlineData(-2, 100.0)]
    [InlineData(1, 100.0)] // upper bound inclusive
    [InlineData(1.0001, 80.0)]
    [InlineData(3, 80.0)]
    [InlineData(5, 60.0)]
    [InlineData(5.5, 0.0)]
    [InlineData(1e9, 0.0)]
    public void Bands_ValueScoresItsBand(double value, double expected)
        => Assert.Equal(expected, DaysBands().Score(value, Lower));

    [Fact]
    public void Bands_Validate_CoveringBandsAreValid() => Assert.Empty(DaysBands().Validate());

    [Fact]
    public void Bands_Validate_GapNamesBothBands()
    {
        var rule = new BandsRule([new Band(null, 1, Score: 100), new Band(2, null, Score: 0)]);
        var error = Assert.Single(rule.Validate());
        Assert.Contains("第1档", error);
        Assert.Contains("第2档", error);
        Assert.Contains("空档", error);
    }

    [Fact]
    public void Bands_Validate_OverlapNamesBothBands()
    {
        var rule = new BandsRule([new Band(null, 3, Score: 100), new Band(1, null, Score: 0)]);
        var error = Assert.Single(rule.Validate());
        Assert.Contains("第1档", error);
        Assert.Contains("第2档", error);
        Assert.Contains("重叠", error);
    }

    [Fact]
    public void Bands_Validate_SharedBoundaryInBothBandsIsAnOverlap()
    {
        var rule = new BandsRule([new Band(null, 1, Score: 100), new Band(1, null, LowerInclusive: true, Score: 0)]);
        Assert.Contains("在1处重叠", Assert.Single(rule.Validate()));
    }

    [Fact]
    public void Bands_Validate_BoundaryInNeitherBandIsAGap()
    {
        var rule = new BandsRule([new Band(null, 1, UpperInclusive: false, Score: 100), new Band(1, null, Score: 0)]);
        Assert.Contains("分界点1不属于任何分档", Assert.Single(rule.Validate()));
    }

    [Fact]
    public void Bands_Validate_BoundedEndsDoNotCoverTheLine()
    {
        var errors = new BandsRule([new Band(0, 1, Score: 100), new Band(1, 3, Score: 50)]).Validate();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("覆盖整个数轴", e));
    }

    [Fact]
    public void MinMax_HigherIsBetter_BestGets100WorstGets0()
    {
        var scores = new double[4];
        new MinMaxRule().ScoreColumn([10, 20, 30, double.NaN], scores, Higher);
        Assert.Equal([0, 50, 100], scores[..3]);
        Assert.True(double.IsNaN(scores[3]));
    }

    [Fact]
    public void MinMax_LowerIsBetter_SmallestGets100()
    {
        var scores = new double[3];
        new MinMaxRule().ScoreColumn([10, 20, 30], scores, Lower);
        Assert.Equal([100, 50, 0], scores);
    }

    [Fact]
    public void MinMax_AllPeersEqual_Everyone100()
    {
        var scores = new double[3];
        new MinMaxRule().ScoreColumn([7, 7, 7], scores, Higher);
        Assert.Equal([100, 100, 100], scores);
    }

    [Fact]
    public void MinMax_Winsorize_OneExtremeLaggardDoesNotFlattenEveryoneElse()
    {
        // 19 ordinary values 1..19 and one at 1000: skewness ≈ 4.2 and excess kurtosis ≈ 16 trigger clipping of the top value,
        // which becomes 19 (its neighbour); then the series is no longer skewed enough and clipping stops.
        var values = Enumerable.Range(1, 19).Select(i => (double)i).Append(1000).ToArray();
        var rule = new MinMaxRule(Winsorize: true, MaxWinsorized: 2);
        var bounds = rule.ComputeBounds(values);
        Assert.Equal(new MinMaxBounds(1, 19, 0, 1, 20), bounds);

        var scores = new double[values.Length];
        rule.ScoreColumn(values, scores, Higher);
        Assert.Equal(50.0, scores[9], precision: 9); // value 10: (10 − 1) / (19 − 1)
        Assert.Equal(100.0, scores[19]);

        var plain = new double[values.Length];
        new MinMaxRule().ScoreColumn(values, plain, Higher);
        Assert.True(plain[9] < 1.0);
    }

    [Fact]
    public void MinMax_Winsorize_StopsAtMaxWinsorized()
    {
        // Two extreme values: clipping one is not enough to remove the skew, and the limit is 1.
        var values = Enumerable.Range(1, 30).Select(i => (double)i).Concat([900, 1000]).ToArray();
        var bounds = new MinMaxRule(Winsorize: true, MaxWinsorized: 1).ComputeBounds(values);
        Assert.Equal(1, bounds.ClippedHigh);
        Assert.Equal(900, bounds.Max);
    }

    [Fact]
    public void MinMax_Winsorize_NegativeSkewClipsTheLowSide()
    {
        var values = Enumerable.Range(1, 19).Select(i => (double)i).Append(-1000).ToArray();
        var bounds = new MinMaxRule(Winsorize: true, MaxWinsorized: 3).ComputeBounds(values);
        Assert.Equal(1, bounds.ClippedLow);
        Assert.Equal(1, bounds.Min);
    }

    [Fact]
    public void ZScore_MapsToFiftyPlusTenZ()
    {
        // mean 20, population sd sqrt(200/3) = 8.1649658…; z(30) = 1.2247449 → 62.247449
        var scores = new double[3];
        new ZScoreRule().ScoreColumn([10, 20, 30], scores, Higher);
        Assert.Equal(50 - (10 / Math.Sqrt(200.0 / 3) * 10), scores[0], precision: 9);
        Assert.Equal(50, scores[1], precision: 9);
        Assert.Equal(62.247448714, scores[2], precision: 9);
    }

    [Fact]
    public void ZScore_LowerIsBetter_NegatesZ()
    {
        var scores = new double[3];
        new ZScoreRule().ScoreColumn([10, 20, 30], scores, Lower);
        Assert.Equal(62.247448714, scores[0], precision: 9);
    }

    [Fact]
    public void ZScore_ExtremeZIsClipped_AndEqualPeersScore50()
    {
        var values = Enumerable.Repeat(0.0, 99).Append(1.0).ToArray(); // z of the outlier = 9.95
        var scores = new double[100];
        new ZScoreRule().ScoreColumn(values, scores, Higher);
        Assert.Equal(100, scores[99]);

        var same = new double[2];
        new ZScoreRule().ScoreColumn([4, 4], same, Higher);
        Assert.Equal([50, 50], same);
    }

    [Fact]
    public void ZScore_LargeValuesWithSmallSpread_StayAccurate()
    {
        // The one-pass sums are shifted by the first value, so 1e9 + {10, 20, 30} scores like {10, 20, 30}.
        var scores = new double[3];
        new ZScoreRule().ScoreColumn([1e9 + 10, 1e9 + 20, 1e9 + 30], scores, Higher);
        Assert.Equal(62.247448714, scores[2], precision: 7);
        Assert.Equal(50, scores[1], precision: 7);
    }

    [Fact]
    public void ZScore_EqualPeersWhoseMeanIsInexact_StillScore50()
    {
        // (0.1 + 0.1 + 0.1) / 3 = 0.10000000000000002 in binary floating point; rounding noise must not become z = ±1.
        var scores = new double[3];
        new ZScoreRule().ScoreColumn([0.1, 0.1, 0.1], scores, Higher);
        Assert.Equal([50, 50, 50], scores);
    }

    [Fact]
    public void RankPoints_CompetitionRankingWithTiesAndTail()
    {
        var scores = new double[6];
        new RankPointsRule([100, 90, 80, 70]).ScoreColumn([5, 9, 9, 1, 3, 2], scores, Higher);
        // ranks: 9,9 → 1; 5 → 3; 3 → 4; 2 → 5 (beyond table → last entry); 1 → 6
        Assert.Equal([80, 100, 100, 70, 70, 70], scores);
    }

    [Fact]
    public void RankPoints_LowerIsBetter_SmallestFirst()
    {
        var scores = new double[3];
        new RankPointsRule([60, 57, 54]).ScoreColumn([3, 1, double.NaN], scores, Lower);
        Assert.Equal(57, scores[0]);
        Assert.Equal(60, scores[1]);
        Assert.True(double.IsNaN(scores[2]));
    }

    [Fact]
    public void RankPoints_Validate_IncreasingPointsAreRejected()
        => Assert.Contains("不能高于", Assert.Single(new RankPointsRule([50, 60]).Validate()));

    [Fact]
    public void PeerRelativeRules_AreFlagged()
    {
        Assert.True(new MinMaxRule().IsPeerRelative);
        Assert.True(new ZScoreRule().IsPeerRelative);
        Assert.True(new RankPointsRule([1]).IsPeerRelative);
        Assert.False(new GoalpostRule(0, 1).IsPeerRelative);
        Assert.False(DaysBands().IsPeerRelative);
        Assert.False(new TargetRule(1).IsPeerRelative);
        Assert.False(new YesNoRule().IsPeerRelative);
    }

    [Fact]
    public void Score_OnPeerRelativeRule_Throws()
        => Assert.Throws<InvalidOperationException>(() => new MinMaxRule().Score(1, Higher));
}
