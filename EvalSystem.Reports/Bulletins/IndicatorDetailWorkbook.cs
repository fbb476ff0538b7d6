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

    private const int Templates = 4;
    private const int ImputedTemplate = 1;
    private const int LastRowTemplate = 2;

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

        // Widths from every value as shown, without touching a cell.
        var widths = new double[width];
        widths[0] = ColumnWidths.Of("代码");
        widths[1] = ColumnWidths.Of("名称");
        foreach (var target in matrix.Targets)
        {
            widths[0] = Math.Max(widths[0], ColumnWidths.Of(CellText.Safe(target.Code)));
            widths[1] = Math.Max(widths[1], ColumnWidths.Of(CellText.Safe(target.Name)));
            for (var i = 0; i < indicators.Count; i++)
            {
                var c = FirstIndicatorColumn + (2 * i);
                var cell = target.Cells[i];
                if (cell.Raw is { } raw && double.IsFinite(raw))
                    widths[c - 1] = Math.Max(widths[c - 1], ColumnWidths.Of(Shown(raw, NumberFormats.Value)));
                if (cell.Score is { } score && double.IsFinite(score))
                    widths[c] = Math.Max(widths[c], ColumnWidths.Of(Shown(score, NumberFormats.Score)));
            }
        }

        var last = SubHeaderRow + matrix.Targets.Count;
        if (matrix.Targets.Count > 0)
        {
            // 600,000 cells through ClosedXML cost about a gigabyte: the data rows are streamed into the file instead. The sheet
            // holds four template rows styled as the data is (plain and imputed, inner and last row); see StreamedRows.
            for (var t = 0; t < Templates; t++)
                Template(ws, FirstDataRow + t, indicators.Count, width, imputed: (t & ImputedTemplate) != 0, lastRow: (t & LastRowTemplate) != 0);
            book.StreamRows(ws, FirstDataRow, Templates, last, rows => WriteRows(rows, matrix));
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

    /// <summary>A row styled as the data rows are; the placeholders make ClosedXML write every cell with its style.</summary>
    private static void Template(IXLWorksheet ws, int row, int indicators, int width, bool imputed, bool lastRow)
    {
        ws.Cell(row, 1).SetValue("0");
        ws.Cell(row, 2).SetValue("0");
        ws.Cell(row, 1).Style.NumberFormat.SetFormat(NumberFormats.Text);
        ws.Cell(row, 1).Style.Border.SetLeftBorder(XLBorderStyleValues.Thin);
        ws.Cell(row, 2).Style.Border.SetRightBorder(XLBorderStyleValues.Thin);
        for (var i = 0; i < indicators; i++)
        {
            var c = FirstIndicatorColumn + (2 * i);
            var raw = ws.Cell(row, c);
            raw.SetValue(0.0);
            raw.Style.NumberFormat.SetFormat(NumberFormats.Value);
            if (imputed)
                raw.Style.Font.SetItalic().Font.SetFontColor(ImputedFont);
            var score = ws.Cell(row, c + 1);
            score.SetValue(0.0);
            // Only the outline and the line after each score: a border on every cell would be noise.
            score.Style.NumberFormat.SetFormat(NumberFormats.Score).Border.SetRightBorder(XLBorderStyleValues.Thin);
        }

        if (lastRow)
            ws.Range(row, 1, row, width).Style.Border.SetBottomBorder(XLBorderStyleValues.Thin);
    }

    private static void WriteRows(SheetRowWriter rows, IndicatorMatrix matrix)
    {
        var count = matrix.Targets.Count;
        for (var r = 0; r < count; r++)
        {
            var target = matrix.Targets[r];
            var template = r == count - 1 ? LastRowTemplate : 0;
            rows.StartRow(FirstDataRow + r);
            rows.Text(1, target.Code, template);
            rows.Text(2, target.Name, template);
            for (var i = 0; i < target.Cells.Count; i++)
            {
                var c = FirstIndicatorColumn + (2 * i);
                var cell = target.Cells[i];
                rows.Number(c, cell.Raw, template | (cell.Imputed ? ImputedTemplate : 0));
                rows.Number(c + 1, cell.Score, template);
            }
            rows.EndRow();
        }
    }
}
