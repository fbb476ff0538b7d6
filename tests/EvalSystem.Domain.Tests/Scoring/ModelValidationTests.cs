using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Scoring;

public class ModelValidationTests
{
    private static ScoringLeaf Leaf(string code, double weight, ScoringRule? rule = null, string? formula = null)
        => new(code, code + "名称", weight, IndicatorDirection.HigherIsBetter, rule ?? new GoalpostRule(100, 0), formula);

    private static IReadOnlyList<ValidationError> Errors(ScoringModelDefinition d) => ScoringModel.Validate(d).Errors;

    [Fact]
    public void Validate_ConsistentModel_HasNoErrors()
    {
        var d = new ScoringModelDefinition(
        [
            new ScoringNode("KB", "开办企业", 60, [Leaf("KB-1", 50), Leaf("KB-2", 50)]),
            new ScoringNode("ZW", "政务服务", 40, [Leaf("ZW-1", 100, formula: "[ONLINE] / [ALL] * 100")]),
        ]) { BaseMeasures = ["ONLINE", "ALL"] };
        Assert.True(ScoringModel.Validate(d).IsValid);
    }

    [Fact]
    public void Validate_SiblingWeightsNotHundred_NamesTheParent()
    {
        var d = new ScoringModelDefinition([new ScoringNode("KB", "开办企业", 100, [Leaf("KB-1", 50), Leaf("KB-2", 45)])]);
        var error = Assert.Single(Errors(d));
        Assert.Equal("权重合计必须为100%，节点「开办企业」下的子节点合计为95%。", error.Message);
        Assert.Equal("KB", error.Path);
    }

    [Fact]
    public void Validate_WeightsWithinToleranceOfHundred_AreAccepted()
        => Assert.Empty(Errors(new ScoringModelDefinition([Leaf("A", 33.3333), Leaf("B", 33.3333), Leaf("C", 33.3334)])));

    [Fact]
    public void Validate_FirstLevelWeightsNotHundred_NamesTheSystem()
        => Assert.Contains("节点「指标体系」下的子节点合计为90%", Assert.Single(Errors(new ScoringModelDefinition([Leaf("A", 90)]))).Message);

    [Fact]
    public void Validate_NegativeWeight_IsRejected()
        => Assert.Contains(Errors(new ScoringModelDefinition([Leaf("A", 110), Leaf("B", -10)])), e => e.Message.Contains("B名称") && e.Message.Contains("不小于0"));

    [Fact]
    public void Validate_DuplicateCodes_AreNamed()
    {
        var d = new ScoringModelDefinition([Leaf("KB-1", 50), new ScoringNode("X", "X", 50, [Leaf("KB-1", 100)])]);
        Assert.Contains(Errors(d), e => e.Message == "编码「KB-1」重复出现了2次，指标和基础度量的编码必须唯一。");
    }

    [Fact]
    public void Validate_BaseMeasureCollidingWithIndicator_IsADuplicate()
        => Assert.Contains(Errors(new ScoringModelDefinition([Leaf("A", 100)]) { BaseMeasures = ["A"] }), e => e.Message.Contains("编码「A」重复"));

    [Fact]
    public void Validate_RuleErrors_AreReportedWithTheIndicator()
    {
        var error = Assert.Single(Errors(new ScoringModelDefinition([Leaf("KB-2", 100, new GoalpostRule(3, 3))])));
        Assert.Equal("KB-2", error.Path);
        Assert.StartsWith("指标「KB-2名称」：前沿距离规则", error.Message);
    }

    [Fact]
    public void Validate_GappedBands_AreReportedWithTheIndicator()
    {
        var bands = new BandsRule([new Band(null, 1, Score: 100), new Band(2, null, Score: 0)]);
        Assert.Contains("空档", Assert.Single(Errors(new ScoringModelDefinition([Leaf("DL-2", 100, bands)]))).Message);
    }

    [Fact]
    public void Validate_FormulaSyntaxError_ReportsPosition()
    {
        var error = Assert.Single(Errors(new ScoringModelDefinition([Leaf("ZW-1", 100, formula: "[ONLINE] / ([ALL] * 100")]) { BaseMeasures = ["ONLINE", "ALL"] }));
        Assert.Contains("公式有语法错误", error.Message);
        Assert.Matches(@"第\d+个字符", error.Message);
    }

    [Fact]
    public void Validate_FormulaWithUnknownMeasure_NamesTheMeasure()
    {
        var error = Assert.Single(Errors(new ScoringModelDefinition([Leaf("ZW-1", 100, formula: "[ONLINE] / [ALL_CASES] * 100")]) { BaseMeasures = ["ONLINE"] }));
        Assert.Equal("指标「ZW-1名称」的公式引用了未知的度量「ALL_CASES」。", error.Message);
    }

    [Fact]
    public void Validate_CircularFormulas_ShowTheCycle()
    {
        var d = new ScoringModelDefinition([Leaf("A", 50, formula: "[B] + 1"), Leaf("B", 50, formula: "[A] * 2")]);
        var error = Assert.Single(Errors(d));
        Assert.Contains("循环引用", error.Message);
        Assert.Contains("A → B → A", error.Message);
    }

    [Fact]
    public void Validate_SelfReferencingFormula_IsCircular()
        => Assert.Contains("A → A", Assert.Single(Errors(new ScoringModelDefinition([Leaf("A", 100, formula: "[A] + 1")]))).Message);

    [Fact]
    public void Validate_NodeWithoutChildren_IsReported()
        => Assert.Contains(Errors(new ScoringModelDefinition([new ScoringNode("KB", "开办企业", 100, [])])), e => e.Message == "节点「开办企业」没有下级指标。");

    [Fact]
    public void Validate_NegativeAdjustmentCap_IsReported()
    {
        var d = new ScoringModelDefinition([Leaf("A", 100)]) { Adjustments = [new Adjustment("DB", "督办超期", -2, -1)] };
        Assert.Contains("督办超期", Assert.Single(Errors(d)).Message);
    }

    [Fact]
    public void Build_CollectsAllErrorsIntoOneException()
    {
        var d = new ScoringModelDefinition([Leaf("A", 50, new GoalpostRule(1, 1)), Leaf("A", 40, formula: "[Z]")]);
        var ex = Assert.Throws<ScoringValidationException>(() => ScoringModel.Build(d));
        Assert.True(ex.Errors.Count >= 4, string.Join("\n", ex.Errors));
        Assert.Contains("权重合计", ex.Message);
        Assert.Contains("重复", ex.Message);
        Assert.Contains("不能相等", ex.Message);
        Assert.Contains("未知的度量「Z」", ex.Message);
    }
}
