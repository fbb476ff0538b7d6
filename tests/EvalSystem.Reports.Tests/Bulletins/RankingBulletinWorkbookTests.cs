using ClosedXML.Excel;
using EvalSystem.Domain.Organization;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Excel;
using EvalSystem.Reports.Tests.Excel;
using static EvalSystem.Reports.Tests.Bulletins.SampleReports;

namespace EvalSystem.Reports.Tests.Bulletins;

public class RankingBulletinWorkbookTests
{
    private static readonly byte[] Bulletin = RankingBulletinWorkbook.Export(Header(), Method(), [Regions(), Departments()]);

    private static XLWorkbook Open() => Package.Open(Bulletin);

    [Fact]
    public void Export_HasCoverRankingSheetsAndMethodSheet()
    {
        using var wb = Open();
        Assert.Equal(["封面", "区域排名", "部门排名", "计算方法"], wb.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public void Cover_ShowsTitlePeriodRunMethodVersionAndWhoGeneratedIt()
    {
        using var wb = Open();
        var cover = wb.Worksheet("封面");
        Assert.Equal("2026年第一季度营商环境评价排名通报", cover.Cell(2, 1).GetString());
        var pairs = Enumerable.Range(4, 5).Select(r => (cover.Cell(r, 1).GetString(), cover.Cell(r, 2).GetString())).ToArray();
        Assert.Equal(
            [("评价周期", "2026年第一季度"), ("评分批次", RunId.ToString("D")), ("方法版本", "m-3f9a1c2e"), ("生成时间（北京时间）", "2026-04-15 09:30"), ("生成人", "评估办 王敏")],
            pairs);
    }

    [Fact]
    public void RegionSheet_HasHeaderInRow4AndOneRowPerTargetWithTheRecordsValues()
    {
        using var wb = Open();
        var ws = wb.Worksheet("区域排名");
        Assert.Equal(["排名", "代码", "名称", "综合得分", "上期排名", "名次变化", "排名区间", "开办企业", "政务服务"], Enumerable.Range(1, 9).Select(c => ws.Cell(4, c).GetString()));
        Assert.Equal(1, ws.Cell(5, 1).GetValue<int>());
        Assert.Equal("330102", ws.Cell(5, 2).GetString());
        Assert.Equal("中心区", ws.Cell(5, 3).GetString());
        Assert.Equal(91.25, ws.Cell(5, 4).GetDouble());
        Assert.Equal(2, ws.Cell(5, 5).GetValue<int>());
        Assert.Equal("1–2", ws.Cell(5, 7).GetString());
        Assert.Equal(95.5, ws.Cell(5, 8).GetDouble());
        Assert.Equal(87, ws.Cell(5, 9).GetDouble());
        Assert.Equal("石桥县", ws.Cell(7, 3).GetString());
        Assert.True(ws.Cell(7, 8).IsEmpty(), "a missing first-level score stays empty");
        Assert.True(ws.Cell(7, 7).IsEmpty(), "no interval, no text");
        Assert.Equal(7, ws.LastRowUsed().RowNumber());
    }

    [Fact]
    public void RankChange_IsPreviousMinusCurrentShownWithArrows()
    {
        using var wb = Open();
        var ws = wb.Worksheet("区域排名");
        Assert.Equal(1, ws.Cell(5, 6).GetDouble());
        Assert.Equal(-1, ws.Cell(6, 6).GetDouble());
        Assert.Equal("新参评", ws.Cell(7, 6).GetString());
        Assert.Equal(0, wb.Worksheet("部门排名").Cell(5, 6).GetDouble());
        var format = ws.Cell(5, 6).Style.NumberFormat.Format;
        Assert.Equal(NumberFormats.RankChange, format);
        // ExcelNumberFormat applies Excel's rules (the negative section drops the minus sign).
        Assert.Equal(["↑1", "↓1", "—"], new[] { 1.0, -1.0, 0.0 }.Select(v => Shown(v, format)));
    }

    [Fact]
    public void Scores_HaveTwoDecimalsAndRanksWholeNumbers()
    {
        using var wb = Open();
        var ws = wb.Worksheet("区域排名");
        Assert.Equal("0.00", ws.Cell(6, 4).Style.NumberFormat.Format);
        Assert.Equal("82.10", Shown(ws.Cell(6, 4).GetDouble(), ws.Cell(6, 4).Style.NumberFormat.Format));
        Assert.Equal("0.00", ws.Cell(6, 9).Style.NumberFormat.Format);
        Assert.Equal("0", ws.Cell(6, 1).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Number, ws.Cell(6, 4).DataType);
    }

    [Fact]
    public void RankingSheets_AreFrozenBelowTheHeaderAndPrintLandscapeOnePageWide()
    {
        using var wb = Open();
        foreach (var name in new[] { "区域排名", "部门排名" })
        {
            var ws = wb.Worksheet(name);
            Assert.Equal(4, ws.SheetView.SplitRow);
            Assert.Equal(3, ws.SheetView.SplitColumn);
            Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
            Assert.Equal(1, ws.PageSetup.PagesWide);
            Assert.Equal(4, ws.PageSetup.FirstRowToRepeatAtTop);
            Assert.Equal(4, ws.PageSetup.LastRowToRepeatAtTop);
            Assert.True(ws.Protection.IsProtected);
        }
    }

    [Fact]
    public void Scores_AreColouredAgainstWarningAndAdvancedValues()
    {
        using var wb = Open();
        var ws = wb.Worksheet("区域排名");
        var formats = ws.ConditionalFormats.ToArray();
        // Composite and two first-level columns, each with a red and a green rule.
        Assert.Equal(6, formats.Length);
        var composite = formats.Where(f => f.Range.RangeAddress.ToString() == "D5:D7").ToArray();
        Assert.Equal(2, composite.Length);
        var formulas = composite.Select(f => f.Values[1].Value).ToArray();
        Assert.Contains(formulas, f => f.Contains("D5<60", StringComparison.Ordinal));
        Assert.Contains(formulas, f => f.Contains("D5>=90", StringComparison.Ordinal));
        Assert.All(composite, f => Assert.Contains("ISNUMBER(D5)", f.Values[1].Value, StringComparison.Ordinal));
        // A first-level indicator's own thresholds win over the section's.
        var service = formats.Where(f => f.Range.RangeAddress.ToString() == "I5:I7").Select(f => f.Values[1].Value).ToArray();
        Assert.Contains(service, f => f.Contains("I5<70", StringComparison.Ordinal));
        Assert.Contains(service, f => f.Contains("I5>=95", StringComparison.Ordinal));
        var red = composite.Single(f => f.Values[1].Value.Contains('<', StringComparison.Ordinal));
        Assert.Equal(XLColor.FromHtml("#FFC7CE"), red.Style.Fill.BackgroundColor);
    }

    [Fact]
    public void RankingSheets_CarryTheBarChartTheTrendChartAndTheHeatmapBelowTheTable()
    {
        var pictures = Package.Pictures(Bulletin);
        var regions = pictures.Where(p => p.Sheet == "区域排名").ToArray();
        Assert.Equal(["2026年第一季度 区域综合得分", "区域综合得分走势", "2026年第一季度 区域一级指标得分"], regions.Select(p => p.Description));
        Assert.All(regions, p => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], p.Png[..4]));
        Assert.Equal(9, regions[0].Row); // two rows below the last target (row 7)
        Assert.True(regions[1].Row > regions[0].Row + (regions[0].HeightEmu / 9525 / 20), "the trend chart starts below the bar chart");
        Assert.True(regions[2].Row > regions[1].Row + (regions[1].HeightEmu / 9525 / 20), "the heatmap starts below the trend chart");
        Assert.Equal(800 * 9525, regions[0].WidthEmu);
        // No trend for departments: the bar chart and the heatmap.
        Assert.Equal(2, pictures.Count(p => p.Sheet == "部门排名"));
    }

