using Bunit;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Components.Pages.Analysis;
using EvalSystem.Web.Features.Analysis;
using MudBlazor;

namespace EvalSystem.Web.Tests.Components;

/// <summary>The comparison table, given a result whose rows arrive in tree order.</summary>
public sealed class CompareViewTests : MudTestContext
{
    private static readonly AnalysisRun Run = new(Guid.NewGuid(), Guid.NewGuid(), "2026年第二季度", TargetKind.Region, 1, ScoreRunStatus.Published, DateTime.UtcNow);

    private static CompareRow Row(string code, CompareSection section, int treeOrder, params double?[] scores) =>
        new(Guid.NewGuid(), code, code + "指标", section, section == CompareSection.Leaf ? "开办企业" : null, "工作日", treeOrder,
            scores.Select(s => new CompareCell(s is null ? null : 10, s is null ? Imputation.Reweighted : Imputation.None, s)).ToList());

    private static CompareResult Result(params CompareRow[] rows) => new(Run,
        [new(Guid.NewGuid(), "中心区", 85.2, 1, 1, 2), new(Guid.NewGuid(), "石桥县", 48.9, 12, 11, 12)], rows);

    private IRenderedComponent<CompareView> RenderView(CompareResult result)
    {
        Render<MudPopoverProvider>();
        return Render<CompareView>(p => p.Add(x => x.Result, result));
    }

    private static List<string?> RenderedCodes(IRenderedComponent<CompareView> view) =>
        view.FindAll("[data-testid=compare-row]").Select(r => r.GetAttribute("data-code")).ToList();

    [Fact]
    public void Rows_AreShownFirstLevelFirst_ThenLeaves_EachBiggestGapFirst()
    {
        var view = RenderView(Result(
            Row("KB", CompareSection.FirstLevel, 0, 90, 80),
            Row("KB-1", CompareSection.Leaf, 1, 100, 95),
            Row("KB-2", CompareSection.Leaf, 2, 90, 20),
            Row("ZW", CompareSection.FirstLevel, 3, 95, 40),
            Row("ZW-1", CompareSection.Leaf, 4, 70, null),
            Row("ZW-2", CompareSection.Leaf, 5, 60, 30)));

        Assert.Equal(["ZW", "KB", "KB-2", "ZW-2", "KB-1", "ZW-1"], RenderedCodes(view));
        Assert.Equal(["55.0", "10.0", "70.0", "30.0", "5.0", "—"],
            view.FindAll("[data-testid=compare-gap]").Select(c => c.TextContent.Trim()).ToList());
    }

    [Fact]
    public void EqualGaps_KeepTheTreeOrder()
    {
        var view = RenderView(Result(
            Row("A", CompareSection.FirstLevel, 0, 50, 60),
            Row("B", CompareSection.FirstLevel, 1, 70, 60)));

        Assert.Equal(["A", "B"], RenderedCodes(view));
    }

    [Fact]
    public void TheBestScoreIsGreen_TheWorstRed_AndAnImputedValueIsMarked()
    {
        var view = RenderView(Result(Row("KB-2", CompareSection.Leaf, 0, 20, 90), Row("ZW-1", CompareSection.Leaf, 1, 70, null)));

        var scores = view.FindAll("[data-testid=compare-row][data-code=KB-2] [data-testid=compare-score]");
        Assert.Contains("value-warning", scores[0].ClassName);
        Assert.Contains("value-advanced", scores[1].ClassName);
        var imputed = view.Find("[data-testid=compare-row][data-code=ZW-1] [data-testid=imputed]");
        Assert.Equal("补", imputed.TextContent.Trim());
        Assert.Contains("/analysis/target/", view.Find("[data-testid=compare-target] a").GetAttribute("href"));
    }
}
