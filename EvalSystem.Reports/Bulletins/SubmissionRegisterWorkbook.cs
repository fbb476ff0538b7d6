using EvalSystem.Domain.Submissions;
using EvalSystem.Reports.Excel;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// 填报与佐证台账: one row per submission (target, department, indicator, period, value, status, who submitted and reviewed
/// it and when, evidence file names), a 佐证材料 sheet with one row per evidence file and its SHA-256 so that a file can be
/// checked against the register, and the 计算方法 sheet.
/// </summary>
public static class SubmissionRegisterWorkbook
{
    public const string SheetName = "填报台账";
    public const string EvidenceSheetName = "佐证材料";

    public static byte[] Export(ReportHeader header, MethodDescription method, IReadOnlyList<SubmissionRegisterRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var book = new ReportBook(header, method);
        var numbered = rows.Select((row, i) => (Number: i + 1, Row: row)).ToArray();
        TableColumn<(int Number, SubmissionRegisterRow Row)>[] columns =
        [
            new("序号", x => x.Number, NumberFormats.Integer, Center: true),
            new("评价对象", x => x.Row.TargetName),
            new("填报部门", x => x.Row.DepartmentName),
            new("指标代码", x => x.Row.IndicatorCode, NumberFormats.Text),
            new("指标名称", x => x.Row.IndicatorName),
            new("评价周期", x => x.Row.PeriodName),
            new("填报值", x => x.Row.Value, NumberFormats.Value),
            new("计量单位", x => x.Row.Unit, Center: true),
            new("状态", x => StatusText(x.Row.Status), Center: true),
            new("填报人", x => x.Row.SubmittedBy),
            new("提交时间", x => x.Row.SubmittedAt, NumberFormats.DateTime),
            new("审核人", x => x.Row.Reviewer),
            new("审核时间", x => x.Row.ReviewedAt, NumberFormats.DateTime),
            new("佐证材料", x => string.Join('\n', x.Row.Evidence.Select(e => e.FileName)), Width: 36),
        ];
        var evidenceCount = rows.Sum(r => r.Evidence.Count);
        TableSheet.Write(book, SheetName, $"{header.Title}——填报台账",
            $"共 {rows.Count} 条填报记录、{evidenceCount} 个佐证文件；时间为北京时间。佐证文件的 SHA-256 见「{EvidenceSheetName}」工作表。", columns, numbered);

        var files = numbered.SelectMany(x => x.Row.Evidence.Select(e => (x.Number, x.Row, File: e))).ToArray();
        TableColumn<(int Number, SubmissionRegisterRow Row, EvidenceFile File)>[] evidenceColumns =
        [
            new("填报序号", x => x.Number, NumberFormats.Integer, Center: true),
            new("评价对象", x => x.Row.TargetName),
            new("指标代码", x => x.Row.IndicatorCode, NumberFormats.Text),
            new("指标名称", x => x.Row.IndicatorName),
            new("文件名", x => x.File.FileName),
            new("SHA-256", x => x.File.Sha256, NumberFormats.Text),
        ];
        TableSheet.Write(book, EvidenceSheetName, $"{header.Title}——佐证材料",
            "SHA-256 为文件内容的摘要：文件被改动后摘要必然不同，可用 sha256sum 或 certutil -hashfile 核对。", evidenceColumns, files);
        return book.ToBytes();
    }

    public static string StatusText(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Draft => "草稿",
        SubmissionStatus.Submitted => "已提交",
        SubmissionStatus.Approved => "已通过",
        SubmissionStatus.Returned => "已退回",
        _ => status.ToString(),
    };
}
