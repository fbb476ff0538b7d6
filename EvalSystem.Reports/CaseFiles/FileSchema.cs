namespace EvalSystem.Reports.CaseFiles;

/// <summary>One column a file kind knows: its header text, whether the header must be present, and its place in templates.</summary>
/// <param name="Ordinal">Position in <see cref="FileSchema.Columns"/>; also the order errors are reported in.</param>
internal sealed record ColumnSpec(string Header, bool Required, int Ordinal);

/// <summary>The columns of one file kind and the words used for it in messages.</summary>
/// <param name="DataSheet">The worksheet read from an .xlsx when present, and the sheet name in errors for a CSV.</param>
/// <param name="Noun">What the file holds, e.g. 办件数据.</param>
internal sealed class FileSchema
{
    public FileSchema(string dataSheet, string noun, IEnumerable<(string Header, bool Required)> columns)
    {
        DataSheet = dataSheet;
        Noun = noun;
        Columns = [.. columns.Select((c, i) => new ColumnSpec(c.Header, c.Required, i))];
        if (Columns.Length > 64)
            throw new InvalidOperationException("A row remembers failed columns in a 64-bit mask.");
    }

    public string DataSheet { get; }
    public string Noun { get; }
    public ColumnSpec[] Columns { get; }

    public ColumnSpec this[string header] => Columns.First(c => c.Header == header);
}