    private static string Shown(double value, string format) =>
        new ExcelNumberFormat.NumberFormat(format).Format(value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Export_IsValidAgainstTheSpreadsheetSchema() => Assert.Empty(Package.ValidationErrors(Bulletin));

    [Fact]
    public void ANarrowSheet_WrapsItsLongNoteOverSeveralLinesInsteadOfCuttingItOff()
    {
        var narrow = Departments() with { FirstLevel = [] };
        using var wb = Package.Open(RankingBulletinWorkbook.Export(Header(), Method(), [narrow]));
        var ws = wb.Worksheet("部门排名");
        Assert.True(ws.Cell(3, 1).Style.Alignment.WrapText);
        Assert.True(ws.Row(3).Height >= 28, $"row 3 is {ws.Row(3).Height} points high");
        Assert.True(ws.Cell(2, 1).Style.Alignment.WrapText);
    }

    [Fact]
    public void Export_RefusesARowOfTheWrongKind()
    {
        var section = Regions() with { Rows = [.. Regions().Rows, Departments().Rows[0]] };
        var ex = Assert.Throws<ArgumentException>(() => RankingBulletinWorkbook.Export(Header(), Method(), [section]));
        Assert.Contains("市场监管局", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WithOnlyDepartments_HasOnlyTheDepartmentSheet()
    {
        using var wb = Package.Open(RankingBulletinWorkbook.Export(Header(), Method(), [Departments()]));
        Assert.Equal(["封面", "部门排名", "计算方法"], wb.Worksheets.Select(w => w.Name));
        Assert.Equal(TargetKind.Department, Departments().Kind);
    }
}
