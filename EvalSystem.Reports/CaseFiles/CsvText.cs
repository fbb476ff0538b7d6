namespace EvalSystem.Reports.CaseFiles;

/// <summary>Writes CSV the way Excel reads it: comma-separated, CRLF, quoted only where needed.</summary>
internal static class CsvText
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",\"\r\n");

    public static void WriteRow(TextWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                writer.Write(',');
            var field = fields[i] ?? string.Empty;
            if (field.AsSpan().IndexOfAny(NeedsQuotes) < 0)
            {
                writer.Write(field);
                continue;
            }
            writer.Write('"');
            writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        writer.Write("\r\n");
    }

    /// <summary>UTF-8 with BOM, so that Excel opens Chinese text correctly when the file is double-clicked.</summary>
    public static StreamWriter Writer(Stream stream) =>
        new(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
}
