using System.Globalization;
using ClosedXML.Excel;
using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.Excel;
using static EvalSystem.Reports.IndicatorSystems.WorkbookLayout;

namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>Writes the print-ready "指标体系" worksheet; see <see cref="IndicatorSystemWorkbook.Export"/>.</summary>
internal static class IndicatorSystemWriter
{
    private const string NumberFormat = "0.0#########";
    private const string TextFormat = "@";
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor Level1Fill = XLColor.FromHtml("#FCE4D6");
    private static readonly XLColor Level2Fill = XLColor.FromHtml("#F2F2F2");

    /// <summary>Rows below the data that keep the drop-downs and text formats, so offices can append nodes.</summary>
    private const int SpareRows = 200;

    public static byte[] Write(IndicatorSystemSheet sheet)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.AddWorksheet(SheetName);
        WriteTitle(ws, sheet);
        WriteHeader(ws);
        var last = HeaderRow;
        foreach (var row in sheet.Rows)
            WriteRow(ws, ++last, row);
        Format(ws, sheet, last);
        InstructionsSheet.Add(workbook);
        ws.SetTabActive();

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteTitle(IXLWorksheet ws, IndicatorSystemSheet sheet)
    {
        for (var i = 0; i < TitleLabels.Length; i++)
            ws.Cell(i + 1, 1).SetValue(TitleLabels[i]).Style.Font.SetBold();
        Text(ws.Cell(1, 2), sheet.Name);
        ws.Cell(1, 2).Style.Font.SetBold().Font.SetFontSize(14);
        Text(ws.Cell(2, 2), sheet.TargetKind);
        ws.Cell(3, 2).SetValue(sheet.Version).Style.NumberFormat.SetFormat("0");
        ws.Cell(4, 2).SetValue(Aggregations[sheet.Aggregation]);
        ws.Cell(5, 2).SetValue(MissingDataPolicies[sheet.MissingData]);
        ws.Cell(PenaltyRow, 1).SetValue(PenaltyLabel).Style.Font.SetBold();
        ws.Cell(PenaltyRow, 3).SetValue(PenaltyCapLabel).Style.Font.SetBold();
        Double(ws.Cell(PenaltyRow, 2), sheet.OverduePenaltyPerTask);
        Double(ws.Cell(PenaltyRow, 4), sheet.OverduePenaltyCap);
        ws.Range(1, 2, PenaltyRow, 2).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Left);
        ws.Cell(PenaltyRow, 4).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Left);
        List(ws.Cell(2, 2).AsRange(), TargetKinds);
        List(ws.Cell(4, 2).AsRange(), Aggregations.Texts);
        List(ws.Cell(5, 2).AsRange(), MissingDataPolicies.Texts);
    }

    private static void WriteHeader(IXLWorksheet ws)
    {
        for (var c = 1; c <= ColumnCount; c++)
            ws.Cell(HeaderRow, c).SetValue(Header(c));
        var header = ws.Range(HeaderRow, 1, HeaderRow, ColumnCount);
        header.Style.Font.SetBold()
            .Fill.SetBackgroundColor(HeaderFill)
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center)
            .Alignment.SetVertical(XLAlignmentVerticalValues.Center)
            .Alignment.SetWrapText(true);
        ws.Row(HeaderRow).Height = 24;
    }

    private static void WriteRow(IXLWorksheet ws, int r, IndicatorRow row)
    {
        ws.Cell(r, Level).SetValue(row.Level);
        Text(ws.Cell(r, Code), row.Code);
        Text(ws.Cell(r, NameZh), row.NameZh);
        ws.Cell(r, NameZh).Style.Alignment.SetIndent(Math.Max(0, row.Level - 1));
        Text(ws.Cell(r, NameEn), row.NameEn);
        Decimal(ws.Cell(r, Weight), row.Weight);
        ws.Cell(r, Kind).SetValue(row.IsIndicator ? IndicatorKind : GroupKind);
        Text(ws.Cell(r, Unit), row.Unit);
        if (row.Direction is { } direction)
            ws.Cell(r, Direction).SetValue(Directions[direction]);
        if (row.Source is { } source)
            ws.Cell(r, Source).SetValue(Sources[source]);
        Text(ws.Cell(r, Responsible), row.ResponsibleDepartmentCode);
        Text(ws.Cell(r, Supporting), row.SupportingDepartmentCodes is { Count: > 0 } codes ? string.Join("、", codes) : null);
        Double(ws.Cell(r, Warning), row.WarningValue);
        Double(ws.Cell(r, Advanced), row.AdvancedValue);
        WriteRule(ws, r, row.RuleJson);
        Text(ws.Cell(r, Formula), row.Formula);
        if (row.Measure is { } measure)
            ws.Cell(r, Measure).SetValue(Measures[measure]);

        if (!row.IsIndicator)
        {
            var cells = ws.Range(r, 1, r, ColumnCount);
            cells.Style.Font.SetBold();
            cells.Style.Fill.SetBackgroundColor(row.Level == 1 ? Level1Fill : Level2Fill);
        }
    }

    private static void WriteRule(IXLWorksheet ws, int r, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return;
        try
        {
            var rule = ScoringRuleJson.Deserialize(json);
            ws.Cell(r, RuleType).SetValue(RuleParameterText.TypeName(rule));
            Text(ws.Cell(r, RuleParameters), RuleParameterText.Format(rule));
        }
        catch (ScoringValidationException)
        {
            // A draft may hold a broken rule: export it as it is so the office can fix it; the import will point at it.
            Text(ws.Cell(r, RuleParameters), json);
        }
    }

    private static void Format(IXLWorksheet ws, IndicatorSystemSheet sheet, int last)
    {
        var spare = last + SpareRows;
        foreach (var c in new[] { Code, NameZh, NameEn, Unit, Responsible, Supporting, RuleParameters, Formula })
            ws.Range(FirstDataRow, c, spare, c).Style.NumberFormat.SetFormat(TextFormat);
        ws.Range(FirstDataRow, Level, spare, Level).Style.NumberFormat.SetFormat("0")
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        foreach (var c in new[] { Weight, Warning, Advanced })
            ws.Range(FirstDataRow, c, spare, c).Style.NumberFormat.SetFormat(NumberFormat);
        foreach (var c in new[] { Kind, Direction })
            ws.Range(FirstDataRow, c, spare, c).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        ws.Range(FirstDataRow, RuleParameters, spare, RuleParameters).Style.Alignment.SetWrapText(true);
        ws.Range(FirstDataRow, Formula, spare, Formula).Style.Alignment.SetWrapText(true);
        ws.Range(FirstDataRow, Measure, spare, Measure).Style.Alignment.SetWrapText(true);

        List(ws.Range(FirstDataRow, Kind, spare, Kind), [GroupKind, IndicatorKind]);
        List(ws.Range(FirstDataRow, Direction, spare, Direction), Directions.Texts);
        List(ws.Range(FirstDataRow, Source, spare, Source), Sources.Texts);
        List(ws.Range(FirstDataRow, RuleType, spare, RuleType), RuleParameterText.TypeNames);
        List(ws.Range(FirstDataRow, Measure, spare, Measure), Measures.Texts);

        if (last >= FirstDataRow)
        {
            var table = ws.Range(HeaderRow, 1, last, ColumnCount);
            table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
            table.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        }

        for (var c = 1; c <= ColumnCount; c++)
            ws.Column(c).Width = ColumnWidths.Fit(ColumnTexts(ws, c, last, sheet));
        // Wide enough for any choice of the drop-down, so a measure picked in a spare row does not wrap.
        ws.Column(Measure).Width = ColumnWidths.Fit(Measures.Texts.Append(Header(Measure)));
        ws.Column(1).Width = Math.Max(ws.Column(1).Width, ColumnWidths.Fit(TitleLabels));

        ws.SheetView.Freeze(HeaderRow, NameZh);
        var page = ws.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        page.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.6).SetBottom(0.6);
        var footer = page.Footer.Center;
        footer.AddText("第 ");
        footer.AddText(XLHFPredefinedText.PageNumber);
        footer.AddText(" 页，共 ");
        footer.AddText(XLHFPredefinedText.NumberOfPages);
        footer.AddText(" 页");
        page.Header.Center.AddText($"{sheet.Name}（第{sheet.Version.ToString(CultureInfo.InvariantCulture)}版）");
    }

    private static IEnumerable<string?> ColumnTexts(IXLWorksheet ws, int column, int last, IndicatorSystemSheet sheet)
    {
        yield return Header(column);
        for (var r = FirstDataRow; r <= last; r++)
        {
            var text = ws.Cell(r, column).GetFormattedString();
            // Indentation of names counts as about two characters per level.
            yield return column == NameZh ? new string(' ', 2 * (sheet.Rows[r - FirstDataRow].Level - 1)) + text : text;
        }
    }

    private static void Text(IXLCell cell, string? value)
    {
        // SetValue(string) keeps "001" and "=A1" as text; assigning Value would convert them.
        if (!string.IsNullOrEmpty(value))
            cell.SetValue(value);
    }

    /// <summary>
    /// ClosedXML 0.95.4 stores numbers with 15 significant digits; a value that needs more is written as text in round-trip form
    /// so the import gets the same bits back.
    /// </summary>
    private static void Double(IXLCell cell, double? value)
    {
        if (value is not { } v)
            return;
        if (SurvivesAsNumber(v))
            cell.SetValue(v);
        else
            cell.SetValue(RuleParameterText.Number(v));
    }

    private static void Decimal(IXLCell cell, decimal value)
    {
        var d = (double)value;
        if ((decimal)d == value && SurvivesAsNumber(d))
            cell.SetValue(d);
        else
            cell.SetValue(value.ToString(CultureInfo.InvariantCulture));
    }

    private static bool SurvivesAsNumber(double v)
        => double.IsFinite(v) && double.Parse(v.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) == v;

    private static void List(IXLRange range, IEnumerable<string> values)
    {
        var validation = range.SetDataValidation();
        validation.IgnoreBlanks = true;
        validation.InCellDropdown = true;
        validation.List($"\"{string.Join(",", values)}\"", true);
    }
}
