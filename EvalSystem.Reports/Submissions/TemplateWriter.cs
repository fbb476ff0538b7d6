using System.Globalization;
using ClosedXML.Excel;
using EvalSystem.Reports.Excel;
using static EvalSystem.Reports.Submissions.TemplateLayout;

namespace EvalSystem.Reports.Submissions;

/// <summary>Writes the protected "填报" worksheet and the very hidden "模板信息" worksheet; see <see cref="SubmissionTemplateWorkbook.Export"/>.</summary>
internal static class TemplateWriter
{
    public const string NumberFormat = "0.0#########";
    private const string TextFormat = "@";
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor ValueFill = XLColor.FromHtml("#FFF9DB");
    private static readonly XLColor ReadOnlyFill = XLColor.FromHtml("#F2F2F2");

    public static byte[] Write(SubmissionTemplate template)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.AddWorksheet(SheetName);
        WriteTitle(ws, template);
        WriteHeader(ws);
        var last = HeaderRow;
        for (var i = 0; i < template.Rows.Count; i++)
            WriteRow(ws, ++last, i + 1, template.Rows[i]);
        Format(ws, template, last);
        WriteInfo(workbook.AddWorksheet(InfoSheetName), template);

        ws.SetTabActive();
        ws.Protect()
            .AllowElement(XLSheetProtectionElements.FormatColumns)
            .AllowElement(XLSheetProtectionElements.FormatRows);
        workbook.Protect();

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteTitle(IXLWorksheet ws, SubmissionTemplate template)
    {
        ws.Cell(TitleRow, 1).SetValue(Title).Style.Font.SetBold().Font.SetFontSize(16);
        ws.Range(TitleRow, 1, TitleRow, ColumnCount).Merge().Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        ws.Row(TitleRow).Height = 28;

        Label(ws, PeriodRow, PeriodLabel, template.PeriodName);
        Label(ws, DepartmentRow, DepartmentLabel, template.DepartmentName);
        Label(ws, DeadlineRow, DeadlineLabel, Deadline(template.DeadlineUtc));
        Label(ws, InstructionsRow, InstructionsLabel, Instructions);
        var instructions = ws.Range(InstructionsRow, 2, InstructionsRow, ColumnCount);
        instructions.Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        ws.Row(InstructionsRow).Height = 48;
    }

