using ClosedXML.Excel;
using EvalSystem.Domain.Common;
using EvalSystem.Reports.Excel;

namespace EvalSystem.Reports.Bulletins;

/// <summary>The look every report sheet shares: title, identity line, header row, print set-up and cell values.</summary>
internal static class ReportSheets
{
    public const int TitleRow = 1;
    public const int IdentityRow = 2;
    public const int NoteRow = 3;

    /// <summary>The header row of every table sheet; data starts on the next row.</summary>
    public const int HeaderRow = 4;

    public const string NotApplicable = "不适用";

    public static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    public static readonly XLColor GroupFill = XLColor.FromHtml("#FCE4D6");
    public static readonly XLColor WarningFill = XLColor.FromHtml("#FFC7CE");
    public static readonly XLColor WarningFont = XLColor.FromHtml("#9C0006");
    public static readonly XLColor AdvancedFill = XLColor.FromHtml("#C6EFCE");
    public static readonly XLColor AdvancedFont = XLColor.FromHtml("#006100");
    public static readonly XLColor ImputedFont = XLColor.FromHtml("#808080");

    /// <summary>The labels and values that identify a report, as the cover and the 计算方法 sheet list them.</summary>
    public static IReadOnlyList<(string Label, string Value)> Identity(ReportHeader header) =>
    [
        ("报告名称", header.Title),
        ("评价周期", header.PeriodName),
        ("评分批次", header.ScoreRunId?.ToString("D") ?? NotApplicable),
        ("方法版本", string.IsNullOrEmpty(header.MethodVersion) ? NotApplicable : header.MethodVersion),
        ("生成时间（北京时间）", BeijingTime.Text(header.GeneratedAt)),
        ("生成人", header.GeneratedBy),
    ];

    /// <summary>The one-line identity under each sheet's title, so that every printed page says where it comes from.</summary>
    public static string IdentityLine(ReportHeader header)
    {
        var parts = new List<string> { $"评价周期：{header.PeriodName}" };
        if (header.ScoreRunId is { } run)
            parts.Add($"评分批次：{run:D}");
        if (!string.IsNullOrEmpty(header.MethodVersion))
            parts.Add($"方法版本：{header.MethodVersion}");
        parts.Add($"生成：{BeijingTime.Text(header.GeneratedAt)}（北京时间） {header.GeneratedBy}");
        return string.Join("　", parts);
    }

    /// <summary>Rows 1–3: title, identity line and an optional note, each across <paramref name="width"/> columns.</summary>
    public static void Heading(IXLWorksheet ws, ReportHeader header, string title, string? note, int width)
    {
        var span = Math.Max(width, 1);
        ws.Cell(TitleRow, 1).SetValue(CellText.Safe(title)).Style.Font.SetBold().Font.SetFontSize(14);
        ws.Row(TitleRow).Height = 24;
        ws.Cell(IdentityRow, 1).SetValue(CellText.Safe(IdentityLine(header))).Style.Font.SetFontSize(9).Font.SetFontColor(XLColor.FromHtml("#595959"));
        if (!string.IsNullOrEmpty(note))
            ws.Cell(NoteRow, 1).SetValue(CellText.Safe(note)).Style.Font.SetFontSize(9);
        if (span > 1)
        {
            ws.Range(TitleRow, 1, TitleRow, span).Merge();
            ws.Range(IdentityRow, 1, IdentityRow, span).Merge();
            if (!string.IsNullOrEmpty(note))
                ws.Range(NoteRow, 1, NoteRow, span).Merge();
        }
    }

