using ClosedXML.Excel;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Tests.Excel;
using static EvalSystem.Reports.Tests.Bulletins.SampleReports;

namespace EvalSystem.Reports.Tests.Bulletins;

public class IndicatorDetailWorkbookTests
{
    private static readonly byte[] Bytes = IndicatorDetailWorkbook.Export(Header("指标明细"), Method(), Matrix());

    private static XLWorkbook Open() => Package.Open(Bytes);

    [Fact]
    public void Export_HasTheDetailSheetAndTheMethodSheet()
    {
        using var wb = Open();
        Assert.Equal(["指标明细", "计算方法"], wb.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public void EachIndicator_HasARawValueAndAScoreColumnUnderOneMergedHeader()
    {
        using var wb = Open();
        var ws = wb.Worksheet("指标明细");
        Assert.Equal("KB-2 开办企业时间（工作日）", ws.Cell(4, 5).GetString());
        Assert.True(ws.Cell(4, 5).IsMerged());
        Assert.Equal("E4:F4", ws.Cell(4, 5).MergedRange().RangeAddress.ToString());
        Assert.Equal(["代码", "名称", "原始值", "得分", "原始值", "得分", "原始值", "得分"], Enumerable.Range(1, 8).Select(c => ws.Cell(5, c).GetString()));
    }

    [Fact]
    public void Cells_HoldTheMatrixValuesWithTheirFormats()
    {
        using var wb = Open();
        var ws = wb.Worksheet("指标明细");
        Assert.Equal(["330103", "东城区"], new[] { 1, 2 }.Select(c => ws.Cell(7, c).GetString()));
        Assert.Equal(2.5, ws.Cell(7, 5).GetDouble());
        Assert.Equal(83.33, ws.Cell(7, 6).GetDouble());
        Assert.Equal("#,##0.00", ws.Cell(7, 5).Style.NumberFormat.Format);
        Assert.Equal("0.00", ws.Cell(7, 6).Style.NumberFormat.Format);
        Assert.True(ws.Cell(7, 5).Style.Font.Italic, "imputed");
        Assert.False(ws.Cell(6, 5).Style.Font.Italic);
        Assert.True(ws.Cell(8, 3).IsEmpty(), "石桥县 has no KB-1 value");
        Assert.Equal(61.5, ws.Cell(8, 8).GetDouble());
        Assert.Equal(8, ws.LastRowUsed().RowNumber());
    }

    [Fact]
    public void Sheet_FreezesNamesAndBothHeaderRowsAndRepeatsThemOnPrint()
    {
        using var wb = Open();
        var ws = wb.Worksheet("指标明细");
        Assert.Equal(5, ws.SheetView.SplitRow);
        Assert.Equal(2, ws.SheetView.SplitColumn);
        // ClosedXML reads back only one half of a "columns,rows" print title: check the file itself.
        Assert.Equal("指标明细!A:B,指标明细!4:5", Package.DefinedNames(Bytes)["_xlnm.Print_Titles@0"]);
        Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        Assert.Equal("A5:H8", ws.AutoFilter.Range.RangeAddress.ToString());
    }

    [Fact]
    public void StreamedRows_AreValidOpenXml_WithTheOutlineOnTheLastRow()
    {
        // More targets than template rows: the templates are gone and every row is there.
        var matrix = Matrix();
        var many = Enumerable.Range(0, 10).Select(i => matrix.Targets[i % 3] with { Code = $"33{i:D4}" }).ToList();
        var bytes = IndicatorDetailWorkbook.Export(Header("指标明细"), Method(), matrix with { Targets = many });

        Assert.Empty(Package.ValidationErrors(bytes));
        using var wb = Package.Open(bytes);
        var ws = wb.Worksheet("指标明细");
        Assert.Equal(15, ws.LastRowUsed().RowNumber());
        Assert.Equal("330009", ws.Cell(15, 1).GetString());
        Assert.Equal(XLBorderStyleValues.Thin, ws.Cell(15, 4).Style.Border.BottomBorder);
        Assert.Equal(XLBorderStyleValues.None, ws.Cell(14, 4).Style.Border.BottomBorder);
        Assert.Equal(XLBorderStyleValues.Thin, ws.Cell(10, 4).Style.Border.RightBorder);
        Assert.Equal(XLBorderStyleValues.Thin, ws.Cell(10, 1).Style.Border.LeftBorder);
        Assert.Equal("A5:H15", ws.AutoFilter.Range.RangeAddress.ToString());
    }

    [Fact]
    public void NoTargets_GiveTheHeadersOnly()
    {
        var bytes = IndicatorDetailWorkbook.Export(Header("指标明细"), Method(), Matrix() with { Targets = [] });

        using var wb = Package.Open(bytes);
        Assert.Equal(5, wb.Worksheet("指标明细").LastRowUsed().RowNumber());
    }

    [Fact]
    public void Export_RefusesATargetWithTheWrongNumberOfCells()
    {
        var matrix = Matrix() with { Targets = [new("X", "缺列区", [new(1, 1)])] };
        var ex = Assert.Throws<ArgumentException>(() => IndicatorDetailWorkbook.Export(Header(), Method(), matrix));
        Assert.Contains("缺列区", ex.Message, StringComparison.Ordinal);
    }
}
