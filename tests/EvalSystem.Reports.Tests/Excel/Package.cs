using System.IO.Compression;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using EvalSystem.Reports.Excel;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace EvalSystem.Reports.Tests.Excel;

/// <summary>A chart placed on a sheet, as read back from the package.</summary>
internal sealed record PlacedPicture(string Sheet, int Row, int Column, long WidthEmu, long HeightEmu, string Description, byte[] Png);

/// <summary>Reads generated .xlsx files the ways the tests need.</summary>
internal static class Package
{
    /// <summary>
    /// Waits until the wall clock crosses into the next two-second step (the resolution of zip entry times), so that
    /// anything a writer stamped with the clock would now differ. Waits for that condition, not a fixed time.
    /// </summary>
    public static void WaitForTheClockToMove()
    {
        var start = DateTime.Now.Ticks / (2 * TimeSpan.TicksPerSecond);
        Assert.True(SpinWait.SpinUntil(() => DateTime.Now.Ticks / (2 * TimeSpan.TicksPerSecond) != start, TimeSpan.FromSeconds(5)), "The clock did not move.");
    }

    /// <summary>
    /// Opens with ClosedXML. ClosedXML 0.95.4 loads pictures through System.Drawing, which needs libgdiplus on Linux, so the
    /// drawings are removed from a copy first (as for uploads); <see cref="Pictures"/> checks them separately.
    /// </summary>
    public static XLWorkbook Open(byte[] xlsx) => UploadedWorkbook.OpenCells(xlsx);

    public static IReadOnlyList<PlacedPicture> Pictures(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        var workbook = document.WorkbookPart!;
        var result = new List<PlacedPicture>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            if (part.DrawingsPart is not { } drawings)
                continue;
            Assert.Single(part.Worksheet.Elements<Drawing>());
            foreach (var anchor in drawings.WorksheetDrawing.Elements<Xdr.OneCellAnchor>())
            {
                var picture = anchor.GetFirstChild<Xdr.Picture>()!;
                var blip = picture.BlipFill!.Blip!;
                using var png = drawings.GetPartById(blip.Embed!.Value!).GetStream();
                using var bytes = new MemoryStream();
                png.CopyTo(bytes);
                result.Add(new PlacedPicture(
                    sheet.Name!.Value!,
                    int.Parse(anchor.FromMarker!.RowId!.Text, System.Globalization.CultureInfo.InvariantCulture) + 1,
                    int.Parse(anchor.FromMarker!.ColumnId!.Text, System.Globalization.CultureInfo.InvariantCulture) + 1,
                    anchor.Extent!.Cx!.Value,
                    anchor.Extent!.Cy!.Value,
                    picture.NonVisualPictureProperties!.NonVisualDrawingProperties!.Description!.Value!,
                    bytes.ToArray()));
            }
        }

        return result;
    }

    /// <summary>The workbook's defined names as name@sheet index → formula, e.g. "_xlnm.Print_Titles@0".</summary>
    public static IReadOnlyDictionary<string, string> DefinedNames(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        return document.WorkbookPart!.Workbook.DefinedNames?.Elements<DefinedName>()
            .ToDictionary(d => $"{d.Name}@{d.LocalSheetId?.Value}", d => d.Text) ?? [];
    }

    /// <summary>Every part of the zip by name, uncompressed.</summary>
    public static IReadOnlyDictionary<string, byte[]> Parts(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    /// <summary>Schema errors the Open XML SDK finds (what Excel's "we found a problem with some content" is made of).</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        return new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToArray();
    }

    /// <summary>Every non-empty cell's formatted text, by sheet and address, for comparing two files.</summary>
    public static IReadOnlyDictionary<string, string> CellTexts(byte[] xlsx)
    {
        using var wb = Open(xlsx);
        return wb.Worksheets.SelectMany(ws => ws.CellsUsed().Select(c => ($"{ws.Name}!{c.Address}", $"{c.DataType}:{c.GetFormattedString()}")))
            .ToDictionary(x => x.Item1, x => x.Item2);
    }
}
