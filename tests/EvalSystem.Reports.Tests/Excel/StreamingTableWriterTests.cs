using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EvalSystem.Reports.Excel;

namespace EvalSystem.Reports.Tests.Excel;

public class StreamingTableWriterTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 4, 15, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly StreamingColumn[] Columns =
    [
        new("序号", ColumnFormat.Integer),
        new("评价对象"),
        new("得分", ColumnFormat.Score),
        new("网办率", ColumnFormat.Percent),
        new("提交时间", ColumnFormat.DateTime),
        new("截止日期", ColumnFormat.Date),
        new("已审核"),
        new("代码", ColumnFormat.Text),
    ];

    private static object?[][] SmallRows() =>
    [
        [1, "东城区", 82.1, 0.985, new DateTimeOffset(2026, 3, 20, 1, 15, 0, TimeSpan.Zero), new DateOnly(2026, 3, 31), true, "001"],
        [2, " 石桥县 ", null, 0.5m, new DateTime(2026, 3, 21, 2, 0, 0, DateTimeKind.Utc), null, false, "=A1"],
    ];

    private static byte[] Small()
    {
        using var output = new MemoryStream();
        StreamingTableWriter.Write(output, "审计日志", Columns, SmallRows(), CreatedAt, "王敏");
        return output.ToArray();
    }

    [Fact]
    public void Write_GivesAWorkbookClosedXmlReadsWithTypedValuesAndFormats()
    {
        using var wb = new XLWorkbook(new MemoryStream(Small()));
        var ws = Assert.Single(wb.Worksheets);
        Assert.Equal("审计日志", ws.Name);
        Assert.Equal(Columns.Select(c => c.Header), Enumerable.Range(1, 8).Select(c => ws.Cell(1, c).GetString()));
        Assert.True(ws.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, ws.Cell(2, 1).GetDouble());
        Assert.Equal("东城区", ws.Cell(2, 2).GetString());
        Assert.Equal(82.1, ws.Cell(2, 3).GetDouble());
        Assert.Equal("0.00", ws.Cell(2, 3).Style.NumberFormat.Format);
        Assert.Equal(0.985, ws.Cell(2, 4).GetDouble());
        Assert.Equal("0.0%", ws.Cell(2, 4).Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 3, 20, 9, 15, 0), ws.Cell(2, 5).GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", ws.Cell(2, 5).Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 3, 31), ws.Cell(2, 6).GetDateTime());
        Assert.Equal("yyyy-mm-dd", ws.Cell(2, 6).Style.NumberFormat.Format);
        Assert.Equal("是", ws.Cell(2, 7).GetString());
        Assert.Equal("001", ws.Cell(2, 8).GetString());
        Assert.Equal(XLDataType.Text, ws.Cell(2, 8).DataType);
        Assert.Equal(" 石桥县 ", ws.Cell(3, 2).GetString());
        Assert.True(ws.Cell(3, 3).IsEmpty());
        Assert.Equal(0.5, ws.Cell(3, 4).GetDouble());
        Assert.Equal(new DateTime(2026, 3, 21, 10, 0, 0), ws.Cell(3, 5).GetDateTime());
        Assert.Equal("否", ws.Cell(3, 7).GetString());
        Assert.Equal("=A1", ws.Cell(3, 8).GetString());
        Assert.False(ws.Cell(3, 8).HasFormula);
    }

    [Fact]
    public void Write_FreezesFiltersAndRepeatsTheHeaderAndFitsColumnWidths()
    {
        var bytes = Small();
        using var wb = new XLWorkbook(new MemoryStream(bytes));
        var ws = wb.Worksheet(1);
        Assert.Equal(1, ws.SheetView.SplitRow);
        Assert.Equal("A1:H3", ws.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(1, ws.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        // "评价对象" is 4 CJK characters: 8 units, 2 of padding, 2 for the filter button; a date and time is 16 characters.
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var widths = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToArray();
        Assert.Equal(12, widths[1]);
        Assert.Equal(20, widths[4]);
        Assert.Equal("'审计日志'!$1:$1", Package.DefinedNames(bytes)["_xlnm.Print_Titles@0"]);
    }

    [Fact]
    public void Write_IsValidAgainstTheSpreadsheetSchema() => Assert.Empty(Package.ValidationErrors(Small()));

    [Fact]
    public void Write_TwiceGivesTheSameBytes()
    {
        var first = Small();
        Package.WaitForTheClockToMove(); // anything stamped with the clock would now differ
        Assert.Equal(first, Small());
    }

    [Fact]
    public void Write_SeveralSheetsWithClashingNames_NamesThemApart()
    {
        using var output = new MemoryStream();
        var counts = StreamingTableWriter.Write(
            output,
            [new("明细", Columns, SmallRows()), new("明细", Columns, []), StreamingSheet.Of("说明/备注", [new StreamingColumn("说明")], ["第一行", "第二行"], s => new object?[] { s })],
            CreatedAt);
        Assert.Equal([2L, 0L, 2L], counts);
        using var wb = new XLWorkbook(new MemoryStream(output.ToArray()));
        Assert.Equal(["明细", "明细 (2)", "说明_备注"], wb.Worksheets.Select(w => w.Name));
        Assert.Equal("第二行", wb.Worksheet(3).Cell(3, 1).GetString());
    }

    [Fact]
    public void Write_RefusesARowWithTheWrongNumberOfValues()
    {
        var ex = Assert.Throws<ArgumentException>(() => StreamingTableWriter.Write(new MemoryStream(), "表", Columns, [new object?[] { 1, "x" }], CreatedAt));
        Assert.Contains("第 1 行有 2 个值", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>100,000 rows of 8 cells, one row array reused throughout as a caller streaming from a data reader would.</summary>
    private static IEnumerable<object?[]> ManyRows(int count, Action<int>? everyQuarter = null)
    {
        var row = new object?[Columns.Length];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        for (var i = 1; i <= count; i++)
        {
            if (i % 25_000 == 0)
                everyQuarter?.Invoke(i);
            row[0] = i;
            row[1] = $"评价对象{i}";
            row[2] = i % 100 + 0.25;
            row[3] = i % 1000 / 1000.0;
            row[4] = start.AddMinutes(i);
            row[5] = DateOnly.FromDayNumber(739_000 + (i % 365));
            row[6] = i % 2 == 0;
            row[7] = i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            yield return row;
        }
    }

    [Fact]
    public void Write_100kRows_KeepsMemoryFlatAndReadsBack()
    {
        const int rows = 100_000;
        var path = Path.Combine(Path.GetTempPath(), $"streaming-{Guid.NewGuid():N}.xlsx");
        try
        {
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0;
            long count;
            using (var file = File.Create(path))
            using (var response = new WriteOnlyStream(file))
            {
                // Live memory (after a full collection) every 25,000 rows: what the writer holds on to.
                count = StreamingTableWriter.Write(response, "数据", Columns, ManyRows(rows, _ => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true))), CreatedAt);
            }

            Assert.Equal(rows, count);
            var written = new FileInfo(path).Length;
            var held = peak - baseline;
            // The sheet's XML is tens of megabytes; the writer holds a few buffers and 100 sample rows.
            Assert.True(held < 8_000_000, $"held {held:N0} bytes while writing {written:N0} bytes");

            using var document = SpreadsheetDocument.Open(path, isEditable: false);
            var sheet = document.WorkbookPart!.WorksheetParts.Single();
            var found = new Dictionary<uint, Row>();
            var seen = 0;
            using (var reader = OpenXmlReader.Create(sheet))
            {
                var more = reader.Read();
                while (more)
                {
                    if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                    {
                        more = reader.Read();
                        continue;
                    }

                    seen++;
                    var index = reader.Attributes.Single(a => a.LocalName == "r").Value!;
                    if (index is "2" or "50001" or "100001")
                    {
                        found[uint.Parse(index, System.Globalization.CultureInfo.InvariantCulture)] = (Row)reader.LoadCurrentElement()!;
                        more = !reader.EOF;
                    }
                    else
                    {
                        // Skip moves to the next row without reading the cells.
                        reader.Skip();
                        more = !reader.EOF;
                    }
                }
            }

            Assert.Equal(rows + 1, seen);
            Assert.Equal("评价对象1", Cell(found[2], "B").InnerText);
            Assert.Equal("评价对象50000", Cell(found[50_001], "B").InnerText);
            Assert.Equal("0.25", Cell(found[100_001], "C").InnerText);
            Assert.Equal("100000", Cell(found[100_001], "A").InnerText);
            Assert.Equal("100000", Cell(found[100_001], "H").InnerText);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Cell Cell(Row row, string column) =>
        row.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal) && char.IsDigit(c.CellReference.Value[column.Length]));

    /// <summary>An HTTP response body: write-only, not seekable, no length.</summary>
    private sealed class WriteOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
