using Bunit;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Components.Pages.Dashboard;
using EvalSystem.Web.Features.Dashboard;
using MudBlazor;

namespace EvalSystem.Web.Tests.Components;

/// <summary>The dashboard's cards, ranking table and charts, given the data the dashboard query returns.</summary>
public sealed class DashboardCardsTests : MudTestContext
{
    // 开办企业时间: lower is better; warning at 5 working days, advanced at 1.
    private static readonly HeadlineIndicator StartUp = new("KB-2", "开办企业时间", "工作日", IndicatorDirection.LowerIsBetter, WarningValue: 5, AdvancedValue: 1);

    // 政务服务满意率: higher is better; warning at 98.5 %, advanced at 99.5 %.
    private static readonly HeadlineIndicator Satisfaction = new("ZW-4", "政务服务满意率", "%", IndicatorDirection.HigherIsBetter, WarningValue: 98.5, AdvancedValue: 99.5);

    private IRenderedComponent<HeadlineCard> Card(HeadlineIndicator indicator, double? average, double? previous) =>
        Render<HeadlineCard>(p => p.Add(x => x.Summary, new HeadlineSummary(indicator, average, previous)).Add(x => x.PreviousPeriodName, "2026年第一季度"));

    private static string ValueClass(IRenderedComponent<HeadlineCard> card) => card.Find("h4").ClassName ?? "";

    [Theory]
    [InlineData(0.8, "value-advanced")]
    [InlineData(1.0, "value-advanced")] // the advanced value itself counts as reached
    [InlineData(3.2, "")]
    [InlineData(5.0, "value-warning")] // so does the warning value
    [InlineData(9.5, "value-warning")]
    public void LowerIsBetter_ValueColour_FollowsTheWarningAndAdvancedValues(double average, string expected)
    {
        var classes = ValueClass(Card(StartUp, average, null)).Split(' ');

        Assert.Equal(expected == "" ? 0 : 1, classes.Count(c => c is "value-advanced" or "value-warning"));
        if (expected != "")
            Assert.Contains(expected, classes);
    }

    [Theory]
    [InlineData(99.7, "value-advanced")]
    [InlineData(99.0, "")]
    [InlineData(98.1, "value-warning")]
    public void HigherIsBetter_ValueColour_FollowsTheWarningAndAdvancedValues(double average, string expected)
    {
        var classes = ValueClass(Card(Satisfaction, average, null)).Split(' ');

        Assert.Equal(expected == "" ? 0 : 1, classes.Count(c => c is "value-advanced" or "value-warning"));
        if (expected != "")
            Assert.Contains(expected, classes);
    }

    [Fact]
    public void Change_IsGreenWhenItImproves_InTheIndicatorsDirection()
    {
        // Fewer days to start a business is an improvement; a lower satisfaction rate is not.
        var faster = Card(StartUp, 3.0, 3.5).Find(".mud-typography-caption");
        var lessSatisfied = Card(Satisfaction, 99.0, 99.3).Find(".mud-typography-caption");

        Assert.Contains("value-advanced", faster.ClassName);
        Assert.Contains("-0.5", faster.TextContent);
        Assert.Contains("改善", faster.TextContent);
        Assert.Contains("value-warning", lessSatisfied.ClassName);
        Assert.Contains("退步", lessSatisfied.TextContent);
    }

    private static ScoreBoard Board(params (string Name, double Composite, double?[] Groups)[] rows) =>
        new(2, true, DateTime.UtcNow, ["开办企业", "获得电力", "政务服务"],
            rows.Select((r, i) => new RankingRow(Guid.NewGuid(), $"99010{i}", r.Name, i + 1, r.Composite, null, null, i + 1, i + 2, r.Groups)).ToList(),
            Guid.NewGuid(), "2026年第二季度");

    private static readonly ScoreBoard Regions = Board(
        ("中心区", 91.2, [95, 88, 90]),
        ("东城区", 77.5, [70, 80, 82]),
        ("石桥县", 41.3, [30, 45, null]));

    [Fact]
    public void RankingNames_LinkToTheBreakdown_OnlyForThoseWhoSeeEveryTarget()
    {
        Render<MudPopoverProvider>();
        var leader = Render<RankingTable>(p => p.Add(x => x.Scores, Regions).Add(x => x.Title, "地区综合得分排名").Add(x => x.CanDrillDown, true));
        var department = Render<RankingTable>(p => p.Add(x => x.Scores, Regions).Add(x => x.Title, "地区综合得分排名"));

        var links = leader.FindAll("[data-testid=ranking-link]");
        Assert.Equal(3, links.Count);
        Assert.Equal($"/analysis/target/{Regions.RunId}/{Regions.Rows[2].TargetId}", links[2].GetAttribute("href"));
        Assert.Empty(department.FindAll("[data-testid=ranking-link]"));
        Assert.Equal(["中心区", "东城区", "石桥县"], department.FindAll("[data-testid=ranking-name]").Select(n => n.TextContent.Trim()));
    }

    private static readonly CompositeTrend RegionsTrend = new(["2026年第一季度", "2026年第二季度"],
        Regions.Rows.Select(r => (r.Name, (IReadOnlyList<double?>)[r.Composite - 2, r.Composite])).ToList());

