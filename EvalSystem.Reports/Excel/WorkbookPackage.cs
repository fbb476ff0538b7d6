using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using A = DocumentFormat.OpenXml.Drawing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EvalSystem.Domain.Common;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace EvalSystem.Reports.Excel;

/// <summary>A PNG to place on a worksheet with its top-left corner at (Row, Column), 1-based, at its pixel size.</summary>
internal sealed record SheetPicture(string SheetName, int Row, int Column, byte[] Png, int Width, int Height, string Description);

/// <summary>Who made a file and when, for its document properties and the timestamps inside the zip.</summary>
internal sealed record PackageIdentity(string Title, string Author, DateTimeOffset CreatedAt);

/// <summary>
/// Finishes a workbook ClosedXML has saved. Two things ClosedXML 0.95.4 cannot do here:
/// <list type="bullet">
/// <item>Pictures: its AddPicture measures the image with System.Drawing, which needs libgdiplus on Linux. The charts are
/// PNGs of known size, so they are added with the Open XML SDK instead.</item>
/// <item>Reproducible bytes: the zip entries carry the time of saving and System.IO.Packaging names the package-level
/// relationships with random ids. Both are replaced by values derived from the input, so the same records give the same file.</item>
/// </list>
/// </summary>
internal static class WorkbookPackage
{
    private const long EmuPerPixel = 9525; // 914,400 EMU per inch at 96 pixels per inch

    public static byte[] Finish(MemoryStream saved, IReadOnlyList<SheetPicture> pictures, PackageIdentity identity, IReadOnlyList<StreamedRows>? streamed = null)
    {
        var expansions = new Dictionary<string, StreamedRows>(StringComparer.Ordinal);
        using (var document = SpreadsheetDocument.Open(saved, isEditable: true))
        {
            var created = identity.CreatedAt.UtcDateTime;
            var properties = document.PackageProperties;
            properties.Title = identity.Title;
            properties.Creator = identity.Author;
            properties.LastModifiedBy = identity.Author;
            properties.Created = created;
            properties.Modified = created;
            foreach (var sheet in pictures.GroupBy(p => p.SheetName))
                AddPictures(document.WorkbookPart!, sheet.Key, sheet.ToList());
            foreach (var rows in streamed ?? [])
            {
                var workbook = document.WorkbookPart!;
                var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == rows.SheetName);
                expansions.Add(workbook.GetPartById(sheet.Id!.Value!).Uri.OriginalString.TrimStart('/'), rows);
            }
        }

