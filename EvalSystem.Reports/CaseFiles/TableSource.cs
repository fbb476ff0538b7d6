using System.Globalization;
using EvalSystem.Reports.IndicatorSystems;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Sylvan.Data.Csv;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// A forward-only view of the rows of a CSV file or of one worksheet, one row at a time: nothing before the current
/// row is kept. Cells are addressed by 0-based column index.
/// </summary>
internal abstract class TableSource(string sheetName) : IDisposable
{
    /// <summary>The sheet name used in errors: the worksheet read, or the schema's data sheet for a CSV.</summary>
    public string SheetName { get; } = sheetName;

    /// <summary>1-based number of the current row (CSV record number; worksheet row number).</summary>
    public int RowNumber { get; protected set; }

    /// <summary>A hint added to header errors when the file may have been decoded with the wrong encoding.</summary>
    public virtual string EncodingHint => string.Empty;

    /// <summary>Cells in the current row; indexes at or beyond it are empty.</summary>
    public abstract int FieldCount { get; }

    /// <summary>Advances to the next row, blank rows included.</summary>
    public abstract bool Read();

    /// <summary>The text of a cell, untrimmed; empty for an empty cell and for a typed (<see cref="GetTyped"/>) cell.</summary>
    public abstract ReadOnlySpan<char> GetText(int index);

    /// <summary>A cell's value when it is not text (an Excel number, date or boolean); null for text and for every CSV cell.</summary>
    public virtual object? GetTyped(int index) => null;

    /// <summary>How a column is named to the user: "第3列" in a CSV, "C列" in a worksheet.</summary>
    public abstract string ColumnName(int index);

    public bool IsBlankRow()
    {
        for (var i = 0; i < FieldCount; i++)
            if (GetTyped(i) is not null || !GetText(i).IsWhiteSpace())
                return false;
        return true;
    }

    public string GetDisplayText(int index) =>
        GetTyped(index) is { } typed ? Convert.ToString(typed, CultureInfo.InvariantCulture) ?? string.Empty : GetText(index).ToString();

    public virtual void Dispose() => GC.SuppressFinalize(this);
}

internal sealed class CsvTableSource : TableSource
{
    private const int MaxRecordChars = 1 << 20;

    private readonly StreamReader _text;
    private readonly CsvDataReader _csv;
    private readonly bool _fallbackEncoding;

    public CsvTableSource(Stream content, System.Text.Encoding encoding, bool fallbackEncoding, string sheetName) : base(sheetName)
    {
        _fallbackEncoding = fallbackEncoding;
        _text = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        try
        {
            _csv = CsvDataReader.Create(_text, new CsvDataReaderOptions
            {
                // The header is found and checked by TableReader, like a worksheet's.
                HasHeaders = false,
                // A case number may start with '#'; never skip a line as a comment.
                Comment = '\0',
                MaxBufferSize = MaxRecordChars,
                OwnsReader = false,
            });
        }
        catch (CsvFormatException ex)
        {
            _text.Dispose();
            throw Malformed(1, ex);
        }
    }

    public override string EncodingHint => _fallbackEncoding
        ? "文件不是 UTF-8 编码，已按 GB18030（简体中文 Windows 的 ANSI 编码）读取。如果列名或内容显示为乱码，请在 Excel 中另存为「CSV UTF-8（逗号分隔）」后重新导入。"
        : string.Empty;

    public override int FieldCount => _csv.RowFieldCount;

    public override bool Read()
    {
        try
        {
            if (!_csv.Read())
                return false;
        }
        catch (CsvFormatException ex)
        {
            throw Malformed(RowNumber + 1, ex);
        }
        RowNumber++;
        return true;
    }

    public override ReadOnlySpan<char> GetText(int index) => index < _csv.RowFieldCount ? _csv.GetFieldSpan(index) : default;

    public override string ColumnName(int index) => $"第{index + 1}列";

    public override void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
        base.Dispose();
    }

    private CaseFileException Malformed(int row, CsvFormatException ex) => new(
        [new ImportError(SheetName, row, string.Empty,
            $"CSV 格式错误：从第{row}行起引号不配对或一行过长（{ex.Message}）。用引号括起的内容必须以引号结束，内容中的引号要写成两个（\"\"）。请在 Excel 中打开后另存为「CSV UTF-8（逗号分隔）」再导入。")],
        ex);
}

internal sealed class XlsxTableSource : TableSource
{
    private readonly Stream? _owned;
    private readonly IEnumerator<object> _rows;
    private readonly List<string> _keys = [];
    private IDictionary<string, object?> _current = EmptyRow;

    private static readonly Dictionary<string, object?> EmptyRow = [];

    private XlsxTableSource(string sheetName, IEnumerator<object> rows, Stream? owned) : base(sheetName)
    {
        _rows = rows;
        _owned = owned;
    }

    /// <param name="xlsx">Seekable, positioned at the workbook's first byte.</param>
    /// <param name="owned">A temporary copy to dispose with the source, or null.</param>
    public static XlsxTableSource Open(Stream xlsx, Stream? owned, FileSchema schema)
    {
        var start = xlsx.Position;
        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(xlsx);
        }
#pragma warning disable CA1031 // Whatever a damaged zip throws, the user's answer is the same sentence.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            throw new CaseFileException(TableFile.Damaged, ex);
        }
        if (sheets.Count == 0)
            throw new CaseFileException(TableFile.Damaged);

        var sheet = sheets.FirstOrDefault(s => s.Trim() == schema.DataSheet) ?? sheets[0];
        xlsx.Position = start;
        try
        {
            var rows = MiniExcel.Query(xlsx, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX,
                configuration: new OpenXmlConfiguration { FillMergedCells = false }).GetEnumerator();
            return new XlsxTableSource(sheet, rows, owned);
        }
#pragma warning disable CA1031
        catch (Exception ex)
#pragma warning restore CA1031
        {
            throw new CaseFileException(TableFile.Damaged, ex);
        }
    }

    public override int FieldCount => _current.Count;

    public override bool Read()
    {
        try
        {
            if (!_rows.MoveNext())
                return false;
            _current = _rows.Current as IDictionary<string, object?> ?? EmptyRow;
        }
#pragma warning disable CA1031 // Damage found deep in a worksheet is reported like damage found on opening.
        catch (Exception ex) when (ex is not CaseFileException)
#pragma warning restore CA1031
        {
            throw new CaseFileException(
                [new ImportError(SheetName, RowNumber + 1, string.Empty, $"工作表「{SheetName}」第{RowNumber + 1}行附近无法读取，文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后再导入。")],
                ex);
        }
        RowNumber++;
        return true;
    }

    public override ReadOnlySpan<char> GetText(int index) => Value(index) as string;

    public override object? GetTyped(int index) => Value(index) is { } value and not string ? value : null;

    public override string ColumnName(int index) => $"{Key(index)}列";

    public override void Dispose()
    {
        _rows.Dispose();
        _owned?.Dispose();
        base.Dispose();
    }

    private object? Value(int index) => _current.TryGetValue(Key(index), out var value) ? value : null;

    private string Key(int index)
    {
        while (_keys.Count <= index)
            _keys.Add(ColumnLetters(_keys.Count));
        return _keys[index];
    }

    private static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
