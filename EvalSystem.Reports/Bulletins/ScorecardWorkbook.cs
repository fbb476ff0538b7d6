using ClosedXML.Excel;
using EvalSystem.Reports.Charts;
using EvalSystem.Reports.Excel;
using static EvalSystem.Reports.Bulletins.ReportSheets;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// 评分卡: one sheet per target with its composite, rank and interval (row 3), the indicator breakdown (header in row 4) and a
/// radar chart of its first-level scores against the average, then the 计算方法 sheet. With several targets a 目录 sheet
/// comes first, linking to each target's sheet. Sheets are named after the targets, made legal and unique.
/// </summary>
public static class ScorecardWorkbook
{
    public const string IndexSheet = "目录";
    public const string DefaultAverageLabel = "全市平均";

    public static readonly IReadOnlyList<string> Headers = ["指标代码", "指标名称", "层级", "原始值", "计量单位", "数据说明", "得分", "权重", "贡献分"];

    private const string ImputedText = "插补值";

    /// <summary>All targets in one workbook, with a linked index sheet.</summary>
    public static byte[] Export(ReportHeader header, MethodDescription method, IReadOnlyList<TargetScorecard> targets, string averageLabel = DefaultAverageLabel)
    {
        ArgumentNullException.ThrowIfNull(targets);
        using var book = new ReportBook(header, method, [IndexSheet]);
        var index = book.AddSheet(IndexSheet);
        var sheets = targets.Select(t => AddTarget(book, t, averageLabel)).ToArray();
        WriteIndex(book, index, targets, sheets);
        return book.ToBytes();
    }

