using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using EvalSystem.Domain.Common;
using Xf = DocumentFormat.OpenXml.Spreadsheet.CellFormat;

namespace EvalSystem.Reports.Excel;

/// <summary>How a streamed column shows its numbers and dates; the same formats as <see cref="NumberFormats"/>.</summary>
public enum ColumnFormat
{
    General,
    Text,
    Integer,
    Score,
    Value,
    Percent,
    DateTime,
    Date,
}

/// <summary>A streamed column: header text, format, and a fixed width (null to fit the header and the first rows).</summary>
public sealed record StreamingColumn(string Header, ColumnFormat Format = ColumnFormat.General, double? Width = null);

/// <summary>One sheet of a streamed workbook. Each row has one value per column; rows are read once, as they are written.</summary>
public sealed record StreamingSheet(string Name, IReadOnlyList<StreamingColumn> Columns, IEnumerable<object?[]> Rows)
{
    /// <summary>A sheet of typed records, each turned into a row by <paramref name="row"/> as it is written.</summary>
    public static StreamingSheet Of<T>(string name, IReadOnlyList<StreamingColumn> columns, IEnumerable<T> items, Func<T, object?[]> row) =>
        new(name, columns, items.Select(row));
}

/// <summary>
/// Writes large tables to .xlsx with flat memory: each sheet is written row by row with the Open XML SDK's SAX writer
/// (<see cref="OpenXmlWriter"/>) straight into a zip entry that is compressed as it is written, so a million rows cost about
/// what a hundred do. (SpreadsheetDocument cannot do this on .NET: its package holds every part uncompressed in memory until
/// it is closed.) The output stream need not be seekable: an HTTP response body will do.
/// <para>
/// Each sheet has a bold, frozen header row with an auto-filter that repeats on printed pages, and column widths fitted to the
/// header and the first 100 rows. Strings are written inline (no shared-string table to hold in memory). Values: strings;
/// numbers; <see cref="DateTimeOffset"/> (shown in Beijing time), <see cref="DateTime"/> (UTC converted to Beijing time,
/// other kinds as they are) and <see cref="DateOnly"/> as Excel dates; bool as 是/否; null as an empty cell; anything else as
/// its invariant text. The same rows and createdAt give the same bytes.
/// </para>
/// </summary>
public static class StreamingTableWriter
{
    /// <summary>Excel's 1,048,576 rows less the header row.</summary>
    public const int MaxRows = 1_048_575;

    private const int SampledRows = 100;
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Style indexes in styles.xml: 0 default, 1 header, then one per ColumnFormat in enum order.
    private const int HeaderStyle = 1;

    private static int StyleOf(ColumnFormat format) => 2 + (int)format;

    /// <summary>Writes one sheet; returns the number of data rows written.</summary>
    public static long Write(Stream output, string sheetName, IReadOnlyList<StreamingColumn> columns, IEnumerable<object?[]> rows, DateTimeOffset createdAt, string? author = null) =>
        Write(output, [new StreamingSheet(sheetName, columns, rows)], createdAt, author)[0];

    /// <summary>Writes the sheets in order; returns the number of data rows of each.</summary>
    public static IReadOnlyList<long> Write(Stream output, IReadOnlyList<StreamingSheet> sheets, DateTimeOffset createdAt, string? author = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
            throw new ArgumentException("至少需要一个工作表。", nameof(sheets));
        var names = new SheetNames();
        var named = sheets.Select(s => s with { Name = names.Next(s.Name) }).ToArray();
        foreach (var sheet in named)
        {
            if (sheet.Columns.Count is 0 or > 16_384)
                throw new ArgumentException($"「{sheet.Name}」的列数必须在 1 到 16384 之间。", nameof(sheets));
        }

        var stamp = WorkbookPackage.ZipTime(createdAt);
        var counts = new long[named.Length];
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", stamp, x => ContentTypes(x, named.Length));
            Entry(zip, "_rels/.rels", stamp, PackageRelationships);
            Entry(zip, "docProps/core.xml", stamp, x => CoreProperties(x, createdAt, author));
            Entry(zip, "xl/_rels/workbook.xml.rels", stamp, x => WorkbookRelationships(x, named.Length));
            RootEntry(zip, "xl/styles.xml", stamp, StylesXml());
            for (var i = 0; i < named.Length; i++)
            {
                var entry = zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                using var stream = entry.Open();
                counts[i] = WriteSheet(stream, named[i], selected: i == 0);
            }

            RootEntry(zip, "xl/workbook.xml", stamp, WorkbookXml(named, counts));
        }

