using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// Decides what an uploaded file is from its first bytes, never from its name alone: a zip (<c>PK\x03\x04</c>) is read as
/// an .xlsx workbook, anything else that looks like text as CSV. Text is UTF-8 (with or without BOM), UTF-16 with a BOM,
/// or — when the first 64 KB are not valid UTF-8 — GB18030, which is what Excel's plain "CSV" writes on Chinese Windows.
/// </summary>
internal static class TableFile
{
    public const string SaveAsHint = "请在 Excel 中另存为 .xlsx 或「CSV UTF-8（逗号分隔）」后再导入";

    public const string Damaged = $"文件不是有效的 Excel (.xlsx) 工作簿：文件已损坏或是其他类型的压缩包。{SaveAsHint}。";

    private const int SniffBytes = 64 * 1024;

    private static readonly string[] ExcelExtensions = [".xlsx", ".xlsm", ".xls", ".et"];

    public static TableSource Open(Stream stream, string? fileName, FileSchema schema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
            throw new ArgumentException("The stream must be readable.", nameof(stream));

        var start = stream.CanSeek ? stream.Position : 0;
        var prefix = new byte[SniffBytes];
        var length = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        var head = prefix.AsSpan(0, length);
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();

        if (length == 0)
            throw new CaseFileException($"文件是空的（0 字节）。请上传{schema.Noun}的 CSV 或 .xlsx 文件，可先下载模板。");

        Stream content;
        if (stream.CanSeek)
        {
            stream.Position = start;
            content = stream;
        }
        else
        {
            content = new PrefixedStream(prefix, length, stream);
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
            return OpenXlsx(content, start, schema);
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new CaseFileException($"这是旧版 Excel (.xls) 文件或加密的工作簿，无法直接读取。{SaveAsHint}（不要设置密码）。");
        if (head.StartsWith("%PDF"u8))
            throw new CaseFileException($"这是一个 PDF 文件。请上传{schema.Noun}的 CSV 或 .xlsx 文件。");
        if (ExcelExtensions.Contains(extension))
            throw new CaseFileException($"文件扩展名是 {extension}，但内容不是 Excel 工作簿（可能是其他系统导出的文本或网页，或只是改了扩展名）。{SaveAsHint}。");

        Encoding encoding;
        var fallback = false;
        if (head.StartsWith(new byte[] { 0xFF, 0xFE }))
            encoding = Encoding.Unicode;
        else if (head.StartsWith(new byte[] { 0xFE, 0xFF }))
            encoding = Encoding.BigEndianUnicode;
        else if (head.Contains((byte)0))
            throw new CaseFileException($"无法识别的文件类型：内容既不是文本 (CSV) 也不是 Excel 工作簿 (.xlsx)。请上传{schema.Noun}的 CSV 或 .xlsx 文件，可先下载模板。");
        else if (head.StartsWith(Encoding.UTF8.Preamble) || IsUtf8(head, isFinal: length < SniffBytes))
            encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        else
        {
            encoding = CodePagesEncodingProvider.Instance.GetEncoding(54936)
                ?? throw new CaseFileException($"文件不是 UTF-8 编码。{SaveAsHint}。");
            fallback = true;
        }
        return new CsvTableSource(content, encoding, fallback, schema.DataSheet);
    }

    private static XlsxTableSource OpenXlsx(Stream content, long start, FileSchema schema)
    {
        // A zip is read from its end, so it needs a seekable stream that starts at the workbook; otherwise spool to disk.
        if (content.CanSeek && start == 0)
            return XlsxTableSource.Open(content, owned: null, schema);
        var copy = new FileStream(Path.Combine(Path.GetTempPath(), $"evalsystem-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            content.CopyTo(copy);
            copy.Position = 0;
            return XlsxTableSource.Open(copy, copy, schema);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> head, bool isFinal)
    {
        var chars = ArrayPool<char>.Shared.Rent(head.Length);
        try
        {
            // Not final: a character cut off at the end of the sniffed bytes is not an error.
            var status = Utf8.ToUtf16(head, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
            return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
