using System.Collections;
using EvalSystem.Reports.IndicatorSystems;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// What <see cref="CaseFileReader"/> and <see cref="RatingFileReader"/> share: open the file, find and check the header,
/// then hand each non-blank row to a row parser.
/// </summary>
internal static class TableReader
{
    /// <summary>How far down the header row is looked for when blank rows were left above it.</summary>
    private const int HeaderSearchRows = 30;

    public static IEnumerable<ParsedRow<T>> Read<T>(
        Stream stream, string? fileName, FileSchema schema, FileSchema sibling, Func<RowCursor, T?> parseRow)
        where T : class
    {
        var source = TableFile.Open(stream, fileName, schema);
        try
        {
            var columns = ReadHeader(source, schema, sibling);
            return new RowSequence<T>(source, new RowCursor(source, columns), parseRow);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static int[] ReadHeader(TableSource source, FileSchema schema, FileSchema sibling)
    {
        // The header is the first row naming a known column, so a title row above it is passed over; when no row does,
        // the first non-blank row is what the user meant as header, and the errors below are about it.
        string[]? headers = null;
        var row = 0;
        while (source.RowNumber < HeaderSearchRows && source.Read())
        {
            if (source.IsBlankRow())
                continue;
            var texts = new string[source.FieldCount];
            for (var i = 0; i < texts.Length; i++)
                texts[i] = Normalize(source.GetDisplayText(i));
            if (headers is null)
                (headers, row) = (texts, source.RowNumber);
            if (texts.Any(t => schema.Columns.Any(c => c.Header == t) || sibling.Columns.Any(c => c.Header == t)))
            {
                (headers, row) = (texts, source.RowNumber);
                break;
            }
        }
        if (headers is null)
            throw new CaseFileException(
                [new ImportError(source.SheetName, 0, string.Empty,
                    $"没有找到表头行{(source.RowNumber == 0 ? "：文件中没有任何内容" : $"：前{source.RowNumber}行都是空的")}。第一行应为表头，包括 {string.Join("、", schema.Columns.Select(c => c.Header))}。")]);
        if (source.RowNumber != row)
            throw new CaseFileException(
                [new ImportError(source.SheetName, row, string.Empty,
                    $"没有找到{schema.Noun}的表头：前{source.RowNumber}行中没有任何可识别的列（第{row}行是 {string.Join("、", headers.Where(h => h.Length > 0).Take(12).Select(h => $"「{h}」"))}）。第一行应为表头，包括 {string.Join("、", schema.Columns.Select(c => c.Header))}。{source.EncodingHint}")]);

        var index = new int[schema.Columns.Length];
        Array.Fill(index, -1);
        var errors = new List<ImportError>();
        foreach (var column in schema.Columns)
        {
            var positions = Enumerable.Range(0, headers.Length).Where(i => headers[i] == column.Header).ToList();
            if (positions.Count == 1)
                index[column.Ordinal] = positions[0];
            else if (positions.Count > 1)
                errors.Add(new ImportError(source.SheetName, row, column.Header,
                    $"列「{column.Header}」出现了{positions.Count}次（{string.Join("、", positions.Select(source.ColumnName))}），无法确定使用哪一列。请删除重复的列。"));
        }

        var present = string.Join("、", headers.Where(h => h.Length > 0).Select(h => $"「{h}」"));
        var missing = schema.Columns.Where(c => c.Required && index[c.Ordinal] < 0 && !errors.Any(e => e.Column == c.Header)).ToList();
        if (missing.Count > 0)
        {
            // Another kind of file (its own columns present, ours missing) or no header at all: one sentence, not a list.
            var siblingOnly = sibling.Columns.Count(c => c.Required && headers.Contains(c.Header) && schema.Columns.All(s => s.Header != c.Header));
            if (siblingOnly >= 2)
                throw new CaseFileException([new ImportError(source.SheetName, row, string.Empty,
                    $"这似乎是{sibling.Noun}文件（表头为 {present}），不是{schema.Noun}。请在{sibling.Noun}的导入功能中上传，或上传{schema.Noun}文件。")]);
            if (index.All(i => i < 0) && errors.Count == 0)
                throw new CaseFileException([new ImportError(source.SheetName, row, string.Empty,
                    $"第{row}行不是{schema.Noun}的表头：没有找到任何可识别的列（找到的是 {present}）。第一行应为表头，包括 {string.Join("、", schema.Columns.Select(c => c.Header))}。{source.EncodingHint}")]);
        }
        foreach (var column in missing)
            errors.Add(new ImportError(source.SheetName, row, column.Header,
                $"缺少必填列「{column.Header}」。表头（第{row}行）中的列为：{present}。请使用模板中的列名，列的顺序不限。{source.EncodingHint}"));
        if (errors.Count > 0)
            throw new CaseFileException(errors);
        return index;
    }

    /// <summary>Header text as compared: trimmed (full-width spaces and a stray BOM too), without a required-marker star.</summary>
    internal static string Normalize(string header) => header.Trim().Trim('\uFEFF').Trim().TrimEnd('*', '＊').Trim();

    /// <summary>The rows of an opened file; enumerable once, since the rows are read from the stream as they are asked for.</summary>
    private sealed class RowSequence<T>(TableSource source, RowCursor cursor, Func<RowCursor, T?> parseRow) : IEnumerable<ParsedRow<T>>
        where T : class
    {
        private int _started;

        public IEnumerator<ParsedRow<T>> GetEnumerator()
        {
            if (Interlocked.Exchange(ref _started, 1) != 0)
                throw new InvalidOperationException("The rows of an uploaded file can be enumerated only once; read the file again to start over.");
            return Rows();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private IEnumerator<ParsedRow<T>> Rows()
        {
            using (source)
            {
                while (source.Read())
                {
                    if (source.IsBlankRow())
                        continue;
                    cursor.Begin();
                    var row = parseRow(cursor);
                    if (cursor.HasErrors)
                        yield return ParsedRow<T>.Invalid(source.RowNumber, cursor.Errors());
                    else
                        yield return ParsedRow<T>.Valid(source.RowNumber, row ?? throw new InvalidOperationException("A row parser returned no row and no error."));
                }
            }
        }
    }
}
