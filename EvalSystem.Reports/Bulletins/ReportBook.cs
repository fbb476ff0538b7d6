using ClosedXML.Excel;
using EvalSystem.Domain.Common;
using EvalSystem.Reports.Excel;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// One report workbook under construction: the ClosedXML workbook, the charts to place, and the header every sheet prints.
/// <see cref="ToBytes"/> adds the 计算方法 sheet, protects every sheet and returns reproducible bytes.
/// </summary>
internal sealed class ReportBook : IDisposable
{
    private readonly XLWorkbook _workbook = new();
    private readonly List<SheetPicture> _pictures = [];
    private readonly List<StreamedRows> _streamed = [];

    public ReportBook(ReportHeader header, MethodDescription method, IEnumerable<string>? reservedNames = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(method);
        Header = header;
        Method = method;
        Names = new SheetNames([MethodSheet.Name, .. reservedNames ?? []]);
    }

    public ReportHeader Header { get; }

    public MethodDescription Method { get; }

    /// <summary>Unique legal names for sheets named after targets.</summary>
    public SheetNames Names { get; }

    public IXLWorksheet AddSheet(string name) => _workbook.AddWorksheet(name);

    /// <summary>Places a chart with its top-left corner at (row, column); returns the first row below it.</summary>
    public int AddPicture(IXLWorksheet ws, int row, int column, byte[] png, int width, int height, string description)
    {
        _pictures.Add(new SheetPicture(ws.Name, row, column, png, width, height, description));
        // Rows are 20 pixels high (15 points) unless wrapped text makes them taller.
        return row + (int)Math.Ceiling(height / 20.0) + 1;
    }

    /// <summary>
    /// Lets <paramref name="write"/> write a sheet's data rows straight into the file (see <see cref="StreamedRows"/>): the sheet
    /// holds <paramref name="templateRows"/> styled template rows from <paramref name="firstRow"/>, which the real rows replace.
    /// </summary>
    public void StreamRows(IXLWorksheet ws, int firstRow, int templateRows, int lastRow, Action<SheetRowWriter> write) =>
        _streamed.Add(new StreamedRows(ws.Name, firstRow, templateRows, lastRow, write));

    public byte[] ToBytes()
    {
        MethodSheet.Add(this);
        foreach (var ws in _workbook.Worksheets)
        {
            if (ws.Name is not (CoverSheet.Name or MethodSheet.Name))
                ReportSheets.FitHeading(ws);
            // Reports are records of a published result: read-only, but columns can be widened and filters used.
            ws.Protect()
                .AllowElement(XLSheetProtectionElements.FormatColumns)
                .AllowElement(XLSheetProtectionElements.FormatRows)
                .AllowElement(XLSheetProtectionElements.AutoFilter);
        }

        _workbook.Worksheets.First().SetTabActive().SetTabSelected();
        var at = BeijingTime.Of(Header.GeneratedAt);
        _workbook.Properties.Title = Header.Title;
        _workbook.Properties.Author = Header.GeneratedBy;
        _workbook.Properties.LastModifiedBy = Header.GeneratedBy;
        _workbook.Properties.Created = at;
        _workbook.Properties.Modified = at;

        using var saved = new MemoryStream();
        _workbook.SaveAs(saved);
        saved.Position = 0;
        return WorkbookPackage.Finish(saved, _pictures, new PackageIdentity(Header.Title, Header.GeneratedBy, Header.GeneratedAt), _streamed);
    }

    public void Dispose() => _workbook.Dispose();
}
