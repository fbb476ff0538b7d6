using ClosedXML.Excel;
using EvalSystem.Domain.Common;
using EvalSystem.Reports.Excel;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// 整改台账: one row per rectification or supervision task with its deadline, status, closing time and whether it was closed
/// on time; tasks still open after their deadline (as of the report's generation time) show 已逾期. The note above the
/// table gives the totals and the on-time rate (按期完成率 = closed on time / closed). Then the 计算方法 sheet.
/// </summary>
public static class RectificationRegisterWorkbook
{
    public const string SheetName = "整改台账";
    public const string OnTimeText = "按期";
    public const string LateText = "逾期";
    public const string OverdueText = "已逾期";
    public const string OpenText = "未到期";

    public static byte[] Export(ReportHeader header, MethodDescription method, IReadOnlyList<RectificationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var today = BeijingTime.DateOf(header.GeneratedAt);
        using var book = new ReportBook(header, method);
        TableColumn<RectificationRow>[] columns =
        [
            new("编号", r => r.Number, NumberFormats.Text),
            new("来源", r => r.Source),
            new("事项", r => r.Title, Width: 40),
            new("责任单位", r => r.DepartmentName),
            new("整改时限", r => r.Deadline, NumberFormats.Date, Center: true),
            new("状态", r => r.Status, Center: true),
            new("销号时间", r => r.ClosedAt, NumberFormats.DateTime),
            new("是否按期", r => Timeliness(r, today), Center: true),
        ];
        var (ws, last) = TableSheet.Write(book, SheetName, $"{header.Title}——整改台账", Summary(rows, today), columns, rows);
        if (last > ReportSheets.HeaderRow)
        {
            var timeliness = ws.Range(TableSheet.FirstDataRow, columns.Length, last, columns.Length);
            timeliness.AddConditionalFormat().WhenContains(LateText)
                .Fill.SetBackgroundColor(ReportSheets.WarningFill).Font.SetFontColor(ReportSheets.WarningFont);
        }

        return book.ToBytes();
    }

    public static string Timeliness(RectificationRow row, DateOnly today) => row.OnTime switch
    {
        true => OnTimeText,
        false => LateText,
        null => row.ClosedAt is null && row.Deadline < today ? OverdueText : OpenText,
    };

    private static string Summary(IReadOnlyList<RectificationRow> rows, DateOnly today)
    {
        var closed = rows.Count(r => r.OnTime is not null);
        var onTime = rows.Count(r => r.OnTime == true);
        var overdue = rows.Count(r => Timeliness(r, today) == OverdueText);
        var rate = closed == 0 ? "—" : ((double)onTime / closed).ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture);
        return $"共 {rows.Count} 件，已销号 {closed} 件（按期 {onTime} 件），按期完成率 {rate}；未销号且已超过时限 {overdue} 件（截至 {today:yyyy-MM-dd}）。";
    }
}
