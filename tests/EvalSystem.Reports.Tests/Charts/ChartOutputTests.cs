using System.Xml.Linq;
using EvalSystem.Reports.Charts;

namespace EvalSystem.Reports.Tests.Charts;

/// <summary>Every chart draws its Chinese labels as real text in a font that has their glyphs, as SVG and as PNG.</summary>
public class ChartOutputTests
{
    private static readonly string[] Periods = ["2025年第三季度", "2025年第四季度", "2026年第一季度"];
    private static readonly string[] Axes = ["开办企业", "获得电力", "纳税服务", "政务服务"];

    /// <summary>Each chart as (SVG, PNG, the labels it must show).</summary>
    public static TheoryData<string> Charts => ["排名", "走势", "雷达", "热力", "分布", "评分曲线"];

    private static (string Svg, byte[] Png, string[] Labels) Render(string chart) => chart switch
    {
        "排名" => (
            RankingBarChart.Svg("2026年第一季度 综合得分", [new("中心区", 91.25), new("石桥县", 41.3)]),
            RankingBarChart.Png("2026年第一季度 综合得分", [new("中心区", 91.25), new("石桥县", 41.3)], 400, 300),
            ["综合得分", "中心区", "石桥县"]),
        "走势" => (
            TrendLineChart.Svg("区域综合得分走势", Periods, [new("中心区", [85, 88.5, 91.25]), new("全市平均", [70, null, 72])]),
            TrendLineChart.Png("区域综合得分走势", Periods, [new("中心区", [85, 88.5, 91.25]), new("全市平均", [70, null, 72])], 400, 300),
            ["区域综合得分走势", "2025年第三季度", "2026年第一季度", "中心区", "全市平均", "综合得分"]),
        "雷达" => (
            RadarChart.Svg("东城区 一级指标得分", Axes, [new("东城区", [80, 70, 60, 90]), new("全市平均", [75, 75, 75, 75])]),
            RadarChart.Png("东城区 一级指标得分", Axes, [new("东城区", [80, 70, 60, 90]), new("全市平均", [75, 75, 75, 75])], 400, 400),
            ["东城区", "一级指标得分", "开办企业", "获得电力", "纳税服务", "政务服务", "全市平均"]),
        "热力" => (
            HeatmapChart.Svg("一级指标得分热力图", Axes, [new("中心区", [95.5, 87, null, 90]), new("石桥县", [30, 41.3, 55, 60])]),
            HeatmapChart.Png("一级指标得分热力图", Axes, [new("中心区", [95.5, 87, null, 90]), new("石桥县", [30, 41.3, 55, 60])], 500),
            ["一级指标得分热力图", "开办企业", "政务服务", "中心区", "石桥县", "95.5", "—"]),
        "分布" => (
            DistributionChart.Svg("综合得分分布", DistributionChart.Bands([91.25, 72, 75, 41.3])),
            DistributionChart.Png("综合得分分布", DistributionChart.Bands([91.25, 72, 75, 41.3]), 400, 300),
            ["综合得分分布", "40–50", "70–80", "90–100", "个数"]),
        _ => (
            ScoringCurveChart.Svg(new("开办企业时间", "工作日", [0.5, 10, 20], [100, 51.3, 0], 2.5, 89.7)),
            ScoringCurveChart.Png(new("开办企业时间", "工作日", [0.5, 10, 20], [100, 51.3, 0], 2.5, 89.7)),
            ["开办企业时间", "原始值（工作日）", "得分"]),
    };

    private static string[] Texts(string svg)
    {
        var xml = XDocument.Parse(svg);
        return xml.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).Where(t => t.Trim().Length > 0).ToArray();
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Svg_HasEveryChineseLabelAsText(string chart)
    {
        var (svg, _, labels) = Render(chart);
        var texts = Texts(svg);
        foreach (var label in labels)
            Assert.Contains(texts, t => t.Contains(label, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void TheChartFont_HasAGlyphForEveryCharacterDrawn(string chart)
    {
        var (svg, _, _) = Render(chart);
        var path = ChartFonts.Configure();
        // Whitespace is the SVG's own indentation (and needs no glyph).
        var drawn = string.Concat(string.Concat(Texts(svg)).Where(c => !char.IsWhiteSpace(c)));
        Assert.NotEmpty(drawn);
        Assert.Equal(string.Empty, ChartFonts.MissingGlyphs(path, drawn));
        Assert.Contains(ChartFonts.FamilyName, svg, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Png_IsAPngImageAndTheSameForTheSameInput(string chart)
    {
        var first = Render(chart).Png;
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], first[..4]);
        Assert.True(first.Length > 2_000);
        // Reports embed these images: the same records must give the same bytes.
        Assert.Equal(first, Render(chart).Png);
    }

    [Fact]
    public void Trend_RefusesALineWithTheWrongNumberOfValues()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrendLineChart.Png("走势", Periods, [new("中心区", [1, 2])]));
        Assert.Contains("中心区", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Radar_NeedsAtLeastThreeAxes() =>
        Assert.Throws<ArgumentException>(() => RadarChart.Svg("雷达", ["开办企业", "纳税服务"], [new("东城区", [1, 2])]));

    [Fact]
    public void Heatmap_RefusesARowWithTheWrongNumberOfValues() =>
        Assert.Throws<ArgumentException>(() => HeatmapChart.Svg("热力", Axes, [new("中心区", [1])]));

    [Fact]
    public void Heatmap_GrowsWithTheNumberOfRows() => Assert.True(HeatmapChart.HeightFor(40) > HeatmapChart.HeightFor(5));

    [Fact]
    public void Charts_RefuseAnEmptyCanvas() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingBarChart.Png("综合得分", [new("中心区", 1)], 0, 300));

    [Theory]
    [MemberData(nameof(Charts))]
    public void Svg_HasAViewBox_SoAPageCanScaleItWithoutClipping(string chart)
    {
        var root = System.Xml.Linq.XElement.Parse(Render(chart).Svg);

        var viewBox = root.Attribute("viewBox")!.Value.Split(' ');
        Assert.Equal(["0", "0", root.Attribute("width")!.Value, root.Attribute("height")!.Value], viewBox);
    }

    [Fact]
    public void Distribution_CountsEachScoreInItsBandFromTheLowestToOneHundred()
    {
        var bands = DistributionChart.Bands([41.3, 49.99, 50, 72, 100, 104]);

        Assert.Equal(["40–50", "50–60", "60–70", "70–80", "80–90", "90–100"], bands.Select(b => b.Label));
        Assert.Equal([2, 1, 0, 1, 0, 2], bands.Select(b => b.Count));
        Assert.Empty(DistributionChart.Bands([]));
    }
}
