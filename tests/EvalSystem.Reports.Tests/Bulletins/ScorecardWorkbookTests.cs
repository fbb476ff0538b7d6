using ClosedXML.Excel;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Tests.Excel;
using static EvalSystem.Reports.Tests.Bulletins.SampleReports;

namespace EvalSystem.Reports.Tests.Bulletins;

public class ScorecardWorkbookTests
{
    private static readonly byte[] All = ScorecardWorkbook.Export(Header("2026年第一季度评分卡"), Method(), [Center(), East(), Awkward()]);

    [Fact]
    public void Export_HasAnIndexOneSheetPerTargetAndTheMethodSheet()
    {
        using var wb = Package.Open(All);
        Assert.Equal(["目录", "中心区", "东城区", "高新技术产业开发区_经济技术开发区_管委会__试点_综合_改革", "计算方法"], wb.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public void Index_LinksEveryTargetToItsSheet()
    {
        using var wb = Package.Open(All);
        var index = wb.Worksheet("目录");
        Assert.Equal(["排名", "代码", "名称", "综合得分", "评分卡"], Enumerable.Range(1, 5).Select(c => index.Cell(4, c).GetString()));
        Assert.Equal("东城区", index.Cell(6, 3).GetString());
        Assert.Equal(82.1, index.Cell(6, 4).GetDouble());
        Assert.Equal("'东城区'!A1", index.Cell(6, 5).Hyperlink.InternalAddress);
        Assert.Equal("'高新技术产业开发区_经济技术开发区_管委会__试点_综合_改革'!A1", index.Cell(7, 5).Hyperlink.InternalAddress);
    }

    [Fact]
    public void TargetSheet_ShowsCompositeRankCountAndIntervalInRow3()
    {
        using var wb = Package.Open(All);
        var ws = wb.Worksheet("东城区");
        Assert.Equal("东城区评分卡", ws.Cell(1, 1).GetString());
        Assert.Equal(["综合得分", "排名", "参评对象数", "排名区间"], new[] { 1, 3, 5, 7 }.Select(c => ws.Cell(3, c).GetString()));
        Assert.Equal(82.1, ws.Cell(3, 2).GetDouble());
        Assert.Equal("0.00", ws.Cell(3, 2).Style.NumberFormat.Format);
        Assert.Equal(2, ws.Cell(3, 4).GetDouble());
        Assert.Equal(3, ws.Cell(3, 6).GetDouble());
        Assert.Equal("1–3", ws.Cell(3, 8).GetString());
    }

    [Fact]
    public void TargetSheet_ListsTheBreakdownWithRawValuesScoresWeightsAndContributions()
    {
        using var wb = Package.Open(All);
        var ws = wb.Worksheet("东城区");
        Assert.Equal(["指标代码", "指标名称", "层级", "原始值", "计量单位", "数据说明", "得分", "权重", "贡献分"], Enumerable.Range(1, 9).Select(c => ws.Cell(4, c).GetString()));
        // Row 7 is KB-2: imputed 2.5 working days, 83.33 points, 30 % of the composite, 25 points.
        Assert.Equal("KB-2", ws.Cell(7, 1).GetString());
        Assert.Equal("开办企业时间", ws.Cell(7, 2).GetString());
        Assert.Equal(2, ws.Cell(7, 3).GetDouble());
        Assert.Equal(2.5, ws.Cell(7, 4).GetDouble());
        Assert.Equal("工作日", ws.Cell(7, 5).GetString());
        Assert.Equal("插补值", ws.Cell(7, 6).GetString());
        Assert.Equal(83.33, ws.Cell(7, 7).GetDouble());
        Assert.Equal(0.3, ws.Cell(7, 8).GetDouble());
        Assert.Equal(25, ws.Cell(7, 9).GetDouble());
        Assert.Equal("#,##0.00", ws.Cell(7, 4).Style.NumberFormat.Format);
        Assert.Equal("0.00", ws.Cell(7, 7).Style.NumberFormat.Format);
        Assert.Equal("0.0%", ws.Cell(7, 8).Style.NumberFormat.Format);
        Assert.True(ws.Cell(7, 4).Style.Font.Italic, "an imputed value is set apart");
        Assert.False(ws.Cell(6, 4).Style.Font.Italic);
        // A first-level group: bold, no raw value.
        Assert.True(ws.Cell(5, 2).Style.Font.Bold);
        Assert.True(ws.Cell(5, 4).IsEmpty());
        Assert.Equal(10, ws.LastRowUsed().RowNumber());
        Assert.Equal(4, ws.SheetView.SplitRow);
        Assert.Equal(4, ws.PageSetup.FirstRowToRepeatAtTop);
    }

    [Fact]
    public void TargetSheet_CarriesTheRadarChartBelowTheBreakdown()
    {
        var pictures = Package.Pictures(All);
        Assert.Equal(3, pictures.Count);
        var east = Assert.Single(pictures, p => p.Sheet == "东城区");
        Assert.Equal("东城区 一级指标得分与全市平均", east.Description);
        Assert.Equal(12, east.Row);
        Assert.Equal(1, east.Column);
    }

    [Fact]
    public void ExportOne_HasTheTargetSheetAndTheMethodSheetOnly()
    {
        var bytes = ScorecardWorkbook.ExportOne(Header("评分卡"), Method(), East(), "全区平均");
        using var wb = Package.Open(bytes);
        Assert.Equal(["东城区", "计算方法"], wb.Worksheets.Select(w => w.Name));
        Assert.Equal("东城区 一级指标得分与全区平均", Assert.Single(Package.Pictures(bytes)).Description);
    }

    [Fact]
    public void TargetWithFewerThanThreeFirstLevelIndicators_HasNoRadar()
    {
        var two = East() with { FirstLevel = East().FirstLevel.Take(2).ToArray() };
        Assert.Empty(Package.Pictures(ScorecardWorkbook.ExportOne(Header(), Method(), two)));
    }

    [Fact]
    public void TargetsWithTheSameName_GetNumberedSheets()
    {
        using var wb = Package.Open(ScorecardWorkbook.Export(Header(), Method(), [East(), East() with { TargetCode = "X" }, East() with { TargetName = "目录" }]));
        Assert.Equal(["目录", "东城区", "东城区 (2)", "目录 (2)", "计算方法"], wb.Worksheets.Select(w => w.Name));
    }
}
