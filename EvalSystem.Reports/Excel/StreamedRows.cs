using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EvalSystem.Reports.Excel;

/// <summary>
/// Rows of a ClosedXML-built sheet that are written straight into the saved package instead of through ClosedXML, which holds
/// every cell as an object (≈ 1 KB each): the sheet is built with a few template rows in place of the data, styled as the
/// data should be; when the package is finished, the template rows are taken out and <paramref name="Write"/> writes the real
/// rows with the templates' styles, streaming into the zip entry. Everything else of the sheet — headings, merged headers,
/// widths, panes, filter, print set-up — stays as ClosedXML wrote it.
/// </summary>
/// <param name="FirstTemplateRow">The first template row (1-based); the real rows start here too.</param>
/// <param name="TemplateRows">How many template rows follow; <see cref="SheetRowWriter"/> picks one per cell.</param>
/// <param name="LastRow">The last row <paramref name="Write"/> writes, for the sheet's dimension.</param>
internal sealed record StreamedRows(string SheetName, int FirstTemplateRow, int TemplateRows, int LastRow, Action<SheetRowWriter> Write);

/// <summary>Writes rows of cells, each styled like the same column of one of the template rows.</summary>
internal sealed class SheetRowWriter
{
    private readonly XmlWriter _xml;
    private readonly string _prefix;
    private readonly string _ns;
    private readonly Dictionary<int, string>[] _styles;
    private readonly List<string> _columnNames = [];
    private string _row = "";

    internal SheetRowWriter(XmlWriter xml, string prefix, string ns, Dictionary<int, string>[] styles)
    {
        _xml = xml;
        _prefix = prefix;
        _ns = ns;
        _styles = styles;
    }

    public void StartRow(int row)
    {
        _row = row.ToString(CultureInfo.InvariantCulture);
        _xml.WriteStartElement(_prefix, "row", _ns);
        _xml.WriteAttributeString("r", _row);
    }

    public void EndRow() => _xml.WriteEndElement();

    /// <summary>An inline string; null or empty writes a styled empty cell.</summary>
    public void Text(int column, string? text, int template)
    {
        if (string.IsNullOrEmpty(text))
        {
            Empty(column, template);
            return;
        }
        Start(column, template, "inlineStr");
        _xml.WriteStartElement(_prefix, "is", _ns);
        _xml.WriteStartElement(_prefix, "t", _ns);
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            _xml.WriteAttributeString("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
        _xml.WriteString(CellText.Safe(text));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    /// <summary>A number; null (or not finite) writes a styled empty cell.</summary>
    public void Number(int column, double? value, int template)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            Empty(column, template);
            return;
        }
        Start(column, template, null);
        _xml.WriteStartElement(_prefix, "v", _ns);
        _xml.WriteString(v.ToString("R", CultureInfo.InvariantCulture));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    /// <summary>An empty cell that keeps the template's style (borders, formats); nothing when the template has none.</summary>
    public void Empty(int column, int template)
    {
        if (!_styles[template].ContainsKey(column))
            return;
        Start(column, template, null);
        _xml.WriteEndElement();
    }

    private void Start(int column, int template, string? type)
    {
        _xml.WriteStartElement(_prefix, "c", _ns);
        _xml.WriteAttributeString("r", ColumnName(column) + _row);
        if (_styles[template].TryGetValue(column, out var style))
            _xml.WriteAttributeString("s", style);
        if (type is not null)
            _xml.WriteAttributeString("t", type);
    }

    private string ColumnName(int column)
    {
        while (_columnNames.Count < column)
        {
            var name = string.Empty;
            for (var n = _columnNames.Count + 1; n > 0; n = (n - 1) / 26)
                name = (char)('A' + ((n - 1) % 26)) + name;
            _columnNames.Add(name);
        }
        return _columnNames[column - 1];
    }

    /// <summary>1-based column number of a cell reference such as "AB12".</summary>
    internal static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
                break;
            column = (column * 26) + (ch - 'A' + 1);
        }
        return column;
    }

    /// <summary>
    /// Copies the worksheet XML <paramref name="sheetXml"/> to <paramref name="output"/> node by node, taking out the template
    /// rows (reading their cell styles) and writing the real rows where they were; the dimension is widened to the last row.
    /// </summary>
    internal static void Expand(byte[] sheetXml, Stream output, StreamedRows rows)
    {
        var last = rows.FirstTemplateRow + rows.TemplateRows - 1;
        var styles = Enumerable.Range(0, rows.TemplateRows).Select(_ => new Dictionary<int, string>()).ToArray();
        using var reader = XmlReader.Create(new MemoryStream(sheetXml, writable: false), new XmlReaderSettings { IgnoreWhitespace = false });
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        var written = false;
        reader.Read();
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    xml.WriteStartDocument(standalone: true);
                    reader.Read();
                    continue;
                case XmlNodeType.Element when reader.LocalName == "row"
                                              && int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r)
                                              && r >= rows.FirstTemplateRow && r <= last:
                    var template = (XElement)XNode.ReadFrom(reader);
                    foreach (var cell in template.Elements().Where(e => e.Name.LocalName == "c"))
                    {
                        if ((string?)cell.Attribute("r") is { } reference && (string?)cell.Attribute("s") is { } style)
                            styles[r - rows.FirstTemplateRow][ColumnOf(reference)] = style;
                    }
                    continue;
                case XmlNodeType.Element when reader.LocalName == "dimension":
                    xml.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    var reference2 = reader.GetAttribute("ref") ?? "A1";
                    var end = reference2.Contains(':', StringComparison.Ordinal) ? reference2[(reference2.IndexOf(':', StringComparison.Ordinal) + 1)..] : reference2;
                    var lastColumn = new string(end.TakeWhile(char.IsAsciiLetterUpper).ToArray());
                    xml.WriteAttributeString("ref", $"A1:{lastColumn}{Math.Max(rows.LastRow, rows.FirstTemplateRow - 1).ToString(CultureInfo.InvariantCulture)}");
                    xml.WriteEndElement();
                    reader.Skip();
                    continue;
                case XmlNodeType.Element:
                    var sheetData = reader.LocalName == "sheetData";
                    var (prefix, ns) = (reader.Prefix, reader.NamespaceURI);
                    xml.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    xml.WriteAttributes(reader, defattr: true);
                    if (reader.IsEmptyElement)
                    {
                        if (sheetData)
                        {
                            rows.Write(new SheetRowWriter(xml, prefix, ns, styles));
                            written = true;
                        }
                        xml.WriteEndElement();
                    }
                    break;
                case XmlNodeType.EndElement:
                    if (reader.LocalName == "sheetData" && !written)
                    {
                        rows.Write(new SheetRowWriter(xml, reader.Prefix, reader.NamespaceURI, styles));
                        written = true;
                    }
                    xml.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    xml.WriteString(reader.Value);
                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    xml.WriteWhitespace(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    xml.WriteCData(reader.Value);
                    break;
            }
            reader.Read();
        }

        if (!written)
            throw new InvalidOperationException($"Sheet '{rows.SheetName}' has no sheetData to stream rows into.");
    }
}