        return Deterministic(saved.ToArray(), identity.CreatedAt, expansions);
    }

    /// <summary>
    /// The same package with every entry stamped <paramref name="timestamp"/>, predictable package relationship ids, and the
    /// core properties at docProps/core.xml (System.IO.Packaging names that part with a random number).
    /// </summary>
    /// <param name="expansions">Worksheet parts (by entry name) whose template rows are replaced by streamed rows on the way.</param>
    public static byte[] Deterministic(byte[] package, DateTimeOffset timestamp, IReadOnlyDictionary<string, StreamedRows>? expansions = null)
    {
        var entries = new List<(string Name, byte[] Bytes)>();
        using (var input = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read))
        {
            foreach (var entry in input.Entries)
            {
                using var from = entry.Open();
                using var bytes = new MemoryStream();
                from.CopyTo(bytes);
                entries.Add((entry.FullName, bytes.ToArray()));
            }
        }

        var relationships = entries.FindIndex(e => e.Name == "_rels/.rels");
        var contentTypes = entries.FindIndex(e => e.Name == "[Content_Types].xml");
        if (relationships >= 0 && contentTypes >= 0)
        {
            var (rels, corePart) = PackageRelationships(entries[relationships].Bytes);
            entries[relationships] = (entries[relationships].Name, rels);
            if (corePart is not null && corePart != CorePart)
            {
                var core = entries.FindIndex(e => e.Name == corePart);
                entries[core] = (CorePart, entries[core].Bytes);
                entries[contentTypes] = (entries[contentTypes].Name, CoreContentType(entries[contentTypes].Bytes, corePart));
            }
        }

        using var output = new MemoryStream(package.Length);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            // [Content_Types].xml first, as Excel writes it: file-type sniffers look for it there.
            foreach (var (name, bytes) in entries.OrderBy(e => e.Name switch { "[Content_Types].xml" => 0, "_rels/.rels" => 1, _ => 2 }))
            {
                var copy = zip.CreateEntry(name, CompressionLevel.Optimal);
                copy.LastWriteTime = ZipTime(timestamp);
                using var to = copy.Open();
                if (expansions is not null && expansions.TryGetValue(name, out var rows))
                    SheetRowWriter.Expand(bytes, to, rows);
                else
                    to.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>Zip (DOS) times are local clock times from 1980 on: Beijing time, as everywhere in the reports.</summary>
    public static DateTimeOffset ZipTime(DateTimeOffset value)
    {
        var beijing = value.ToOffset(BeijingTime.Offset);
        return beijing.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, beijing.Offset) : beijing;
    }

    private const string CorePart = "docProps/core.xml";
    private const string CoreType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    private const string CoreContent = "application/vnd.openxmlformats-package.core-properties+xml";

    // Package-level relationships (to the workbook and the document properties) are referenced by nothing inside the
    // package, so their ids can be renamed freely. Returns the rewritten part and the core properties part's name.
    private static (byte[] Part, string? CorePart) PackageRelationships(byte[] part)
    {
        var xml = XDocument.Load(new MemoryStream(part));
        string? core = null;
        var n = 0;
        foreach (var relationship in xml.Root!.Elements().OrderBy(e => (string?)e.Attribute("Type"), StringComparer.Ordinal))
        {
            relationship.SetAttributeValue("Id", $"rId{++n}");
            if ((string?)relationship.Attribute("Type") == CoreType)
            {
                core = ((string?)relationship.Attribute("Target"))?.TrimStart('/');
                relationship.SetAttributeValue("Target", CorePart);
            }
        }

        return (Save(xml), core);
    }

    private static byte[] CoreContentType(byte[] part, string oldCorePart)
    {
        var xml = XDocument.Load(new MemoryStream(part));
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        xml.Root!.Elements(ns + "Override").Where(e => (string?)e.Attribute("PartName") == "/" + oldCorePart).Remove();
        var extension = Path.GetExtension(oldCorePart).TrimStart('.');
        if (extension != "xml")
            xml.Root.Elements(ns + "Default").Where(e => (string?)e.Attribute("Extension") == extension).Remove();
        xml.Root.Add(new XElement(ns + "Override", new XAttribute("PartName", "/" + CorePart), new XAttribute("ContentType", CoreContent)));
        return Save(xml);
    }

    private static byte[] Save(XDocument xml)
    {
        using var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            xml.Save(writer);
        return bytes.ToArray();
    }

    private static void AddPictures(WorkbookPart workbook, string sheetName, IReadOnlyList<SheetPicture> pictures)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var worksheetPart = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        // Explicit relationship ids: the SDK's generated ones are random.
        const string drawingId = "rIdReportDrawing";
        var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>(drawingId);
        var drawing = new Xdr.WorksheetDrawing();
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        drawing.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        for (var i = 0; i < pictures.Count; i++)
        {
            var picture = pictures[i];
            var imageId = $"rIdImage{i + 1}";
            var imagePart = drawingsPart.AddImagePart(ImagePartType.Png, imageId);
            using (var png = new MemoryStream(picture.Png, writable: false))
                imagePart.FeedData(png);
            drawing.Append(Anchor(picture, imageId, (uint)(i + 2)));
        }

        drawingsPart.WorksheetDrawing = drawing;
        drawing.Save();

        // <drawing> has a fixed place among the worksheet's children: before these, after everything else.
        var worksheet = worksheetPart.Worksheet;
        var next = worksheet.ChildElements.FirstOrDefault(e => e is LegacyDrawing or LegacyDrawingHeaderFooter or Picture
            or OleObjects or Controls or WebPublishItems or TableParts or WorksheetExtensionList);
        var element = new Drawing { Id = drawingId };
        if (next is null)
            worksheet.Append(element);
        else
            worksheet.InsertBefore(element, next);
        worksheet.Save();
    }

    private static Xdr.OneCellAnchor Anchor(SheetPicture picture, string imageId, uint shapeId)
    {
        var cx = picture.Width * EmuPerPixel;
        var cy = picture.Height * EmuPerPixel;
        return new Xdr.OneCellAnchor(
            new Xdr.FromMarker(
                new Xdr.ColumnId((picture.Column - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.ColumnOffset("0"),
                new Xdr.RowId((picture.Row - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.RowOffset("0")),
            new Xdr.Extent { Cx = cx, Cy = cy },
            new Xdr.Picture(
                new Xdr.NonVisualPictureProperties(
                    new Xdr.NonVisualDrawingProperties { Id = shapeId, Name = $"图表 {shapeId - 1}", Description = picture.Description },
                    new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                new Xdr.BlipFill(
                    new A.Blip { Embed = imageId },
                    new A.Stretch(new A.FillRectangle())),
                new Xdr.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
            new Xdr.ClientData());
    }
}
