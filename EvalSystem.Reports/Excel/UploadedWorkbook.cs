using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EvalSystem.Reports.Excel;

/// <summary>
/// Opens a workbook a user uploaded. Anything that is not a readable .xlsx — an empty file, an old .xls, a PDF,
/// a renamed text file, a damaged zip — becomes one sentence saying what to upload instead, never an exception.
/// <para>
/// Pictures and charts are dropped before ClosedXML reads the file: ClosedXML 0.95.4 measures every picture it loads with
/// System.Drawing, which needs libgdiplus on Linux, so a template with a pasted logo (or our own bulletin, whose charts are
/// pictures) would otherwise be refused as damaged. Uploads are read for their cells only.
/// </para>
/// </summary>
public static class UploadedWorkbook
{
    private const string NotExcel = "文件不是有效的 Excel (.xlsx) 文件";

    /// <param name="action">The user's verb, e.g. 导入 or 上传.</param>
    /// <param name="expected">What the user should upload, e.g. 从本系统导出的 .xlsx 模板.</param>
    public static (XLWorkbook? Workbook, string Error) Open(Stream xlsx, string action, string expected)
    {
        byte[] bytes;
        try
        {
            using var copy = new MemoryStream();
            xlsx.CopyTo(copy);
            bytes = copy.ToArray();
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
        {
            return (null, $"无法读取上传的文件：{ex.Message}");
        }

        if (bytes.Length == 0)
            return (null, $"{NotExcel}：文件是空的（0 字节）。请上传{expected}。");
        if (!bytes.AsSpan().StartsWith("PK"u8))
        {
            var hint = bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }) ? $"看起来是旧版 Excel (.xls) 文件或加密文件，请在 Excel 中另存为 .xlsx 后再{action}。"
                : bytes.AsSpan().StartsWith("%PDF"u8) ? $"这是一个 PDF 文件，请上传{expected}。"
                : $"请上传{expected}，不要只修改文件扩展名。";
            return (null, $"{NotExcel}：{hint}");
        }

        try
        {
            return (OpenCells(bytes), string.Empty);
        }
#pragma warning disable CA1031 // Any failure to open a user's upload is the same user-facing problem, never a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (null, $"{NotExcel}：文件已损坏或不是 Excel 工作簿，请在 Excel 中打开并另存为 .xlsx 后再{action}。");
        }
    }

    /// <summary>
    /// Opens a workbook known to be .xlsx for its cells: ClosedXML 0.95.4 loads pictures through System.Drawing (libgdiplus on
    /// Linux), so a copy without the drawings is opened. Also how tests read the reports this system generates, charts and all.
    /// </summary>
    public static XLWorkbook OpenCells(byte[] xlsx) => new(WithoutPictures(xlsx));

    /// <summary>A copy of the package without its drawings (pictures, charts, shapes); the cells are untouched.</summary>
    private static MemoryStream WithoutPictures(byte[] bytes)
    {
        var copy = new MemoryStream();
        copy.Write(bytes);
        copy.Position = 0;
        using (var document = SpreadsheetDocument.Open(copy, isEditable: true))
        {
            foreach (var sheet in document.WorkbookPart?.WorksheetParts.Where(p => p.DrawingsPart is not null).ToList() ?? [])
            {
                sheet.Worksheet.RemoveAllChildren<Drawing>();
                sheet.Worksheet.Save();
                sheet.DeletePart(sheet.DrawingsPart!);
            }
        }

        copy.Position = 0;
        return copy;
    }
}