    /// <summary>One target's scorecard and the 计算方法 sheet, e.g. for a department that may see only its own.</summary>
    public static byte[] ExportOne(ReportHeader header, MethodDescription method, TargetScorecard target, string averageLabel = DefaultAverageLabel)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var book = new ReportBook(header, method);
        AddTarget(book, target, averageLabel);
        return book.ToBytes();
    }

    private static string AddTarget(ReportBook book, TargetScorecard target, string averageLabel)
    {
        var ws = book.AddSheet(book.Names.Next(target.TargetName));
        Heading(ws, book.Header, $"{target.TargetName}评分卡", null, Headers.Count);

        // Row 3: the target's result as label/value pairs, so that the values stay numbers.
        Label(ws, 1, "综合得分");
        Put(ws.Cell(NoteRow, 2), target.Composite, NumberFormats.Score);
        ws.Cell(NoteRow, 2).Style.NumberFormat.SetFormat(NumberFormats.Score).Font.SetBold();
        Label(ws, 3, "排名");
        Put(ws.Cell(NoteRow, 4), target.Rank, NumberFormats.Integer);
        Label(ws, 5, "参评对象数");
        Put(ws.Cell(NoteRow, 6), target.TargetCount, NumberFormats.Integer);
        Label(ws, 7, "排名区间");
        Put(ws.Cell(NoteRow, 8), target.Interval?.ToString());
        ws.Range(NoteRow, 1, NoteRow, 8).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);

        HeaderCells(ws, HeaderRow, 1, Headers);
        var texts = Headers.Select(h => new List<string?> { h }).ToArray();
        var r = HeaderRow;
        foreach (var line in target.Lines)
        {
            r++;
            texts[0].Add(Put(ws.Cell(r, 1), line.Code));
            texts[1].Add(Indent(line.Level) + Put(ws.Cell(r, 2), line.Name));
            ws.Cell(r, 2).Style.Alignment.SetIndent(Math.Max(0, line.Level - 1));
            texts[2].Add(Put(ws.Cell(r, 3), line.Level, NumberFormats.Integer));
            texts[3].Add(Put(ws.Cell(r, 4), line.RawValue, NumberFormats.Value));
            texts[4].Add(Put(ws.Cell(r, 5), line.Unit));
            texts[5].Add(Put(ws.Cell(r, 6), line.Imputed ? ImputedText : null));
            texts[6].Add(Put(ws.Cell(r, 7), line.Score, NumberFormats.Score));
            texts[7].Add(Put(ws.Cell(r, 8), line.Weight, NumberFormats.Percent));
            texts[8].Add(Put(ws.Cell(r, 9), line.Contribution, NumberFormats.Score));
            if (line.Imputed)
                ws.Cell(r, 4).Style.Font.SetItalic().Font.SetFontColor(ImputedFont);
            if (line.Level == 1)
                ws.Range(r, 1, r, Headers.Count).Style.Font.SetBold().Fill.SetBackgroundColor(GroupFill);
        }

        var last = r;
        if (last > HeaderRow)
        {
            const int first = HeaderRow + 1;
            ws.Range(first, 1, last, 1).Style.NumberFormat.SetFormat(NumberFormats.Text);
            ws.Range(first, 3, last, 3).Style.NumberFormat.SetFormat(NumberFormats.Integer).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            ws.Range(first, 4, last, 4).Style.NumberFormat.SetFormat(NumberFormats.Value);
            ws.Range(first, 5, last, 6).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            ws.Range(first, 7, last, 7).Style.NumberFormat.SetFormat(NumberFormats.Score);
            ws.Range(first, 8, last, 8).Style.NumberFormat.SetFormat(NumberFormats.Percent);
            ws.Range(first, 9, last, 9).Style.NumberFormat.SetFormat(NumberFormats.Score);
            ws.Range(HeaderRow, 1, last, Headers.Count).Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        }

        Widths(ws, 1, texts);
        ws.Column(1).Width = Math.Max(ws.Column(1).Width, ColumnWidths.Fit(["综合得分"]));
        ws.Column(5).Width = Math.Max(ws.Column(5).Width, ColumnWidths.Fit(["参评对象数"]));
        ws.SheetView.Freeze(HeaderRow, 0);
        Print(ws, book.Header, HeaderRow, HeaderRow, landscape: false);

        if (target.FirstLevel.Count >= RadarChart.MinimumAxes)
        {
            var title = $"{target.TargetName} 一级指标得分与{averageLabel}";
            const int size = 520;
            var png = RadarChart.Png(
                title,
                target.FirstLevel.Select(f => f.Name).ToArray(),
                [
                    // A group with nothing to aggregate has no score: it is drawn at the centre.
                    new RadarChart.Series(target.TargetName, target.FirstLevel.Select(f => f.Score ?? 0).ToArray()),
                    new RadarChart.Series(averageLabel, target.FirstLevel.Select(f => f.Average ?? 0).ToArray()),
                ],
                size + 40,
                size);
            book.AddPicture(ws, last + 2, 1, png, size + 40, size, title);
        }

        return ws.Name;
    }

    private static void Label(IXLWorksheet ws, int column, string text) =>
        ws.Cell(NoteRow, column).SetValue(text).Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill);

    private static string Indent(int level) => new(' ', 2 * Math.Max(0, level - 1));

    private static void WriteIndex(ReportBook book, IXLWorksheet ws, IReadOnlyList<TargetScorecard> targets, IReadOnlyList<string> sheets)
    {
        string[] headers = ["排名", "代码", "名称", "综合得分", "评分卡"];
        Heading(ws, book.Header, $"{book.Header.Title}——评分卡目录", $"共 {targets.Count} 个评价对象；点击“评分卡”一列打开对应工作表。", headers.Length);
        HeaderCells(ws, HeaderRow, 1, headers);
        var texts = headers.Select(h => new List<string?> { h }).ToArray();
        var r = HeaderRow;
        for (var i = 0; i < targets.Count; i++)
        {
            r++;
            texts[0].Add(Put(ws.Cell(r, 1), targets[i].Rank, NumberFormats.Integer));
            texts[1].Add(Put(ws.Cell(r, 2), targets[i].TargetCode));
            texts[2].Add(Put(ws.Cell(r, 3), targets[i].TargetName));
            texts[3].Add(Put(ws.Cell(r, 4), targets[i].Composite, NumberFormats.Score));
            var link = ws.Cell(r, 5);
            texts[4].Add(Put(link, sheets[i]));
            link.Hyperlink = new XLHyperlink($"'{sheets[i].Replace("'", "''", StringComparison.Ordinal)}'!A1");
            link.Style.Font.SetUnderline().Font.SetFontColor(XLColor.FromHtml("#0563C1"));
        }

        if (r > HeaderRow)
        {
            ws.Range(HeaderRow + 1, 1, r, 1).Style.NumberFormat.SetFormat(NumberFormats.Integer).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            ws.Range(HeaderRow + 1, 2, r, 2).Style.NumberFormat.SetFormat(NumberFormats.Text);
            ws.Range(HeaderRow + 1, 4, r, 4).Style.NumberFormat.SetFormat(NumberFormats.Score);
            ws.Range(HeaderRow, 1, r, headers.Length).Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        }

        Widths(ws, 1, texts);
        ws.SheetView.Freeze(HeaderRow, 0);
        Print(ws, book.Header, HeaderRow, HeaderRow, landscape: false);
    }
}
