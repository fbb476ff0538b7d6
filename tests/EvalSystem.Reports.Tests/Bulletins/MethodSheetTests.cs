using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Tests.Excel;
using static EvalSystem.Reports.Tests.Bulletins.SampleReports;

namespace EvalSystem.Reports.Tests.Bulletins;

public class MethodSheetTests
{
    [Fact]
    public void MethodSheet_IdentifiesTheReportAndListsIndicatorsWeightsRulesAndNotes()
    {
        using var wb = Package.Open(RectificationRegisterWorkbook.Export(Header(), Method(), []));
        var ws = wb.Worksheet("计算方法");
        Assert.Equal("计算方法", ws.Cell(1, 1).GetString());
        Assert.Equal(
            [("报告名称", "2026年第一季度营商环境评价排名通报"), ("评价周期", "2026年第一季度"), ("评分批次", RunId.ToString("D")), ("方法版本", "m-3f9a1c2e"), ("生成时间（北京时间）", "2026-04-15 09:30"), ("生成人", "评估办 王敏")],
            Enumerable.Range(3, 6).Select(r => (ws.Cell(r, 1).GetString(), ws.Cell(r, 2).GetString())));
        Assert.Equal("一、指标、权重与评分规则", ws.Cell(10, 1).GetString());
        Assert.Equal(["层级", "指标代码", "指标名称", "指标路径", "权重", "方向", "评分规则"], Enumerable.Range(1, 7).Select(c => ws.Cell(11, c).GetString()));
        Assert.Equal(["2", "KB-2", "开办企业时间", "开办企业 / 开办企业时间"], Enumerable.Range(1, 4).Select(c => ws.Cell(14, c).GetString()));
        Assert.Equal(0.6, ws.Cell(14, 5).GetDouble());
        Assert.Equal("0.0%", ws.Cell(14, 5).Style.NumberFormat.Format);
        Assert.Equal("逆向", ws.Cell(14, 6).GetString());
        Assert.Equal("前沿距离：最优=0.5；最差=20", ws.Cell(14, 7).GetString());
        Assert.Equal("正向", ws.Cell(16, 6).GetString());
        Assert.True(ws.Cell(12, 6).IsEmpty(), "groups have no direction");
        Assert.Equal("二、计算说明", ws.Cell(19, 1).GetString());
        Assert.Equal("综合得分 = Σ 一级指标得分 × 权重（加权算术平均）。", ws.Cell(20, 1).GetString());
        Assert.StartsWith("缺失值", ws.Cell(21, 1).GetString(), StringComparison.Ordinal);
        Assert.True(ws.Protection.IsProtected);
    }

    [Fact]
    public void MethodSheet_WithoutIndicators_SaysSo()
    {
        using var wb = Package.Open(AuditLogWorkbook.Export(Header(), MethodDescription.Empty, []));
        var ws = wb.Worksheet("计算方法");
        Assert.Equal("（本报告不涉及指标计算）", ws.Cell(12, 1).GetString());
        Assert.Equal("（无）", ws.Cell(15, 1).GetString());
    }
}
