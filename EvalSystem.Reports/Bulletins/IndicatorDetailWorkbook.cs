using ClosedXML.Excel;
using EvalSystem.Reports.Excel;
using static EvalSystem.Reports.Bulletins.ReportSheets;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// 指标明细: every target × every indicator on one sheet. Each indicator has two adjacent columns, 原始值 and 得分, under one
/// merged header (row 4: code, name and unit; row 5: 原始值 / 得分; data from row 6). Side by side rather than on two sheets
/// because the question a reader brings to this sheet is "which value gave this score": the pair reads in one glance, and
/// one filter or sort keeps both together. Imputed raw values are grey italics. The code and name columns and the two
/// header rows are frozen and repeat on every printed page; the sheet prints across as many pages as it needs.
/// </summary>
public static class IndicatorDetailWorkbook
{
    public const string SheetName = "指标明细";
    public const string RawHeader = "原始值";
    public const string ScoreHeader = "得分";

    /// <summary>The header row of indicator names; the 原始值 / 得分 row is below it.</summary>
    public const int IndicatorHeaderRow = HeaderRow;

    public const int SubHeaderRow = HeaderRow + 1;
    public const int FirstDataRow = SubHeaderRow + 1;

    /// <summary>The first column of the first indicator; indicator i (0-based) has 原始值 in FirstIndicatorColumn + 2i and 得分 next to it.</summary>
    public const int FirstIndicatorColumn = 3;

    public static byte[] Export(ReportHeader header, MethodDescription method, IndicatorMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var indicators = matrix.Indicators;
        foreach (var target in matrix.Targets)
        {
            if (target.Cells.Count != indicators.Count)
                throw new ArgumentException($"“{target.Name}”有 {target.Cells.Count} 个指标值，但明细有 {indicators.Count} 个指标。", nameof(matrix));
        }

        var width = FirstIndicatorColumn - 1 + (2 * indicators.Count);
        if (width > 16_384)
            throw new ArgumentException($"指标过多（{indicators.Count} 个）：Excel 一个工作表最多 16384 列。", nameof(matrix));

        using var book = new ReportBook(header, method);
        var ws = book.AddSheet(SheetName);
        Heading(ws, header, $"{header.Title}——指标明细", "每个指标两列：原始值与得分；灰色斜体为按缺失值规则插补的原始值。", Math.Min(width, 12));

        // 代码 and 名称 sit in the lower header row, where the auto-filter buttons are.
        ws.Cell(SubHeaderRow, 1).SetValue("代码");
        ws.Cell(SubHeaderRow, 2).SetValue("名称");
        for (var i = 0; i < indicators.Count; i++)
        {
            var c = FirstIndicatorColumn + (2 * i);
            var indicator = indicators[i];
            var title = string.IsNullOrEmpty(indicator.Unit) ? $"{indicator.Code} {indicator.Name}" : $"{indicator.Code} {indicator.Name}（{indicator.Unit}）";
            ws.Cell(IndicatorHeaderRow, c).SetValue(CellText.Safe(title));
            ws.Range(IndicatorHeaderRow, c, IndicatorHeaderRow, c + 1).Merge();
            ws.Cell(SubHeaderRow, c).SetValue(RawHeader);
            ws.Cell(SubHeaderRow, c + 1).SetValue(ScoreHeader);
        }

        StyleHeader(ws.Range(IndicatorHeaderRow, 1, SubHeaderRow, width));
        ws.Row(IndicatorHeaderRow).Height = 45;

        var widths = new double[width];
        widths[0] = ColumnWidths.Of("代码");
        widths[1] = ColumnWidths.Of("名称");
        var r = SubHeaderRow;
        foreach (var target in matrix.Targets)
        {
            r++;
            widths[0] = Math.Max(widths[0], ColumnWidths.Of(Put(ws.Cell(r, 1), target.Code)));
            widths[1] = Math.Max(widths[1], ColumnWidths.Of(Put(ws.Cell(r, 2), target.Name)));
            for (var i = 0; i < indicators.Count; i++)
            {
                var c = FirstIndicatorColumn + (2 * i);
                var cell = target.Cells[i];
                var raw = ws.Cell(r, c);
                widths[c - 1] = Math.Max(widths[c - 1], ColumnWidths.Of(Put(raw, cell.Raw, NumberFormats.Value)));
                widths[c] = Math.Max(widths[c], ColumnWidths.Of(Put(ws.Cell(r, c + 1), cell.Score, NumberFormats.Score)));
                if (cell.Imputed)
                    raw.Style.Font.SetItalic().Font.SetFontColor(ImputedFont);
            }
        }

        var last = r;
        if (last >= FirstDataRow)
        {
            ws.Range(FirstDataRow, 1, last, 1).Style.NumberFormat.SetFormat(NumberFormats.Text);
            for (var i = 0; i < indicators.Count; i++)
            {
                var c = FirstIndicatorColumn + (2 * i);
                ws.Range(FirstDataRow, c, last, c).Style.NumberFormat.SetFormat(NumberFormats.Value);
                ws.Range(FirstDataRow, c + 1, last, c + 1).Style.NumberFormat.SetFormat(NumberFormats.Score);
            }

            // Only the outline and the line after each score: a border on each of 600,000 cells costs seconds and megabytes.
            var table = ws.Range(IndicatorHeaderRow, 1, last, width);
            table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin);
            ws.Range(FirstDataRow, 2, last, 2).Style.Border.SetRightBorder(XLBorderStyleValues.Thin);
            for (var i = 0; i < indicators.Count; i++)
            {
                var c = FirstIndicatorColumn + (2 * i) + 1;
                ws.Range(FirstDataRow, c, last, c).Style.Border.SetRightBorder(XLBorderStyleValues.Thin);
            }
        }

        for (var c = 0; c < width; c++)
            ws.Column(c + 1).Width = Math.Clamp(widths[c] + 2, 10, ColumnWidths.Maximum);
        ws.Column(1).Width = Math.Clamp(widths[0] + 2, ColumnWidths.Minimum, ColumnWidths.Maximum);
        ws.Column(2).Width = Math.Clamp(widths[1] + 2, ColumnWidths.Minimum, ColumnWidths.Maximum);
        ws.Range(SubHeaderRow, 1, Math.Max(last, SubHeaderRow), width).SetAutoFilter();
        ws.SheetView.Freeze(SubHeaderRow, 2);
        // Far too wide for one page: print across pages, repeating the names on the left and the headers on top.
        Print(ws, header, IndicatorHeaderRow, SubHeaderRow, landscape: true, fitToWidth: width <= 16, repeatColumns: 2);
        return book.ToBytes();
    }
}
