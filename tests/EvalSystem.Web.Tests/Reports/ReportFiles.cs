using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using EvalSystem.Reports.Excel;

namespace EvalSystem.Web.Tests.Reports;

/// <summary>Opens generated reports in tests.</summary>
internal static partial class ReportFiles
{
    /// <summary>Opens a generated report for its cells, the way uploads are opened (ClosedXML 0.95.4 cannot load its charts here).</summary>
    public static XLWorkbook Open(byte[] content) => UploadedWorkbook.OpenCells(content);

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
