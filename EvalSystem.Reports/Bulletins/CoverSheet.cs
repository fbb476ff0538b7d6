using ClosedXML.Excel;
using EvalSystem.Reports.Excel;

namespace EvalSystem.Reports.Bulletins;

/// <summary>封面: the report's title and identity, and what the workbook contains.</summary>
internal static class CoverSheet
{
    public const string Name = "封面";

    public static void Add(ReportBook book, IReadOnlyList<(string Sheet, string Contents)> contents)
    {
        var ws = book.AddSheet(Name);
        ws.Cell(2, 1).SetValue(CellText.Safe(book.Header.Title)).Style.Font.SetBold().Font.SetFontSize(20);
        ws.Range(2, 1, 2, 2).Merge();
        ws.Row(2).Height = 36;

        var r = 4;
        foreach (var (label, value) in ReportSheets.Identity(book.Header).Skip(1))
        {
            ws.Cell(r, 1).SetValue(label).Style.Font.SetBold();
            ws.Cell(r, 2).SetValue(CellText.Safe(value));
            r++;
        }

        r++;
        ws.Cell(r++, 1).SetValue("本工作簿包含").Style.Font.SetBold();
        foreach (var (sheet, description) in contents.Append((MethodSheet.Name, "指标、权重、评分规则与计算说明，可据此复核得分")))
        {
            ws.Cell(r, 1).SetValue(sheet);
            ws.Cell(r, 2).SetValue(description);
            r++;
        }

        r++;
        ws.Cell(r, 1).SetValue("说明").Style.Font.SetBold();
        ws.Cell(r, 2).SetValue("本报告由系统根据已保存的评分批次生成；同一评分批次与方法版本可重新计算出相同结果。").Style.Alignment.SetWrapText(true);

        ws.Column(1).Width = ColumnWidths.Fit(ws.Column(1).CellsUsed().Where(c => c.Address.RowNumber > 2).Select(c => c.GetString()));
        ws.Column(2).Width = Math.Max(ColumnWidths.Fit(ws.Column(2).CellsUsed().Where(c => c.Address.RowNumber > 2).Select(c => c.GetString())), 40);
        ws.Column(2).Width = Math.Min(ws.Column(2).Width, 70);
        ws.Column(2).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Left);
        ws.ShowGridLines = false;
        ReportSheets.Print(ws, book.Header, 0, 0, landscape: false);
    }
}