    private static void Label(IXLWorksheet ws, int row, string label, string value)
    {
        ws.Cell(row, 1).SetValue(label).Style.Font.SetBold();
        ws.Cell(row, 2).SetValue(value);
        ws.Range(row, 2, row, ColumnCount).Merge().Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Left);
    }

    public static string Deadline(DateTime? deadlineUtc)
    {
        if (deadlineUtc is not { } utc)
            return "未设定";
        var beijing = DateTime.SpecifyKind(utc, DateTimeKind.Utc) + BeijingOffset;
        return beijing.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";
    }

    private static void WriteHeader(IXLWorksheet ws)
    {
        for (var c = 1; c <= ColumnCount; c++)
            ws.Cell(HeaderRow, c).SetValue(Header(c));
        ws.Cell(HeaderRow, Key).SetValue(KeyHeader);
        ws.Range(HeaderRow, 1, HeaderRow, ColumnCount).Style.Font.SetBold()
            .Fill.SetBackgroundColor(HeaderFill)
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center)
            .Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        ws.Row(HeaderRow).Height = 22;
    }

    private static void WriteRow(IXLWorksheet ws, int r, int key, TemplateRow row)
    {
        Text(ws.Cell(r, Code), row.IndicatorCode);
        Text(ws.Cell(r, Name), row.IndicatorName);
        Text(ws.Cell(r, Unit), row.Unit);
        Text(ws.Cell(r, Target), row.TargetName);
        Number(ws.Cell(r, Previous), row.PreviousValue);
        Number(ws.Cell(r, Value), row.Value);
        Text(ws.Cell(r, Note), row.Note);
        ws.Cell(r, Key).SetValue(key);

        var value = ws.Cell(r, Value);
        var validation = value.SetDataValidation();
        validation.IgnoreBlanks = true;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = "本期值有误";
        if (IsPercent(row.Unit))
        {
            validation.Decimal.Between(0, 100);
            validation.ErrorMessage = "请填写0到100之间的数字（不带百分号）。";
        }
        else
        {
            validation.Decimal.EqualOrGreaterThan(0);
            validation.ErrorMessage = "请填写不小于0的数字（不带单位）。";
        }
    }

    private static void Format(IXLWorksheet ws, SubmissionTemplate template, int last)
    {
        if (last >= FirstDataRow)
        {
            foreach (var c in new[] { Code, Name, Unit, Target, Note })
                ws.Range(FirstDataRow, c, last, c).Style.NumberFormat.SetFormat(TextFormat);
            foreach (var c in new[] { Previous, Value })
                ws.Range(FirstDataRow, c, last, c).Style.NumberFormat.SetFormat(NumberFormat);
            ws.Range(FirstDataRow, 1, last, Previous).Style.Fill.SetBackgroundColor(ReadOnlyFill);
            var editable = ws.Range(FirstDataRow, Value, last, Note);
            editable.Style.Protection.SetLocked(false);
            ws.Range(FirstDataRow, Value, last, Value).Style.Fill.SetBackgroundColor(ValueFill);
            ws.Range(FirstDataRow, Note, last, Note).Style.Fill.SetBackgroundColor(ValueFill).Alignment.SetWrapText(true);
            ws.Range(FirstDataRow, Unit, last, Unit).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);

            var table = ws.Range(HeaderRow, 1, last, ColumnCount);
            table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
            table.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        }

        for (var c = 1; c <= ColumnCount; c++)
            ws.Column(c).Width = ColumnWidths.Fit(ColumnTexts(ws, c, last));
        ws.Column(1).Width = Math.Max(ws.Column(1).Width, ColumnWidths.Fit([PeriodLabel, DepartmentLabel, DeadlineLabel, InstructionsLabel]));
        ws.Column(Value).Width = Math.Max(ws.Column(Value).Width, 14);
        ws.Column(Note).Width = Math.Max(ws.Column(Note).Width, 30);
        ws.Column(Key).Hide();

        ws.SheetView.Freeze(HeaderRow, 0);
        var page = ws.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        page.Header.Center.AddText($"{template.DepartmentName} · {template.PeriodName}");
    }

    private static IEnumerable<string?> ColumnTexts(IXLWorksheet ws, int column, int last)
    {
        for (var r = HeaderRow; r <= last; r++)
            yield return ws.Cell(r, column).GetFormattedString();
    }

    private static void WriteInfo(IXLWorksheet info, SubmissionTemplate template)
    {
        void Pair(int row, string label, string value)
        {
            info.Cell(row, 1).SetValue(label);
            info.Cell(row, 2).SetValue(value);
        }

        Pair(InfoPeriodIdRow, "评价周期ID", template.PeriodId.ToString("D"));
        Pair(InfoPeriodNameRow, PeriodLabel, template.PeriodName);
        Pair(InfoDepartmentIdRow, "填报部门ID", template.DepartmentId.ToString("D"));
        Pair(InfoDepartmentNameRow, DepartmentLabel, template.DepartmentName);
        for (var c = 1; c <= InfoHeaders.Length; c++)
            info.Cell(InfoHeaderRow, c).SetValue(InfoHeaders[c - 1]);
        for (var i = 0; i < template.Rows.Count; i++)
        {
            var row = template.Rows[i];
            var r = InfoFirstRow + i;
            info.Cell(r, InfoKey).SetValue(i + 1);
            info.Cell(r, InfoIndicatorId).SetValue(row.IndicatorNodeId.ToString("D"));
            info.Cell(r, InfoTargetId).SetValue(row.TargetId.ToString("D"));
            info.Cell(r, InfoCode).SetValue(row.IndicatorCode);
            info.Cell(r, InfoTarget).SetValue(row.TargetName);
            info.Cell(r, InfoStamp).SetValue(row.Stamp);
        }

        info.Visibility = XLWorksheetVisibility.VeryHidden;
        info.Protect();
    }

    private static void Text(IXLCell cell, string? value)
    {
        // SetValue(string) keeps "001" and "=A1" as text; assigning Value would convert them.
        if (!string.IsNullOrEmpty(value))
            cell.SetValue(value);
    }

    private static void Number(IXLCell cell, double? value)
    {
        if (value is { } v && double.IsFinite(v))
            cell.SetValue(v);
    }
}
