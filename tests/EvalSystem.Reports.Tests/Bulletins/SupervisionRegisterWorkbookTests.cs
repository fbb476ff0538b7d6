using ClosedXML.Excel;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Tests.Excel;
using static EvalSystem.Reports.Tests.Bulletins.SampleReports;

namespace EvalSystem.Reports.Tests.Bulletins;

public class SupervisionRegisterWorkbookTests
{
    /// <summary>Generated on 2026-04-15 (Beijing): closed on time, closed late, open six days past its deadline at level 2, open and not yet due.</summary>
    private static SupervisionRegisterRow[] Tasks() =>
    [
        new("DC-2026-0001", "指标预警", "石桥县「办理建筑许可时间」高于预警值", "住房和城乡建设局", "自然资源和规划局", "990123", "一般",
            new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 31), "已销号", 0, new DateOnly(2026, 3, 28), true, 2, "并联审批上线。"),
        new("DC-2026-0002", "差评整改", "差评整改：窗口无人", "政务服务管理局", null, "990108", "重要",
            new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 5), "已销号", 1, new DateOnly(2026, 4, 8), false, 1, null),
        new("DC-2026-0003", "人工交办", "纳税时间压减未达序时进度", "税务局", null, null, "紧急",
            new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 9), new DateOnly(2026, 4, 9), "整改中", 2, null, null, 1, "已梳理流程。"),
        new("DC-2026-0004", "排名靠后", "云岭县综合排名靠后（第12名）", "政务服务管理局", null, "990122", "重要",
            new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 30), new DateOnly(2026, 4, 30), "已签收", 0, null, null, 0, null),
    ];

    private static byte[] Export() => SupervisionRegisterWorkbook.Export(Header("督查督办"), Method(), Tasks());

    [Fact]
    public void Register_ListsEveryTaskWithDeadlinesEscalationAndTimeliness()
    {
        using var wb = Package.Open(Export());
        Assert.Equal(["督办台账", "计算方法"], wb.Worksheets.Select(w => w.Name));
        var ws = wb.Worksheet("督办台账");
        Assert.Equal(
            ["督查编号", "来源", "任务", "主责单位", "配合单位", "区划代码", "紧急程度", "下发日期", "原定期限", "整改期限", "状态", "督办等级", "超期天数", "销号日期", "是否按期", "进展报告数", "最新进展"],
            Enumerable.Range(1, 17).Select(c => ws.Cell(4, c).GetString()));
        Assert.Equal("DC-2026-0001", ws.Cell(5, 1).GetString());
        Assert.Equal("990123", ws.Cell(5, 6).GetString());
        Assert.Equal(new DateTime(2026, 4, 5), ws.Cell(6, 10).GetDateTime());
        Assert.Equal(new DateTime(2026, 3, 20), ws.Cell(6, 9).GetDateTime());
        Assert.Equal("yyyy-mm-dd", ws.Cell(6, 10).Style.NumberFormat.Format);
        Assert.Equal(["按期", "逾期", "已逾期", "未到期"], Enumerable.Range(5, 4).Select(r => ws.Cell(r, 15).GetString()));
        Assert.Equal(2, ws.Cell(7, 12).GetDouble());
        Assert.Equal(6, ws.Cell(7, 13).GetDouble());
        Assert.True(ws.Cell(8, 13).IsEmpty());
        Assert.True(ws.Cell(5, 12).IsEmpty());
        Assert.Equal("共 4 件，已销号 2 件（按期 1 件），按期完成率 50.0%；未销号且已超过期限 1 件，曾督办升级 2 件（截至 2026-04-15）。", ws.Cell(3, 1).GetString());
        var late = Assert.Single(ws.ConditionalFormats);
        Assert.Equal("O5:O8", late.Range.RangeAddress.ToString());
        Assert.Equal(XLConditionalFormatType.ContainsText, late.ConditionalFormatType);
    }

    [Fact]
    public void Register_Twice_GivesTheSameBytes_AndIsValidAndProtected()
    {
        var first = Export();
        Package.WaitForTheClockToMove();
        Assert.Equal(first, Export());
        Assert.Empty(Package.ValidationErrors(first));
        using var wb = Package.Open(first);
        Assert.All(wb.Worksheets, ws => Assert.True(ws.Protection.IsProtected, $"{ws.Name} is not protected"));
    }

    [Fact]
    public void Register_WithoutTasks_StillHasTheHeaderAndTheMethodSheet()
    {
        using var wb = Package.Open(SupervisionRegisterWorkbook.Export(Header("督查督办"), Method(), []));
        var ws = wb.Worksheet("督办台账");
        Assert.Equal("督查编号", ws.Cell(4, 1).GetString());
        Assert.Contains("共 0 件", ws.Cell(3, 1).GetString(), StringComparison.Ordinal);
        Assert.Equal("计算方法", wb.Worksheets.Last().Name);
    }
}
