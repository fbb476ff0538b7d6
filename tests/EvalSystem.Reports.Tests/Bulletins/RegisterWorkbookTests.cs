using ClosedXML.Excel;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Tests.Excel;
using static EvalSystem.Reports.Tests.Bulletins.SampleReports;

namespace EvalSystem.Reports.Tests.Bulletins;

public class RegisterWorkbookTests
{
    [Fact]
    public void SubmissionRegister_ListsEverySubmissionWithItsWorkflowTimesInBeijingTime()
    {
        using var wb = Package.Open(SubmissionRegisterWorkbook.Export(Header("填报与佐证台账"), Method(), SampleReports.Submissions()));
        Assert.Equal(["填报台账", "佐证材料", "计算方法"], wb.Worksheets.Select(w => w.Name));
        var ws = wb.Worksheet("填报台账");
        Assert.Equal(
            ["序号", "评价对象", "填报部门", "指标代码", "指标名称", "评价周期", "填报值", "计量单位", "状态", "填报人", "提交时间", "审核人", "审核时间", "佐证材料"],
            Enumerable.Range(1, 14).Select(c => ws.Cell(4, c).GetString()));
        Assert.Equal(["1", "东城区", "市场监管局", "KB-2", "开办企业时间", "2026年第一季度"], Enumerable.Range(1, 6).Select(c => ws.Cell(5, c).GetString()));
        Assert.Equal(2.5, ws.Cell(5, 7).GetDouble());
        Assert.Equal("已通过", ws.Cell(5, 9).GetString());
        // 01:15 UTC is 09:15 in Beijing.
        Assert.Equal(new DateTime(2026, 3, 20, 9, 15, 0), ws.Cell(5, 11).GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", ws.Cell(5, 11).Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 3, 22, 16, 40, 0), ws.Cell(5, 13).GetDateTime());
        Assert.Equal("营业执照办理时限统计.xlsx\n窗口照片.jpg", ws.Cell(5, 14).GetString());
        Assert.Equal("已退回", ws.Cell(6, 9).GetString());
        Assert.True(ws.Cell(6, 7).IsEmpty());
        Assert.Equal(4, ws.SheetView.SplitRow);
        Assert.Equal("A4:N6", ws.AutoFilter.Range.RangeAddress.ToString());
        Assert.Contains("共 2 条填报记录、2 个佐证文件", ws.Cell(3, 1).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceSheet_HasOneRowPerFileWithItsSha256()
    {
        using var wb = Package.Open(SubmissionRegisterWorkbook.Export(Header(), Method(), SampleReports.Submissions()));
        var ws = wb.Worksheet("佐证材料");
        Assert.Equal(["填报序号", "评价对象", "指标代码", "指标名称", "文件名", "SHA-256"], Enumerable.Range(1, 6).Select(c => ws.Cell(4, c).GetString()));
        Assert.Equal(["1", "东城区", "KB-2", "开办企业时间", "窗口照片.jpg", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
            Enumerable.Range(1, 6).Select(c => ws.Cell(6, c).GetString()));
        Assert.Equal(6, ws.LastRowUsed().RowNumber());
    }

    [Fact]
    public void RectificationRegister_ShowsDeadlinesTimelinessAndTheOnTimeRate()
    {
        using var wb = Package.Open(RectificationRegisterWorkbook.Export(Header("整改台账"), Method(), Rectifications()));
        Assert.Equal(["整改台账", "计算方法"], wb.Worksheets.Select(w => w.Name));
        var ws = wb.Worksheet("整改台账");
        Assert.Equal(["编号", "来源", "事项", "责任单位", "整改时限", "状态", "销号时间", "是否按期"], Enumerable.Range(1, 8).Select(c => ws.Cell(4, c).GetString()));
        Assert.Equal("督〔2026〕3号", ws.Cell(5, 1).GetString());
        Assert.Equal(new DateTime(2026, 3, 31), ws.Cell(5, 5).GetDateTime());
        Assert.Equal("yyyy-mm-dd", ws.Cell(5, 5).Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 3, 28, 17, 0, 0), ws.Cell(5, 7).GetDateTime());
        // Generated on 2026-04-15: closed on time, closed late, open past its deadline, open before its deadline.
        Assert.Equal(["按期", "逾期", "已逾期", "未到期"], Enumerable.Range(5, 4).Select(r => ws.Cell(r, 8).GetString()));
        Assert.Equal("共 4 件，已销号 2 件（按期 1 件），按期完成率 50.0%；未销号且已超过时限 1 件（截至 2026-04-15）。", ws.Cell(3, 1).GetString());
        var late = Assert.Single(ws.ConditionalFormats);
        Assert.Equal("H5:H8", late.Range.RangeAddress.ToString());
        Assert.Equal(XLConditionalFormatType.ContainsText, late.ConditionalFormatType);
    }

    [Fact]
    public void AuditLog_ExportsEveryEntryWithReadableTimesAndCleanText()
    {
        var header = Header("审计日志") with { ScoreRunId = null, MethodVersion = null };
        using var wb = Package.Open(AuditLogWorkbook.Export(header, MethodDescription.Empty, Audit()));
        Assert.Equal(["审计日志", "计算方法"], wb.Worksheets.Select(w => w.Name));
        var ws = wb.Worksheet("审计日志");
        Assert.Equal(["时间", "用户", "IP地址", "操作", "对象类型", "对象标识", "详情"], Enumerable.Range(1, 7).Select(c => ws.Cell(4, c).GetString()));
        Assert.Equal(new DateTime(2026, 4, 1, 8, 5, 0), ws.Cell(5, 1).GetDateTime());
        Assert.Equal(["王敏", "10.1.2.3", "Update", "Submission", "7f1e2d3c-0000-4000-8000-000000000001"], Enumerable.Range(2, 5).Select(c => ws.Cell(5, c).GetString()));
        Assert.Equal("{\"Value\":{\"before\":3,\"after\":2.5}}", ws.Cell(5, 7).GetString());
        // A control character cannot be stored in a cell: it is dropped, not a corrupt file.
        Assert.Equal("密码错误", ws.Cell(6, 7).GetString());
        Assert.True(ws.Cell(6, 2).IsEmpty());
        Assert.Equal(60, ws.Column(7).Width);
        var identity = ws.Cell(2, 1).GetString();
        Assert.DoesNotContain("评分批次", identity, StringComparison.Ordinal);
        var method = wb.Worksheet("计算方法");
        Assert.Equal("不适用", method.Cell(5, 2).GetString());
    }

    [Fact]
    public void AuditLog_ClipsATextTooLongForACell()
    {
        var huge = new AuditRow(SampleReports.GeneratedAt, "王敏", "Update", "IndicatorSystem", "1", new string('营', 40_000));
        using var wb = Package.Open(AuditLogWorkbook.Export(Header(), MethodDescription.Empty, [huge]));
        var text = wb.Worksheet("审计日志").Cell(5, 7).GetString();
        Assert.Equal(32_767, text.Length);
        Assert.EndsWith("…（已截断）", text, StringComparison.Ordinal);
    }
}
