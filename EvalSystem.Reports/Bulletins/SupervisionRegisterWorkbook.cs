using System.Globalization;
using ClosedXML.Excel;
using EvalSystem.Domain.Common;
using EvalSystem.Reports.Excel;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// 督办台账: one supervision task (督查任务) as the register lists it.
/// </summary>
/// <param name="Number">督查编号, e.g. DC-2026-0001.</param>
/// <param name="Source">来源 in words: 人工交办、指标预警、排名靠后、差评整改.</param>
/// <param name="Deadline">整改期限 in force (after approved extensions); <paramref name="OriginalDeadline"/> is the one issued.</param>
/// <param name="Status">The status in words, e.g. 整改中、已销号.</param>
/// <param name="EscalationLevel">督办等级, 0 when never escalated.</param>
/// <param name="ClosedOn">销号日期; null while open.</param>
/// <param name="OnTime">Closed by the deadline in force; null while open.</param>
/// <param name="LatestProgress">The last progress report's text, if any.</param>
public sealed record SupervisionRegisterRow(
    string Number,
    string Source,
    string Title,
    string DepartmentName,
    string? SupportingDepartments,
    string? RegionCode,
    string Priority,
    DateOnly IssuedOn,
    DateOnly OriginalDeadline,
    DateOnly Deadline,
    string Status,
    int EscalationLevel,
    DateOnly? ClosedOn,
    bool? OnTime,
    int ProgressReports,
    string? LatestProgress);

/// <summary>
/// 督办台账 (supervision register): one row per supervision task with its deadlines, status, escalation level and
/// timeliness; tasks still open past their deadline (as of the generation date, Beijing time) show 已逾期 and their days
/// overdue. The note above the table gives the totals and the on-time rate (按期完成率 = closed on time / closed), then the
/// 计算方法 sheet. Rows are written in the order given, so the same records give the same workbook.
/// </summary>
public static class SupervisionRegisterWorkbook
{
    public const string SheetName = "督办台账";

    public static byte[] Export(ReportHeader header, MethodDescription method, IReadOnlyList<SupervisionRegisterRow> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var today = BeijingTime.DateOf(header.GeneratedAt);
        using var book = new ReportBook(header, method);
        TableColumn<SupervisionRegisterRow>[] columns =
        [
            new("督查编号", r => r.Number, NumberFormats.Text),
            new("来源", r => r.Source, Center: true),
            new("任务", r => r.Title, Width: 40),
            new("主责单位", r => r.DepartmentName),
            new("配合单位", r => r.SupportingDepartments),
            new("区划代码", r => r.RegionCode, NumberFormats.Text, Center: true),
            new("紧急程度", r => r.Priority, Center: true),
            new("下发日期", r => r.IssuedOn, NumberFormats.Date, Center: true),
            new("原定期限", r => r.OriginalDeadline, NumberFormats.Date, Center: true),
            new("整改期限", r => r.Deadline, NumberFormats.Date, Center: true),
            new("状态", r => r.Status, Center: true),
            new("督办等级", r => r.EscalationLevel == 0 ? null : r.EscalationLevel, Center: true),
            new("超期天数", r => DaysOverdue(r, today) is var d and > 0 ? d : null, Center: true),
            new("销号日期", r => r.ClosedOn, NumberFormats.Date, Center: true),
            new("是否按期", r => Timeliness(r, today), Center: true),
            new("进展报告数", r => r.ProgressReports, Center: true),
            new("最新进展", r => r.LatestProgress, Width: 40),
        ];
        var (ws, last) = TableSheet.Write(book, SheetName, $"{header.Title}——督办台账", Summary(rows, today), columns, rows);
        if (last > ReportSheets.HeaderRow)
        {
            var timeliness = ws.Range(TableSheet.FirstDataRow, 15, last, 15);
            timeliness.AddConditionalFormat().WhenContains(RectificationRegisterWorkbook.LateText)
                .Fill.SetBackgroundColor(ReportSheets.WarningFill).Font.SetFontColor(ReportSheets.WarningFont);
        }

        return book.ToBytes();
    }

    /// <summary>按期 / 逾期 for closed tasks; 已逾期 / 未到期 for open ones (as of <paramref name="today"/>).</summary>
    public static string Timeliness(SupervisionRegisterRow row, DateOnly today) => row.OnTime switch
    {
        true => RectificationRegisterWorkbook.OnTimeText,
        false => RectificationRegisterWorkbook.LateText,
        null => row.ClosedOn is null && row.Deadline < today ? RectificationRegisterWorkbook.OverdueText : RectificationRegisterWorkbook.OpenText,
    };

    /// <summary>Calendar days an open task is past its deadline in force; 0 for closed tasks or tasks not yet due.</summary>
    public static int DaysOverdue(SupervisionRegisterRow row, DateOnly today) =>
        row.ClosedOn is null ? Math.Max(0, today.DayNumber - row.Deadline.DayNumber) : 0;

    private static string Summary(IReadOnlyList<SupervisionRegisterRow> rows, DateOnly today)
    {
        var closed = rows.Count(r => r.OnTime is not null);
        var onTime = rows.Count(r => r.OnTime == true);
        var overdue = rows.Count(r => DaysOverdue(r, today) > 0);
        var escalated = rows.Count(r => r.EscalationLevel > 0);
        var rate = closed == 0 ? "—" : ((double)onTime / closed).ToString("0.0%", CultureInfo.InvariantCulture);
        return $"共 {rows.Count} 件，已销号 {closed} 件（按期 {onTime} 件），按期完成率 {rate}；未销号且已超过期限 {overdue} 件，曾督办升级 {escalated} 件（截至 {today:yyyy-MM-dd}）。";
    }
}
