using EvalSystem.Reports.Excel;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// 审计日志导出: one row per audit entry (time in Beijing time, user, IP address, action, entity type and id, details) and the
/// 计算方法 sheet. Formatted through ClosedXML, which suits up to about a hundred thousand entries; for more, export with
/// <see cref="StreamingTableWriter"/>.
/// </summary>
public static class AuditLogWorkbook
{
    public const string SheetName = "审计日志";

    public static byte[] Export(ReportHeader header, MethodDescription method, IReadOnlyList<AuditRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var book = new ReportBook(header, method);
        TableSheet.Write(book, SheetName, $"{header.Title}——审计日志", $"共 {rows.Count} 条记录；时间为北京时间。", Columns, rows);
        return book.ToBytes();
    }

    /// <summary>The columns of the export, shared with the streaming export so that both read the same.</summary>
    public static IReadOnlyList<StreamingColumn> StreamingColumns { get; } =
    [
        new("时间", ColumnFormat.DateTime),
        new("用户"),
        new("IP地址"),
        new("操作"),
        new("对象类型"),
        new("对象标识", ColumnFormat.Text),
        new("详情", Width: 60),
    ];

    /// <summary>A row of <see cref="StreamingColumns"/>.</summary>
    public static object?[] StreamingRow(AuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [row.At, row.User, row.IpAddress, row.Action, row.EntityType, row.EntityId, row.Details];
    }

    private static readonly TableColumn<AuditRow>[] Columns =
    [
        new("时间", r => r.At, NumberFormats.DateTime),
        new("用户", r => r.User),
        new("IP地址", r => r.IpAddress),
        new("操作", r => r.Action),
        new("对象类型", r => r.EntityType),
        new("对象标识", r => r.EntityId, NumberFormats.Text),
        new("详情", r => r.Details, Width: 60),
    ];
}