        return counts;
    }

    private static long WriteSheet(Stream stream, StreamingSheet sheet, bool selected)
    {
        var columns = sheet.Columns;
        using var rows = sheet.Rows.GetEnumerator();
        // The first rows are read ahead to size the columns, which come before the data in the file. Copied, in case the
        // caller reuses one array for every row.
        var sample = new List<object?[]>(SampledRows);
        while (sample.Count < SampledRows && rows.MoveNext())
            sample.Add((object?[])Checked(rows.Current, columns.Count, sample.Count + 1).Clone());

        using var writer = OpenXmlWriter.Create(stream, Encoding.UTF8);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0, TabSelected = selected }));
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = c.Width ?? ColumnWidths.Fit(sample.Select(r => Shown(r[i], c.Format)).Prepend(c.Header)) + 2, // + 2 for the filter button
            CustomWidth = true,
        })));

        writer.WriteStartElement(new SheetData());
        var cells = new CellWriter(writer, columns);
        cells.Header();
        long count = 0;
        foreach (var row in sample)
            cells.Row(row, ++count + 1);
        while (rows.MoveNext())
        {
            if (count == MaxRows)
                throw new InvalidOperationException($"「{sheet.Name}」超过 Excel 单个工作表的上限 {MaxRows} 行；请分成多个工作表或缩小导出范围。");
            cells.Row(Checked(rows.Current, columns.Count, count + 1), ++count + 1);
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteElement(new AutoFilter { Reference = $"A1:{CellWriter.ColumnName(columns.Count - 1)}{count + 1}" });
        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteElement(new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
        writer.WriteEndElement(); // worksheet
        return count;
    }

    private static object?[] Checked(object?[]? row, int columns, long number)
    {
        if (row is null || row.Length != columns)
            throw new ArgumentException($"第 {number} 行有 {row?.Length ?? 0} 个值，但表头有 {columns} 列。");
        return row;
    }

    /// <summary>What a value shows under a format, for column widths only.</summary>
    private static string? Shown(object? value, ColumnFormat format) => value switch
    {
        null => null,
        string s => s,
        DateTimeOffset or DateTime => "0000-00-00 00:00",
        DateOnly => "0000-00-00",
        bool => "是",
        _ when CellWriter.Number(value) is { } d => format switch
        {
            ColumnFormat.Integer => d.ToString("0", CultureInfo.InvariantCulture),
            ColumnFormat.Score => d.ToString(NumberFormats.Score, CultureInfo.InvariantCulture),
            ColumnFormat.Value => d.ToString(NumberFormats.Value, CultureInfo.InvariantCulture),
            ColumnFormat.Percent => d.ToString(NumberFormats.Percent, CultureInfo.InvariantCulture),
            ColumnFormat.DateTime => "0000-00-00 00:00",
            ColumnFormat.Date => "0000-00-00",
            _ => d.ToString(CultureInfo.InvariantCulture),
        },
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Writes cells with few allocations: one template element per kind, attributes reused.</summary>
    private sealed class CellWriter(OpenXmlWriter writer, IReadOnlyList<StreamingColumn> columns)
    {
        private static readonly Row RowElement = new();
        private static readonly Cell CellElement = new();
        private static readonly CellValue ValueElement = new();
        private static readonly InlineString InlineElement = new();
        private static readonly Text TextElement = new();
        private static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];

        private readonly string[] _columnNames = Enumerable.Range(0, columns.Count).Select(ColumnName).ToArray();
        private readonly string[] _styles = columns.Select(c => StyleOf(c.Format).ToString(CultureInfo.InvariantCulture)).ToArray();
        private readonly OpenXmlAttribute[] _rowAttributes = new OpenXmlAttribute[1];
        private readonly List<OpenXmlAttribute> _cellAttributes = new(3);

        public static string ColumnName(int index)
        {
            var name = string.Empty;
            for (var n = index + 1; n > 0; n = (n - 1) / 26)
                name = (char)('A' + ((n - 1) % 26)) + name;
            return name;
        }

        public void Header()
        {
            var headerStyle = HeaderStyle.ToString(CultureInfo.InvariantCulture);
            StartRow(1);
            for (var c = 0; c < columns.Count; c++)
                InlineString(c, "1", headerStyle, CellText.Safe(columns[c].Header));
            writer.WriteEndElement();
        }

        public void Row(object?[] values, long number)
        {
            var r = number.ToString(CultureInfo.InvariantCulture);
            StartRow(number);
            for (var c = 0; c < values.Length; c++)
            {
                switch (values[c])
                {
                    case null:
                        break;
                    case string s:
                        if (s.Length > 0)
                            InlineString(c, r, _styles[c], CellText.Safe(s));
                        break;
                    case bool b:
                        InlineString(c, r, _styles[c], b ? "是" : "否");
                        break;
                    case DateTimeOffset at:
                        NumberCell(c, r, BeijingTime.Of(at).ToOADate(), DateStyle(c, ColumnFormat.DateTime));
                        break;
                    case DateTime at:
                        NumberCell(c, r, BeijingTime.Of(at).ToOADate(), DateStyle(c, ColumnFormat.DateTime));
                        break;
                    case DateOnly date:
                        NumberCell(c, r, date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle(c, ColumnFormat.Date));
                        break;
                    case var value when Number(value) is { } d:
                        if (double.IsFinite(d))
                            NumberCell(c, r, d, _styles[c]);
                        break;
                    case var value:
                        InlineString(c, r, _styles[c], CellText.Safe(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                        break;
                }
            }

            writer.WriteEndElement();
        }

        public static double? Number(object? value) => value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            decimal m => (double)m,
            short s => s,
            byte b => b,
            uint u => u,
            ulong u => u,
            ushort u => u,
            sbyte s => s,
            _ => null,
        };

        // A date in a General column still needs a date format, or Excel shows the serial number.
        private string DateStyle(int column, ColumnFormat fallback) =>
            columns[column].Format is ColumnFormat.DateTime or ColumnFormat.Date ? _styles[column] : StyleOf(fallback).ToString(CultureInfo.InvariantCulture);

        private void StartRow(long number)
        {
            _rowAttributes[0] = new OpenXmlAttribute("r", string.Empty, number.ToString(CultureInfo.InvariantCulture));
            writer.WriteStartElement(RowElement, _rowAttributes);
        }

        private void StartCell(int column, string row, string style, string? type)
        {
            _cellAttributes.Clear();
            _cellAttributes.Add(new OpenXmlAttribute("r", string.Empty, _columnNames[column] + row));
            _cellAttributes.Add(new OpenXmlAttribute("s", string.Empty, style));
            if (type is not null)
                _cellAttributes.Add(new OpenXmlAttribute("t", string.Empty, type));
            writer.WriteStartElement(CellElement, _cellAttributes);
        }

        private void NumberCell(int column, string row, double value, string style)
        {
            StartCell(column, row, style, null);
            writer.WriteStartElement(ValueElement);
            writer.WriteString(value.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void InlineString(int column, string row, string style, string text)
        {
            StartCell(column, row, style, "inlineStr");
            writer.WriteStartElement(InlineElement);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                writer.WriteStartElement(TextElement, Preserve);
            else
                writer.WriteStartElement(TextElement);
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    private static Stylesheet StylesXml()
    {
        static Xf Format(uint numberFormat) => new() { NumberFormatId = numberFormat, ApplyNumberFormat = numberFormat != 0 };
        var header = new Xf
        {
            FontId = 1,
            FillId = 2,
            BorderId = 1,
            ApplyFont = true,
            ApplyFill = true,
            ApplyBorder = true,
            ApplyAlignment = true,
            Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true },
        };
        return new Stylesheet(
            // Custom ids even where Excel has a built-in one, so that every reader sees the format code itself.
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = NumberFormats.Percent },
                new NumberingFormat { NumberFormatId = 165, FormatCode = NumberFormats.DateTime },
                new NumberingFormat { NumberFormatId = 166, FormatCode = NumberFormats.Date },
                new NumberingFormat { NumberFormatId = 167, FormatCode = NumberFormats.Value },
                new NumberingFormat { NumberFormatId = 168, FormatCode = NumberFormats.Text },
                new NumberingFormat { NumberFormatId = 169, FormatCode = NumberFormats.Integer },
                new NumberingFormat { NumberFormatId = 170, FormatCode = NumberFormats.Score })
            { Count = 7 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
            { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                    new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                    new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                    new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                    new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new Xf()) { Count = 1 },
            new CellFormats(
                new Xf(),
                header,
                Format(0), // General
                Format(168), // Text
                Format(169), // Integer
                Format(170), // Score
                Format(167), // Value
                Format(164), // Percent
                Format(165), // DateTime
                Format(166)) // Date
            { Count = 10 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Workbook WorkbookXml(IReadOnlyList<StreamingSheet> sheets, IReadOnlyList<long> counts)
    {
        var workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" })),
            new DefinedNames(sheets.SelectMany((s, i) =>
            {
                var quoted = "'" + s.Name.Replace("'", "''", StringComparison.Ordinal) + "'";
                var last = CellWriter.ColumnName(s.Columns.Count - 1);
                return new[]
                {
                    new DefinedName($"{quoted}!$A$1:${last}${counts[i] + 1}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true },
                    new DefinedName($"{quoted}!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i },
                };
            })));
        workbook.AddNamespaceDeclaration("r", RelNs);
        return workbook;
    }

    private static void RootEntry(ZipArchive zip, string name, DateTimeOffset stamp, OpenXmlPartRootElement root)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using var stream = entry.Open();
        root.Save(stream);
    }

    private static void Entry(ZipArchive zip, string name, DateTimeOffset stamp, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter x, int sheets)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        x.WriteStartElement("Types", ns);
        Default(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(x, "xml", "application/xml");
        Override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override(x, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        for (var i = 1; i <= sheets; i++)
            Override(x, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        Override(x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        x.WriteEndElement();

        static void Default(XmlWriter x, string extension, string type)
        {
            x.WriteStartElement("Default", ns);
            x.WriteAttributeString("Extension", extension);
            x.WriteAttributeString("ContentType", type);
            x.WriteEndElement();
        }

        static void Override(XmlWriter x, string part, string type)
        {
            x.WriteStartElement("Override", ns);
            x.WriteAttributeString("PartName", part);
            x.WriteAttributeString("ContentType", type);
            x.WriteEndElement();
        }
    }

    private static void PackageRelationships(XmlWriter x)
    {
        x.WriteStartElement("Relationships", PackageRelNs);
        Relationship(x, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
        Relationship(x, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
        x.WriteEndElement();
    }

    private static void WorkbookRelationships(XmlWriter x, int sheets)
    {
        x.WriteStartElement("Relationships", PackageRelNs);
        for (var i = 1; i <= sheets; i++)
            Relationship(x, $"rId{i}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i}.xml");
        Relationship(x, $"rId{sheets + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
        x.WriteEndElement();
    }

    private static void Relationship(XmlWriter x, string id, string type, string target)
    {
        x.WriteStartElement("Relationship", PackageRelNs);
        x.WriteAttributeString("Id", id);
        x.WriteAttributeString("Type", type);
        x.WriteAttributeString("Target", target);
        x.WriteEndElement();
    }

    private static void CoreProperties(XmlWriter x, DateTimeOffset createdAt, string? author)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        x.WriteStartElement("cp", "coreProperties", cp);
        x.WriteAttributeString("xmlns", "dc", null, dc);
        x.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        x.WriteAttributeString("xmlns", "xsi", null, xsi);
        if (!string.IsNullOrEmpty(author))
            x.WriteElementString("dc", "creator", dc, CellText.Safe(author));
        var at = createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var name in new[] { "created", "modified" })
        {
            x.WriteStartElement("dcterms", name, dcterms);
            x.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
            x.WriteString(at);
            x.WriteEndElement();
        }

        x.WriteEndElement();
    }
}
