using ClosedXML.Excel;
using EvalSystem.Domain.Cases;
using EvalSystem.Reports.Excel;
using EvalSystem.Reports.IndicatorSystems;
using static EvalSystem.Reports.Tests.IndicatorSystems.SampleSystems;

namespace EvalSystem.Reports.Tests.IndicatorSystems;

public class IndicatorSystemWorkbookLayoutTests
{
    private static readonly IndicatorSystemSheet Sample = County();

    [Fact]
    public void Export_HasTheIndicatorSheetFirstAndTheInstructionsSheet()
    {
        using var wb = Open();
        Assert.Equal(["指标体系", "填写说明"], wb.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public void Export_TitleBlockHasLabelsAndChineseValues()
    {
        using var wb = Open();
        var ws = wb.Worksheet("指标体系");
        Assert.Equal(
            ["体系名称", "评价对象类型", "版本", "聚合方法", "缺失值处理"],
            Enumerable.Range(1, 5).Select(r => ws.Cell(r, 1).GetString()));
        Assert.Equal(
            ["2025年度区县营商环境评价指标体系", "地区", "3", "加权算术平均", "剔除并重新分配权重"],
            Enumerable.Range(1, 5).Select(r => ws.Cell(r, 2).GetString()));
    }

    [Fact]
    public void Export_HeaderRowHasTheColumnsInOrderBoldFilledAndFrozen()
    {
        using var wb = Open();
        var ws = wb.Worksheet("指标体系");
        Assert.Equal(
            ["层级", "指标代码", "指标名称", "英文名称", "权重(%)", "节点类型", "计量单位", "方向", "数据来源", "主责单位", "配合单位", "预警值", "先进值", "评分规则", "规则参数", "公式", "计算口径"],
            Enumerable.Range(1, 18).Select(c => ws.Cell(7, c).GetString()).Where(h => h.Length > 0));
        Assert.True(ws.Cell(7, 1).Style.Font.Bold);
        Assert.NotEqual(XLColor.NoColor, ws.Cell(7, 1).Style.Fill.BackgroundColor);
        Assert.Equal(7, ws.SheetView.SplitRow);
        Assert.Equal(7, ws.PageSetup.FirstRowToRepeatAtTop);
    }

    [Fact]
    public void Export_WritesOneReadableRowPerNode()
    {
        using var wb = Open();
        var ws = wb.Worksheet("指标体系");
        var r = Sample.RowOf("KB-1");
        Assert.Equal(
            ["2", "KB-1", "开办企业时间", "Time to start a business", "40", "指标", "工作日", "逆向", "部门填报", "SCJGJ", "ZWFWJ、SWJ", "3", "1", "前沿距离", "最优=0.5；最差=20", "", ""],
            Enumerable.Range(1, 17).Select(c => ws.Cell(r, c).GetString()));
        Assert.Equal("(-∞,1]=100；(1,3]=80；(3,5]=60；(5,+∞)=0", ws.Cell(Sample.RowOf("KB-2"), 15).GetString());
        Assert.Equal("[ZW-3] * 0.6 + [ZW-4] * 0.4", ws.Cell(Sample.RowOf("ZW-5"), 16).GetString());
        Assert.Equal(XLDataType.Number, ws.Cell(r, 5).DataType);
        Assert.Equal("0.0#########", ws.Cell(r, 5).Style.NumberFormat.Format);
        Assert.Equal(Sample.Rows.Count + 7, ws.LastRowUsed().RowNumber());
    }

    [Fact]
    public void Export_WritesTheMeasureByItsChineseNameWithADropDown()
    {
        using var wb = Open();
        var ws = wb.Worksheet("指标体系");
        Assert.Equal("网办率", ws.Cell(Sample.RowOf("KB-3"), 17).GetString());
        Assert.Equal("满意率", ws.Cell(Sample.RowOf("ZW-1"), 17).GetString());
        Assert.Equal("按时办结率", ws.Cell(Sample.RowOf("ZW-3"), 17).GetString());
        Assert.Equal("", ws.Cell(Sample.RowOf("KB-2"), 17).GetString());

        var spare = ws.Cell(Sample.Rows.Count + 20, 17);
        Assert.True(spare.HasDataValidation);
        var list = spare.DataValidation.Value;
        foreach (var measure in CaseMeasureKinds.All)
            Assert.Contains(measure.DisplayName(), list);
        Assert.True(spare.Style.Alignment.WrapText);
        Assert.True(ws.Column(17).Width > ColumnWidths.Of("审批时间中位数"), $"measure column is {ws.Column(17).Width}");
    }

    [Fact]
    public void Export_IndentsNamesByLevelAndSetsFirstLevelGroupsApart()
    {
        using var wb = Open();
        var ws = wb.Worksheet("指标体系");
        var group = ws.Cell(Sample.RowOf("HD"), 3);
        var leaf = ws.Cell(Sample.RowOf("HD-1"), 3);
        Assert.Equal(0, group.Style.Alignment.Indent);
        Assert.Equal(1, leaf.Style.Alignment.Indent);
        Assert.True(group.Style.Font.Bold);
        Assert.False(leaf.Style.Font.Bold);
        Assert.NotEqual(leaf.Style.Fill.BackgroundColor, group.Style.Fill.BackgroundColor);
    }

    [Fact]
    public void Export_ColumnWidthsFitTheChineseContent()
    {
        using var wb = Open();
        var ws = wb.Worksheet("指标体系");
        // "企业开办全程网办率" is 9 CJK characters (18 units) plus the level-2 indent and padding.
        Assert.True(ws.Column(3).Width >= 20, $"name column is {ws.Column(3).Width}");
        Assert.True(ws.Column(15).Width > ws.Column(1).Width);
    }

    [Fact]
    public void Export_InstructionsDocumentEveryColumnAndTheParameterSyntax()
    {
        using var wb = Open();
        var text = string.Join("\n", wb.Worksheet("填写说明").CellsUsed().Select(c => c.GetString()));
        foreach (var header in new[] { "层级", "权重(%)", "配合单位", "规则参数", "公式", "计算口径" })
            Assert.Contains(header, text);
        Assert.Contains("数据来源为办件数据或好差评时选择，系统按此口径自动计算；留空则不自动取数", text);
        foreach (var measure in CaseMeasureKinds.All)
            Assert.Contains(measure.DisplayName(), text);
        foreach (var type in RuleParameterText.TypeNames)
            Assert.Contains(type, text);
        foreach (var example in new[] { "最优=0.5；最差=20", "缩尾=是；最多缩尾=2", "目标=100；封顶=1", "100,90,80,70", "(-∞,1]=100；(1,3]=80；(3,5]=60；(5,+∞)=0" })
            Assert.Contains(example, text);
        foreach (var choice in new[] { "正向", "逆向", "部门填报", "办件数据", "好差评", "公式计算", "督查督办", "计零分", "沿用上期值", "加权几何平均" })
            Assert.Contains(choice, text);
    }

    [Fact]
    public void Export_EveryExampleInTheInstructionsParses()
    {
        using var wb = Open();
        var rules = wb.Worksheet("填写说明").CellsUsed()
            .Where(c => RuleParameterText.TypeNames.Contains(c.GetString()) && c.Address.ColumnNumber == 1)
            .ToList();
        Assert.Equal(RuleParameterText.TypeNames.Count, rules.Count);
        foreach (var cell in rules)
        {
            var example = cell.CellRight(2).GetString();
            Assert.True(RuleParameterText.TryParse(cell.GetString(), example, out _, out var error), $"{cell.GetString()} {example}: {error}");
        }
    }

    private static XLWorkbook Open() => new(new MemoryStream(IndicatorSystemWorkbook.Export(Sample)));
}
