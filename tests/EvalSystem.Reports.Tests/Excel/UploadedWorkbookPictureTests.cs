using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Excel;
using EvalSystem.Reports.IndicatorSystems;
using EvalSystem.Reports.Tests.Bulletins;
using EvalSystem.Reports.Tests.IndicatorSystems;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace EvalSystem.Reports.Tests.Excel;

/// <summary>
/// Users paste logos and screenshots into templates, and our own bulletin carries charts. ClosedXML 0.95.4 measures pictures
/// with System.Drawing when it loads them, which needs libgdiplus on Linux; an upload with a picture must still be read.
/// </summary>
public class UploadedWorkbookPictureTests
{
    // A 1 × 1 transparent PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public void TheRankingBulletin_WithItsCharts_Opens()
    {
        var bulletin = RankingBulletinWorkbook.Export(SampleReports.Header(), SampleReports.Method(), [SampleReports.Regions()]);
        Assert.Contains(PicturesIn(bulletin), n => n > 0);

        var (book, error) = UploadedWorkbook.Open(new MemoryStream(bulletin), "导入", "模板");

        using (book)
        {
            Assert.True(book is not null, error);
            Assert.True(book.Worksheets.Contains(RankingBulletinWorkbook.RegionSheet));
        }
    }

    [Fact]
    public void AnIndicatorSystemTemplate_WithAPastedPicture_IsImportedAsWithout()
    {
        var template = IndicatorSystemWorkbook.Export(SampleSystems.County());
        var withPicture = AddPicture(template);
        Assert.Equal(1, PicturesIn(withPicture).Sum());

        var plain = IndicatorSystemWorkbook.Import(new MemoryStream(template));
        var result = IndicatorSystemWorkbook.Import(new MemoryStream(withPicture));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(plain.Sheet!.Rows.Count, result.Sheet!.Rows.Count);
    }

    private static IEnumerable<int> PicturesIn(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        return document.WorkbookPart!.WorksheetParts.Select(p => p.DrawingsPart?.ImageParts.Count() ?? 0).ToList();
    }

    /// <summary>Pastes a picture on the first sheet, as Excel stores one.</summary>
    private static byte[] AddPicture(byte[] xlsx)
    {
        var copy = new MemoryStream();
        copy.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(copy, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
            var part = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
            var drawings = part.AddNewPart<DrawingsPart>("rIdPasted");
            var image = drawings.AddImagePart(ImagePartType.Png, "rIdLogo");
            image.FeedData(new MemoryStream(Png));
            drawings.WorksheetDrawing = new Xdr.WorksheetDrawing(new Xdr.OneCellAnchor(
                new Xdr.FromMarker(new Xdr.ColumnId("5"), new Xdr.ColumnOffset("0"), new Xdr.RowId("0"), new Xdr.RowOffset("0")),
                new Xdr.Extent { Cx = 9525, Cy = 9525 },
                new Xdr.Picture(
                    new Xdr.NonVisualPictureProperties(new Xdr.NonVisualDrawingProperties { Id = 2U, Name = "Logo" }, new Xdr.NonVisualPictureDrawingProperties()),
                    new Xdr.BlipFill(new A.Blip { Embed = "rIdLogo" }, new A.Stretch(new A.FillRectangle())),
                    new Xdr.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 9525, Cy = 9525 }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
                new Xdr.ClientData()));
            drawings.WorksheetDrawing.Save();
            var worksheet = part.Worksheet;
            var next = worksheet.ChildElements.FirstOrDefault(e => e is LegacyDrawing or LegacyDrawingHeaderFooter or Picture or TableParts or WorksheetExtensionList);
            if (next is null)
                worksheet.Append(new Drawing { Id = "rIdPasted" });
            else
                worksheet.InsertBefore(new Drawing { Id = "rIdPasted" }, next);
            worksheet.Save();
        }
        return copy.ToArray();
    }
}
