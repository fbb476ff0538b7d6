using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Features.Indicators;

namespace EvalSystem.Web.Tests.Indicators;

public class RulePreviewTests
{
    private static readonly string[] Codes = ["网上办件数", "办件总数", "ZW-1"];

    [Fact]
    public void ValidFormula_HasNoProblems() =>
        Assert.Empty(RulePreview.ValidateFormula("[网上办件数] / [办件总数] * 100", "ZW-9", Codes));

    [Fact]
    public void UnknownMeasure_IsNamed() =>
        Assert.Contains(RulePreview.ValidateFormula("[网上办件] / [办件总数] * 100", "ZW-9", Codes), p => p.Contains("网上办件"));

    [Fact]
    public void SyntaxError_SaysWhere() =>
        Assert.Contains(RulePreview.ValidateFormula("[网上办件数] / * 100", "ZW-9", Codes), p => p.Contains("语法错误"));

    [Fact]
    public void AFormulaReferringToItself_IsRefused() =>
        Assert.NotEmpty(RulePreview.ValidateFormula("[ZW-9] + 1", "ZW-9", Codes));

    [Fact]
    public void Preview_OfBands_ScoresTheSampleAndDrawsTheCurve()
    {
        var result = RulePreview.Evaluate("""{"type":"bands","bands":[{"lower":null,"upper":5,"upperInclusive":true,"score":100},{"lower":5,"upper":null,"score":0}]}""",
            IndicatorDirection.LowerIsBetter, 5, []);
        Assert.Empty(result.Errors);
        Assert.Equal(100, result.Score);
        Assert.Contains("<svg", result.CurveSvg);
        Assert.Contains("评分曲线", result.CurveSvg);
    }
}
