using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Scoring;

public class ScoringRuleJsonTests
{
    [Fact]
    public void Deserialize_ContractShapes_GiveTheRightRules()
    {
        Assert.Equal(new GoalpostRule(0.5, 20), ScoringRuleJson.Deserialize("""{"type":"goalpost","best":0.5,"worst":20}"""));
        Assert.Equal(new MinMaxRule(true, 2), ScoringRuleJson.Deserialize("""{"type":"minmax","winsorize":true,"maxWinsorized":2}"""));
        Assert.Equal(new MinMaxRule(), ScoringRuleJson.Deserialize("""{"type":"minmax"}"""));
        Assert.Equal(new ZScoreRule(), ScoringRuleJson.Deserialize("""{"type":"zscore"}"""));
        Assert.Equal(new TargetRule(100, 1.0), ScoringRuleJson.Deserialize("""{"type":"target","target":100,"cap":1.0}"""));
        Assert.Equal(new YesNoRule(), ScoringRuleJson.Deserialize("""{"type":"yesno"}"""));

        var rank = Assert.IsType<RankPointsRule>(ScoringRuleJson.Deserialize("""{"type":"rankpoints","points":[100,90,80,70]}"""));
        Assert.Equal([100, 90, 80, 70], rank.Points);

        var bands = Assert.IsType<BandsRule>(ScoringRuleJson.Deserialize(
            """{"type":"bands","bands":[{"lower":null,"upper":1,"lowerInclusive":false,"upperInclusive":true,"score":100},{"lower":1,"upper":null,"lowerInclusive":false,"upperInclusive":true,"score":80}]}"""));
        Assert.Equal([new Band(null, 1, false, true, 100), new Band(1, null, false, true, 80)], bands.Bands);
    }

    [Fact]
    public void Deserialize_TypeNotFirstAndExtraProperties_AreAccepted()
    {
        var rule = ScoringRuleJson.Deserialize("""{"best":1,"worst":9,"note":"DB2020","type":"goalpost"}""");
        Assert.Equal(new GoalpostRule(1, 9), rule);
    }

    [Fact]
    public void Serialize_WritesTypeDiscriminatorAndCamelCase()
    {
        Assert.Equal("""{"type":"goalpost","best":0.5,"worst":20}""", ScoringRuleJson.Serialize(new GoalpostRule(0.5, 20)));
        Assert.Equal("""{"type":"minmax","winsorize":true,"maxWinsorized":2}""", ScoringRuleJson.Serialize(new MinMaxRule(true, 2)));
    }

    public static TheoryData<ScoringRule> AllRules => new()
    {
        new GoalpostRule(0.5, 20),
        new MinMaxRule(true, 3),
        new ZScoreRule(),
        new BandsRule([new Band(null, 1, Score: 100), new Band(1, null, Score: 0)]),
        new TargetRule(100, 1.2),
        new RankPointsRule([60, 57, 54]),
        new YesNoRule(),
    };

    [Theory]
    [MemberData(nameof(AllRules))]
    public void RoundTrip_GivesAnEquivalentRule(ScoringRule rule)
    {
        var json = ScoringRuleJson.Serialize(rule);
        Assert.Equal(json, ScoringRuleJson.Serialize(ScoringRuleJson.Deserialize(json)));
    }

    [Fact]
    public void Deserialize_UnknownType_NamesTheTypeInChinese()
    {
        var ex = Assert.Throws<ScoringValidationException>(() => ScoringRuleJson.Deserialize("""{"type":"logistic"}"""));
        Assert.Contains("未知的评分规则类型「logistic」", ex.Message);
    }

    [Fact]
    public void Deserialize_MissingType_IsReported()
        => Assert.Contains("缺少类型字段", Assert.Throws<ScoringValidationException>(() => ScoringRuleJson.Deserialize("""{"best":1}""")).Message);

    [Fact]
    public void Deserialize_BrokenJson_IsReported()
        => Assert.Contains("格式错误", Assert.Throws<ScoringValidationException>(() => ScoringRuleJson.Deserialize("""{"type":"goalpost","best":""")).Message);

    [Fact]
    public void Deserialize_MissingRequiredParameter_IsReported()
        => Assert.Contains("参数不正确", Assert.Throws<ScoringValidationException>(() => ScoringRuleJson.Deserialize("""{"type":"goalpost","best":1}""")).Message);
}