    /// <summary>
    /// Wraps the merged title, identity and note rows and gives them the height their text needs at the sheet's final
    /// column widths: a merged cell neither overflows nor grows by itself, so a long line would be cut off on screen and paper.
    /// </summary>
    public static void FitHeading(IXLWorksheet ws)
    {
        foreach (var (row, lineHeight) in new[] { (TitleRow, 20.0), (IdentityRow, 12.0), (NoteRow, 12.0) })
        {
            var cell = ws.Cell(row, 1);
            if (!cell.IsMerged() || cell.IsEmpty())
                continue;
            var range = cell.MergedRange();
            var first = range.FirstColumn().ColumnNumber();
            var width = Enumerable.Range(first, range.ColumnCount()).Sum(c => ws.Column(c).Width);
            // A 14-point title is about 1.3 times as wide per character as the 11-point width unit; 9-point notes about 0.85.
            var text = ColumnWidths.Of(cell.GetString()) * (row == TitleRow ? 1.3 : 0.85);
            var lines = Math.Max(1, Math.Ceiling(text / Math.Max(width, 1)));
            range.Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Center);
            ws.Row(row).Height = Math.Max(ws.Row(row).Height, (lines * lineHeight) + 4);
        }
    }

    public static void HeaderCells(IXLWorksheet ws, int row, int firstColumn, IReadOnlyList<string> headers)
    {
        for (var i = 0; i < headers.Count; i++)
            ws.Cell(row, firstColumn + i).SetValue(headers[i]);
        StyleHeader(ws.Range(row, firstColumn, row, firstColumn + headers.Count - 1));
    }

    public static void StyleHeader(IXLRange range)
    {
        range.Style.Font.SetBold()
            .Fill.SetBackgroundColor(HeaderFill)
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center)
            .Alignment.SetVertical(XLAlignmentVerticalValues.Center)
            .Alignment.SetWrapText(true)
            .Border.SetOutsideBorder(XLBorderStyleValues.Thin)
            .Border.SetInsideBorder(XLBorderStyleValues.Thin);
    }

    /// <summary>A4, repeated header rows, page numbers; fit to one page wide unless the table is too wide to read that way.</summary>
    public static void Print(IXLWorksheet ws, ReportHeader header, int firstHeaderRow, int lastHeaderRow, bool landscape, bool fitToWidth = true, int repeatColumns = 0)
    {
        var page = ws.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = landscape ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        if (fitToWidth)
            page.FitToPages(1, 0);
        if (lastHeaderRow >= firstHeaderRow && firstHeaderRow > 0)
            page.SetRowsToRepeatAtTop(firstHeaderRow, lastHeaderRow);
        if (repeatColumns > 0)
            page.SetColumnsToRepeatAtLeft(1, repeatColumns);
        page.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.6).SetBottom(0.6);
        page.Header.Center.AddText(CellText.Safe(header.Title));
        var footer = page.Footer.Center;
        footer.AddText("第 ");
        footer.AddText(XLHFPredefinedText.PageNumber);
        footer.AddText(" 页，共 ");
        footer.AddText(XLHFPredefinedText.NumberOfPages);
        footer.AddText(" 页");
    }

    /// <summary>Writes a record value with its natural Excel type; returns the text it shows, for column widths.</summary>
    public static string? Put(IXLCell cell, object? value, string? format = null)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                if (s.Length == 0)
                    return null;
                // SetValue(string) keeps "001" and "=A1" as text; assigning Value would convert them.
                var safe = CellText.Safe(s);
                cell.SetValue(safe);
                return safe;
            case double d:
                if (!double.IsFinite(d))
                    return null;
                cell.SetValue(d);
                return Shown(d, format);
            case int i:
                cell.SetValue(i);
                return Shown(i, format);
            case long l:
                cell.SetValue(l);
                return Shown(l, format);
            case DateTimeOffset at:
                cell.SetValue(BeijingTime.Of(at));
                return "0000-00-00 00:00";
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                return "0000-00-00";
            case bool b:
                cell.SetValue(b ? "是" : "否");
                return "是";
            default:
                var text = CellText.Safe(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                cell.SetValue(text);
                return text;
        }
    }

    /// <summary>How a number looks under the simple formats the reports use (Excel and .NET agree on these).</summary>
    public static string Shown(double value, string? format) => format switch
    {
        null or "" or NumberFormats.Text => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        NumberFormats.RankChange => "↑" + Math.Abs(value).ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Excel column widths from the texts a column shows (CJK counts double), the header included.</summary>
    public static void Widths(IXLWorksheet ws, int firstColumn, IReadOnlyList<IEnumerable<string?>> texts)
    {
        for (var i = 0; i < texts.Count; i++)
            ws.Column(firstColumn + i).Width = ColumnWidths.Fit(texts[i].SelectMany(Lines));
    }

    private static IEnumerable<string?> Lines(string? text)
    {
        if (text is null || !text.Contains('\n'))
            return [text];
        return text.Split('\n');
    }
}
