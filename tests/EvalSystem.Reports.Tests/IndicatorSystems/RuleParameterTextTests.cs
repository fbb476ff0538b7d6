using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.IndicatorSystems;

namespace EvalSystem.Reports.Tests.IndicatorSystems;

public class RuleParameterTextTests
{
    public static TheoryData<string, string, string> Formatted => new()
    {
        { """{"type":"goalpost","best":0.5,"worst":20}""", "前沿距离", "最优=0.5；最差=20" },
        { """{"type":"minmax","winsorize":true,"maxWinsorized":2}""", "极差标准化", "缩尾=是；最多缩尾=2" },
        { """{"type":"minmax","winsorize":false,"maxWinsorized":5}""", "极差标准化", "缩尾=否" },
        { """{"type":"minmax","winsorize":false,"maxWinsorized":3}""", "极差标准化", "缩尾=否；最多缩尾=3" },
        { """{"type":"zscore"}""", "标准分", "" },
        { """{"type":"target","target":100,"cap":1}""", "目标达成", "目标=100；封顶=1" },
        { """{"type":"rankpoints","points":[100,90,80,70]}""", "排名赋分", "100,90,80,70" },
        { """{"type":"yesno"}""", "是否达成", "" },
        {
            """{"type":"bands","bands":[{"lower":null,"upper":1,"lowerInclusive":false,"upperInclusive":true,"score":100},{"lower":1,"upper":3,"lowerInclusive":false,"upperInclusive":true,"score":80},{"lower":3,"upper":5,"lowerInclusive":false,"upperInclusive":true,"score":60},{"lower":5,"upper":null,"lowerInclusive":false,"upperInclusive":false,"score":0}]}""",
            "分档", "(-∞,1]=100；(1,3]=80；(3,5]=60；(5,+∞)=0"
        },
        {
            """{"type":"bands","bands":[{"lower":null,"upper":95,"lowerInclusive":false,"upperInclusive":false,"score":30},{"lower":95,"upper":null,"lowerInclusive":true,"upperInclusive":false,"score":100}]}""",
            "分档", "(-∞,95)=30；[95,+∞)=100"
        },
    };

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Format_WritesTheReadableText(string json, string type, string text)
    {
        var rule = ScoringRuleJson.Deserialize(json);
        Assert.Equal(type, RuleParameterText.TypeName(rule));
        Assert.Equal(text, RuleParameterText.Format(rule));
    }

    [Theory]
    [MemberData(nameof(Formatted))]
    public void TryParse_ReadsTheTextBackToTheSameRule(string json, string type, string text)
    {
        Assert.True(RuleParameterText.TryParse(type, text, out var rule, out var error), error);
        Assert.Equal(ScoringRuleJson.Serialize(ScoringRuleJson.Deserialize(json)), ScoringRuleJson.Serialize(rule));
        Assert.Equal(string.Empty, error);
    }

    public static TheoryData<string, string, string> Equivalent => new()
    {
        { "前沿距离", "最优 = 0.5 ; 最差 = 20", """{"type":"goalpost","best":0.5,"worst":20}""" },
        { "前沿距离", "最差=20，最优=0.5", """{"type":"goalpost","best":0.5,"worst":20}""" },
        { "goalpost", "最优＝-1.5e2；最差=−3", """{"type":"goalpost","best":-150,"worst":-3}""" },
        { "极差标准化", "", """{"type":"minmax","winsorize":false,"maxWinsorized":5}""" },
        { "极差标准化", "缩尾=是", """{"type":"minmax","winsorize":true,"maxWinsorized":5}""" },
        { "目标达成", "目标=100", """{"type":"target","target":100,"cap":1}""" },
        { "排名赋分", "100、90，80 70;60", """{"type":"rankpoints","points":[100,90,80,70,60]}""" },
        { " 分档 ", "（-∞，1】=100;\n(1, +∞) = 0", """{"type":"bands","bands":[{"lower":null,"upper":1,"lowerInclusive":false,"upperInclusive":true,"score":100},{"lower":1,"upper":null,"lowerInclusive":false,"upperInclusive":false,"score":0}]}""" },
        { "bands", "(-inf,1]=100；(1,inf)=0", """{"type":"bands","bands":[{"lower":null,"upper":1,"lowerInclusive":false,"upperInclusive":true,"score":100},{"lower":1,"upper":null,"lowerInclusive":false,"upperInclusive":false,"score":0}]}""" },
    };

