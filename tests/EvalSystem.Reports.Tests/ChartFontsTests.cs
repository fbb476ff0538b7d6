using EvalSystem.Reports.Charts;

namespace EvalSystem.Reports.Tests;

public class ChartFontsTests
{
    [Fact]
    public void Configure_FindsTheInstalledCjkFont()
    {
        var path = ChartFonts.Configure();
        Assert.True(File.Exists(path));
        Assert.Equal(ChartFonts.FamilyName, ScottPlot.Fonts.Default);
    }

    [Fact]
    public void TheFont_HasGlyphsForEveryLabelWeDraw()
    {
        var path = ChartFonts.Configure();
        Assert.Equal("", ChartFonts.MissingGlyphs(path, "营商环境督查与考核评估系统 开办企业时间 政务服务满意率 石桥县 第3名（区间2–5）"));
    }

    [Fact]
    public void MissingGlyphs_ReportsWhatAFontCannotDraw()
    {
        var path = ChartFonts.Configure();
        // U+E000 is a private-use code point: no font ships a glyph for it.
        Assert.Equal("\uE000", ChartFonts.MissingGlyphs(path, "营\uE000"));
    }

    [Fact]
    public void Configure_WithAMissingFontFile_SaysWhatToInstall()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => ChartFonts.Configure("/nonexistent/font.ttc"));
        Assert.Contains("fonts-wqy-microhei", ex.Message);
    }
}

public class RankingBarChartTests
{
    private static readonly RankingBarChart.Bar[] Bars =
    [
        new("中心区", 86.5),
        new("东城区", 82.1),
        new("石桥县", 41.3),
    ];

    [Fact]
    public void Svg_ContainsTheChineseTitleAndLabels()
    {
        var svg = RankingBarChart.Svg("2026年第三季度 综合得分", Bars);
        Assert.Contains("<svg", svg);
        Assert.Contains("综合得分", svg);
        Assert.Contains("石桥县", svg);
    }

    [Fact]
    public void Png_IsAPngImage()
    {
        var png = RankingBarChart.Png("综合得分", Bars, 400, 300);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 2_000);
    }
}
