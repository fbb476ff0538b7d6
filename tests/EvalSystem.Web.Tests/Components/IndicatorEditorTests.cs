using Bunit;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Components.Pages.Indicators;
using EvalSystem.Web.Features.Indicators;

namespace EvalSystem.Web.Tests.Components;

public class IndicatorTreeTests : MudTestContext
{
    private static readonly Guid Group = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    private static TreeNode Node(Guid id, Guid? parent, int level, NodeKind kind, string code, decimal weight) =>
        new(id, parent, level, kind, code, code, null, weight, null, null, null, null, null, [], null, null, null, null);

    private static readonly TreeNode[] Nodes =
    [
        Node(Group, null, 1, NodeKind.Group, "KB", 100),
        Node(A, Group, 2, NodeKind.Indicator, "KB-1", 50),
        Node(B, Group, 2, NodeKind.Indicator, "KB-2", 50),
    ];

    [Fact]
    public void TypingAWeight_UpdatesTheSiblingSumLive_AndTurnsItRed()
    {
        var tree = Render<IndicatorTree>(p => p.Add(x => x.Nodes, Nodes).Add(x => x.Editable, true));
        Assert.Contains("value-advanced", tree.Find("[data-testid=sum-KB] span").ClassName);

        tree.Find("[data-testid=weight-KB-1] input, input[data-testid=weight-KB-1]").Input("45");

        var sum = tree.Find("[data-testid=sum-KB] span");
        Assert.Equal("95%", sum.TextContent);
        Assert.Contains("value-warning", sum.ClassName);
    }

    [Fact]
    public void LeavingTheField_SavesTheTypedWeightOnce()
    {
        var saved = new List<(string Code, decimal Weight)>();
        var tree = Render<IndicatorTree>(p => p.Add(x => x.Nodes, Nodes).Add(x => x.Editable, true)
            .Add(x => x.OnReweight, change => saved.Add((change.Node.Code, change.Weight))));
        var input = tree.Find("[data-testid=weight-KB-2] input, input[data-testid=weight-KB-2]");

        input.Input("4");
        input.Input("40");
        tree.Find("[data-testid=weight-KB-2] input, input[data-testid=weight-KB-2]").Blur();

        Assert.Equal([("KB-2", 40m)], saved);
    }

    [Fact]
    public void ReadOnlyTree_ShowsWeightsWithoutInputs()
    {
        var tree = Render<IndicatorTree>(p => p.Add(x => x.Nodes, Nodes).Add(x => x.Editable, false));
        Assert.Empty(tree.FindAll("input"));
        Assert.Equal("100%", tree.Find("[data-testid=sum-root] span").TextContent);
    }
}

public class RuleEditorTests : MudTestContext
{
    [Fact]
    public void Goalposts_PreviewTheWorkedExample()
    {
        var editor = Render<RuleEditor>(p => p
            .Add(x => x.RuleJson, """{"type":"goalpost","best":0.5,"worst":20}""")
            .Add(x => x.Direction, IndicatorDirection.LowerIsBetter));

        editor.Find("[data-testid=rule-sample] input, input[data-testid=rule-sample]").Input("3");

        // (20 − 3) / (20 − 0.5) × 100 = 87.18
        Assert.Equal("得分 87.18", editor.Find("[data-testid=rule-score]").TextContent.Trim());
        Assert.NotNull(editor.Find("[data-testid=rule-curve] svg"));
    }

    [Fact]
    public void InvalidParameters_ShowTheEnginesValidationMessage()
    {
        string? saved = null;
        var editor = Render<RuleEditor>(p => p
            .Add(x => x.RuleJson, """{"type":"goalpost","best":5,"worst":5}""")
            .Add(x => x.RuleJsonChanged, json => saved = json));

        Assert.NotEmpty(editor.FindAll("[data-testid=rule-error]"));
        Assert.Empty(editor.FindAll("[data-testid=rule-curve]"));
        Assert.Null(saved);
    }

    [Fact]
    public void PeerRelativeRule_IsPreviewedAgainstTheLatestValues()
    {
        var editor = Render<RuleEditor>(p => p
            .Add(x => x.RuleJson, """{"type":"minmax"}""")
            .Add(x => x.Peers, new double[] { 10, 20, 30 }));

        editor.Find("[data-testid=rule-sample] input, input[data-testid=rule-sample]").Input("20");

        Assert.Equal("得分 50", editor.Find("[data-testid=rule-score]").TextContent.Trim());
    }
}

public class ScoringSettingsPanelTests : MudTestContext
{
    private static readonly ScoringSettings WithPenalty = new(AggregationMethod.WeightedArithmetic, MissingDataPolicy.ExcludeAndReweight, 2, 10);

    [Fact]
    public void APublishedVersion_ShowsThePenaltyInWords_WithoutFields()
    {
        var panel = Render<ScoringSettingsPanel>(p => p.Add(x => x.Settings, WithPenalty).Add(x => x.Editable, false));

        Assert.Equal("督办任务超期扣分：每件扣2分，最多扣10分", panel.Find("[data-testid=penalty-label]").TextContent.Trim());
        Assert.Contains("加权算术平均", panel.Markup);
        Assert.Empty(panel.FindAll("[data-testid=save-penalty]"));
    }

    [Fact]
    public void ADraft_SavesTheTypedValues_AndSaveIsOffUntilSomethingChanged()
    {
        var saved = new List<(double?, double?)>();
        var panel = Render<ScoringSettingsPanel>(p => p
            .Add(x => x.Settings, new ScoringSettings(AggregationMethod.WeightedArithmetic, MissingDataPolicy.Zero, null, null))
            .Add(x => x.Editable, true)
            .Add(x => x.OnSave, value => saved.Add(value)));
        Assert.Contains("不扣分", panel.Find("[data-testid=penalty-label]").TextContent);
        Assert.True(panel.Find("[data-testid=save-penalty]").HasAttribute("disabled"));

        panel.Find("[data-testid=penalty-per-task] input, input[data-testid=penalty-per-task]").Change("1.5");
        panel.Find("[data-testid=penalty-cap] input, input[data-testid=penalty-cap]").Change("6");
        panel.Find("[data-testid=save-penalty]").Click();

        Assert.Equal([((double?)1.5, (double?)6)], saved);
    }
}