    [Theory]
    [MemberData(nameof(Equivalent))]
    public void TryParse_AcceptsCommonVariantsOfTheSyntax(string type, string text, string json)
    {
        Assert.True(RuleParameterText.TryParse(type, text, out var rule, out var error), error);
        Assert.Equal(json, ScoringRuleJson.Serialize(rule));
    }

    [Theory]
    [InlineData("前沿距离", "最优=5；最差=5", "不能相等")]
    [InlineData("前沿距离", "最优=0.5", "缺少参数「最差」")]
    [InlineData("前沿距离", "最优=abc；最差=20", "「最优」的值「abc」不是数字")]
    [InlineData("前沿距离", "最好=1；最差=20", "没有参数「最好」")]
    [InlineData("前沿距离", "最优=1；最优=2；最差=20", "参数「最优」重复")]
    [InlineData("前沿距离", "0.5；20", "应写作「参数=数值」")]
    [InlineData("极差标准化", "缩尾=也许", "只能填「是」或「否」")]
    [InlineData("极差标准化", "缩尾=是；最多缩尾=1.5", "必须是整数")]
    [InlineData("极差标准化", "缩尾=是；最多缩尾=-1", "不能为负数")]
    [InlineData("标准分", "50", "没有参数")]
    [InlineData("是否达成", "是", "没有参数")]
    [InlineData("目标达成", "目标=0；封顶=1", "必须大于0")]
    [InlineData("目标达成", "封顶=1", "缺少参数「目标」")]
    [InlineData("排名赋分", "", "按名次列出分值")]
    [InlineData("排名赋分", "100,九十,80", "第2个分值「九十」不是数字")]
    [InlineData("排名赋分", "80,90", "不能高于第1名")]
    [InlineData("分档", "", "逐档填写")]
    [InlineData("分档", "(-∞,3]=100；(2,+∞)=0", "重叠")]
    [InlineData("分档", "(-∞,1]=100；(2,+∞)=0", "空档")]
    [InlineData("分档", "(-∞,1]=100；[1,+∞)=0", "在1处重叠")]
    [InlineData("分档", "(-∞,1)=100；(1,+∞)=0", "分界点1不属于任何分档")]
    [InlineData("分档", "(0,1]=100；(1,+∞)=0", "覆盖整个数轴")]
    [InlineData("分档", "(-∞,1]=120；(1,+∞)=0", "得分必须在0到100之间")]
    [InlineData("分档", "-∞到1=100", "格式不正确")]
    [InlineData("分档", "(-∞,一]=100；(1,+∞)=0", "上限「一」不是数字")]
    [InlineData("分档", "(-∞,1]=满分；(1,+∞)=0", "得分「满分」不是数字")]
    [InlineData("线性插值", "", "未知的评分规则「线性插值」")]
    [InlineData("", "", "未填写评分规则")]
    public void TryParse_RejectsWhatDoesNotParseOrWhatTheRuleRefuses(string type, string text, string reason)
    {
        Assert.False(RuleParameterText.TryParse(type, text, out var rule, out var error));
        Assert.Null(rule);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void FormatThenTryParse_IsExactForAwkwardDoubles()
    {
        var rule = new GoalpostRule(0.1 + 0.2, 1e-300);
        Assert.True(RuleParameterText.TryParse(RuleParameterText.TypeName(rule), RuleParameterText.Format(rule), out var back, out _));
        Assert.Equal(rule, back);
    }

    [Theory]
    [InlineData("分档", true)]
    [InlineData("bands", true)]
    [InlineData("RankPoints", true)]
    [InlineData("分级", false)]
    public void IsKnownType_AcceptsChineseAndJsonNames(string type, bool known)
        => Assert.Equal(known, RuleParameterText.IsKnownType(type));
}
