using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EvalSystem.Web.Tests.Reports;

/// <summary>Opens generated reports in tests.</summary>
internal static partial class ReportFiles
{
    /// <summary>
    /// ClosedXML 0.95.4 loads pictures through System.Drawing (libgdiplus on Linux): charts are removed from a copy first.
    /// </summary>
    public static XLWorkbook Open(byte[] content)
    {
        var copy = new MemoryStream();
        copy.Write(content);
        using (var document = SpreadsheetDocument.Open(copy, isEditable: true))
        {
            foreach (var sheet in document.WorkbookPart!.WorksheetParts.Where(s => s.DrawingsPart is not null))
            {
                sheet.Worksheet.RemoveAllChildren<Drawing>();
                sheet.Worksheet.Save();
                sheet.DeletePart(sheet.DrawingsPart!);
            }
        }
        copy.Position = 0;
        return new XLWorkbook(copy);
    }

    /// <summary>
    /// A hash of every sheet's name and cell values, leaving out what differs between two generations of the same data: the
    /// time of generation (any "yyyy-MM-dd HH:mm" text).
    /// </summary>
    public static string DataHash(byte[] content)
    {
        using var book = Open(content);
        var text = new StringBuilder();
        foreach (var sheet in book.Worksheets)
        {
            text.Append("## ").AppendLine(sheet.Name);
            foreach (var cell in sheet.CellsUsed())
                text.Append(cell.Address.ToString()).Append('=').AppendLine(GeneratedAt().Replace(cell.GetString(), "<time>"));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?")]
    private static partial Regex GeneratedAt();
}