    private IRenderedComponent<DashboardCharts> Charts(DashboardAddress address)
    {
        Render<MudPopoverProvider>();
        var set = new DashboardChartSet(Regions, RegionsTrend, address.Radar, address.Trend);
        return Render<DashboardCharts>(p => p.Add(x => x.Charts, set).Add(x => x.Address, address.Accepted(set)));
    }

    [Fact]
    public void Charts_ShowTheLastRegionAgainstTheCityAverage_AndTheSpreadOfComposites()
    {
        var charts = Charts(DashboardAddress.Default);

        var radar = charts.Find("[data-testid=chart-radar]");
        Assert.Contains("石桥县 与全市平均", radar.TextContent);
        Assert.Contains("<svg", radar.InnerHtml);
        Assert.Equal("石桥县", radar.QuerySelector("select[name=radar] option[selected]")!.TextContent);
        // The city average of 政务服务 leaves out the region without a score: (90 + 82) / 2.
        Assert.Equal([65, 71, 86], Regions.GroupAverages.Select(a => a!.Value));

        var distribution = charts.Find("[data-testid=chart-distribution]");
        Assert.Contains("<svg", distribution.InnerHtml);
        Assert.Empty(distribution.QuerySelectorAll("[data-testid=chart-table]"));
        Assert.Equal("/dashboard?table=distribution#chart-distribution",
            distribution.QuerySelector("[data-testid=chart-table-toggle]")!.GetAttribute("href"));
    }

    [Fact]
    public void AChartsTable_IsShownWhenTheAddressAsksForIt_AndItsToggleLinksBackToTheChart()
    {
        var charts = Charts(DashboardAddress.Default with { Tables = ["distribution"] });

        var distribution = charts.Find("[data-testid=chart-distribution]");
        var rows = distribution.QuerySelector("[data-testid=chart-table]")!.QuerySelectorAll("tbody tr")
            .Select(r => r.TextContent.Replace("\n", "").Replace(" ", "")).ToList();
        Assert.Equal(["40–501.0", "50–600.0", "60–700.0", "70–801.0", "80–900.0", "90–1001.0"], rows);
        Assert.Empty(distribution.QuerySelectorAll("[data-testid=chart-svg]"));
        Assert.Equal("/dashboard#chart-distribution", distribution.QuerySelector("[data-testid=chart-table-toggle]")!.GetAttribute("href"));
        // The other charts stay drawn.
        Assert.Contains("<svg", charts.Find("[data-testid=chart-radar]").InnerHtml);
    }

    [Fact]
    public void TheRadarRegion_ComesFromTheAddress_AndTheFormsKeepTheOtherChoices()
    {
        var charts = Charts(DashboardAddress.Default with { Radar = "东城区", Trend = ["中心区", "石桥县"], Tables = ["heatmap"] });

        var radar = charts.Find("[data-testid=chart-radar]");
        Assert.Contains("东城区 与全市平均", radar.TextContent);
        var form = radar.QuerySelector("form[data-testid=radar-region]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal([("trend", "中心区"), ("trend", "石桥县"), ("table", "heatmap")],
            form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)));
        var trend = charts.Find("[data-testid=chart-trend]");
        Assert.Equal(["中心区", "石桥县"], trend.QuerySelectorAll("input[name=trend][checked]").Select(i => i.GetAttribute("value")));
        Assert.Contains("radar=%E4%B8%9C%E5%9F%8E%E5%8C%BA", trend.QuerySelector("[data-testid=chart-download-png]")!.GetAttribute("href"));
    }

    [Fact]
    public void AnUnknownRadarRegion_FallsBackToTheLastOfTheRanking_AndIsNotCarriedOn()
    {
        var charts = Charts(DashboardAddress.Default with { Radar = "不存在的区", Trend = ["不存在的区"] });

        var radar = charts.Find("[data-testid=chart-radar]");
        Assert.Contains("石桥县 与全市平均", radar.TextContent);
        Assert.DoesNotContain("radar=", radar.QuerySelector("[data-testid=chart-table-toggle]")!.GetAttribute("href"));
        Assert.DoesNotContain("trend=", radar.QuerySelector("[data-testid=chart-table-toggle]")!.GetAttribute("href"));
        // The trend falls back to its default: the top three and the last.
        Assert.Equal(["中心区", "东城区", "石桥县"], charts.Find("[data-testid=chart-trend]").QuerySelectorAll("input[name=trend][checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public void ALargeField_ShowsItsTopAndBottomTen_AndPointsToTheFullRanking()
    {
        Render<MudPopoverProvider>();
        var large = Board(Enumerable.Range(1, 30).Select(i => ($"区{i:D2}", 100.0 - i, new double?[] { 80, 70, 60 })).ToArray());

        var table = Render<RankingTable>(p => p.Add(x => x.Scores, large).Add(x => x.Title, "地区综合得分排名"));

        var names = table.FindAll("[data-testid=ranking-name]").Select(n => n.TextContent.Trim()).ToList();
        Assert.Equal([.. Enumerable.Range(1, 10).Select(i => $"区{i:D2}"), .. Enumerable.Range(21, 10).Select(i => $"区{i:D2}")], names);
        Assert.Contains("共 30 个", table.Find("[data-testid=ranking-shortened]").TextContent);
        Assert.Empty(Render<RankingTable>(p => p.Add(x => x.Scores, Regions).Add(x => x.Title, "t")).FindAll("[data-testid=ranking-shortened]"));
    }
}
