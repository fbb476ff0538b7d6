using ClosedXML.Excel;
using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.Excel;
using static EvalSystem.Reports.Bulletins.ReportSheets;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// The 计算方法 sheet every report workbook carries: which report this is, the indicators with their weights and rules,
/// and the formula notes — so that a reader can redo a score from the printout.
/// </summary>
internal static class MethodSheet
{
    public const string Name = "计算方法";

    private static readonly string[] Headers = ["层级", "指标代码", "指标名称", "指标路径", "权重", "方向", "评分规则"];

    public static void Add(ReportBook book)
    {
        var ws = book.AddSheet(Name);
        var method = book.Method;
        ws.Cell(1, 1).SetValue("计算方法").Style.Font.SetBold().Font.SetFontSize(14);
        ws.Row(1).Height = 24;

        var r = 3;
        foreach (var (label, value) in Identity(book.Header))
        {
            ws.Cell(r, 1).SetValue(label).Style.Font.SetBold();
            ws.Cell(r, 2).SetValue(CellText.Safe(value));
            ws.Range(r, 2, r, Headers.Length).Merge();
            r++;
        }

        r++;
        ws.Cell(r++, 1).SetValue("一、指标、权重与评分规则").Style.Font.SetBold();
        var headerRow = r;
        HeaderCells(ws, headerRow, 1, Headers);
        var texts = Headers.Select(h => new List<string?> { h }).ToArray();
        foreach (var line in method.Indicators)
        {
            r++;
            texts[0].Add(Put(ws.Cell(r, 1), line.Level, NumberFormats.Integer));
            texts[1].Add(Put(ws.Cell(r, 2), line.Code));
            texts[2].Add(Put(ws.Cell(r, 3), line.Name));
            ws.Cell(r, 3).Style.Alignment.SetIndent(Math.Max(0, line.Level - 1));
            texts[3].Add(Put(ws.Cell(r, 4), line.Path));
            texts[4].Add(Put(ws.Cell(r, 5), line.Weight, NumberFormats.Percent));
            texts[5].Add(Put(ws.Cell(r, 6), line.Direction switch
            {
                IndicatorDirection.HigherIsBetter => "正向",
                IndicatorDirection.LowerIsBetter => "逆向",
                _ => null,
            }));
            texts[6].Add(Put(ws.Cell(r, 7), line.RuleText));
            if (line.Level == 1)
                ws.Range(r, 1, r, Headers.Length).Style.Font.SetBold().Fill.SetBackgroundColor(GroupFill);
        }

        if (method.Indicators.Count == 0)
        {
            ws.Cell(++r, 1).SetValue("（本报告不涉及指标计算）");
        }
        else
        {
            ws.Range(headerRow + 1, 1, r, 1).Style.NumberFormat.SetFormat(NumberFormats.Integer).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            ws.Range(headerRow + 1, 5, r, 5).Style.NumberFormat.SetFormat(NumberFormats.Percent);
            ws.Range(headerRow + 1, 6, r, 6).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            ws.Range(headerRow + 1, 7, r, 7).Style.Alignment.SetWrapText(true);
            ws.Range(headerRow, 1, r, Headers.Length).Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        }

        Widths(ws, 1, texts);
        ws.Column(1).Width = Math.Max(ws.Column(1).Width, ColumnWidths.Fit(Identity(book.Header).Select(p => p.Label)));
        ws.Column(7).Width = Math.Min(ws.Column(7).Width, 50);

        r += 2;
        ws.Cell(r++, 1).SetValue("二、计算说明").Style.Font.SetBold();
        var notes = method.FormulaNotes.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var note in notes.Length > 0 ? notes : ["（无）"])
        {
            var cell = ws.Cell(r, 1);
            cell.SetValue(CellText.Safe(note));
            var range = ws.Range(r, 1, r, Headers.Length).Merge();
            range.Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            // Merged cells do not grow with wrapped text: give long paragraphs room.
            var perLine = ws.Columns(1, Headers.Length).Sum(c => c.Width);
            ws.Row(r).Height = 15 * Math.Max(1, Math.Ceiling(ColumnWidths.Of(note) / perLine));
            r++;
        }

        Print(ws, book.Header, headerRow, headerRow, landscape: true);
    }
}
