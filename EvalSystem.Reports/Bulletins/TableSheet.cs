using ClosedXML.Excel;
using EvalSystem.Reports.Excel;
using static EvalSystem.Reports.Bulletins.ReportSheets;

namespace EvalSystem.Reports.Bulletins;

/// <summary>One column of a table sheet: its header, how to read the value from a record, and how to show it.</summary>
/// <param name="Format">An Excel number format from <see cref="NumberFormats"/>; null for general.</param>
/// <param name="Width">A fixed width (wrapped text); null to fit the content.</param>
internal sealed record TableColumn<T>(string Header, Func<T, object?> Value, string? Format = null, double? Width = null, bool Center = false);

/// <summary>
/// A print-ready table sheet: title, identity line and note in rows 1–3, the header in row 4 (frozen, bold, filled, repeated
/// on every printed page, with an auto-filter), one record per row from row 5, thin borders and content-fitted widths.
/// </summary>
internal static class TableSheet
{
    public const int FirstDataRow = HeaderRow + 1;

    /// <summary>Excel's row limit less the rows above the data.</summary>
    public const int MaxRows = 1_048_576 - HeaderRow;

    /// <returns>The sheet and its last data row (the header row when there are no records).</returns>
    public static (IXLWorksheet Sheet, int LastRow) Write<T>(
        ReportBook book, string sheetName, string title, string? note, IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<T> rows, bool landscape = true)
    {
        if (rows.Count > MaxRows)
        {
            throw new ArgumentException(
                $"「{sheetName}」有 {rows.Count} 行，超过 Excel 单个工作表的上限 {MaxRows} 行；请缩小导出范围，或使用流式导出（StreamingTableWriter）。",
                nameof(rows));
        }

        var ws = book.AddSheet(sheetName);
        Heading(ws, book.Header, title, note, columns.Count);
        HeaderCells(ws, HeaderRow, 1, columns.Select(c => c.Header).ToArray());

        var texts = columns.Select(c => new List<string?> { c.Header }).ToArray();
        var r = HeaderRow;
        foreach (var row in rows)
        {
            r++;
            for (var c = 0; c < columns.Count; c++)
                texts[c].Add(Put(ws.Cell(r, c + 1), columns[c].Value(row), columns[c].Format));
        }

        var last = r;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            if (last >= FirstDataRow)
            {
                var cells = ws.Range(FirstDataRow, c + 1, last, c + 1);
                if (column.Format is { } format)
                    cells.Style.NumberFormat.SetFormat(format);
                if (column.Width is not null)
                    cells.Style.Alignment.SetWrapText(true);
                if (column.Center)
                    cells.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            }
        }

        Widths(ws, 1, texts);
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Width is { } width)
                ws.Column(c + 1).Width = width;
        }

        if (last >= FirstDataRow)
        {
            var table = ws.Range(HeaderRow, 1, last, columns.Count);
            table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
            table.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        }

        ws.Range(HeaderRow, 1, Math.Max(last, HeaderRow), columns.Count).SetAutoFilter();
        ws.SheetView.Freeze(HeaderRow, 0);
        Print(ws, book.Header, HeaderRow, HeaderRow, landscape);
        return (ws, last);
    }
}
