namespace EvalSystem.Reports.Submissions;

/// <summary>
/// The bulk-entry Excel template (批量填报模板) for a department's submissions in one period. The protected "填报" worksheet
/// has a title block, a frozen header and one row per (indicator, target); only 本期值 and 填报说明 are editable. A very
/// hidden "模板信息" worksheet holds the period, department and row keys, so the import identifies rows by id, never by
/// their visible text.
/// </summary>
public static class SubmissionTemplateWorkbook
{
    /// <summary>The Excel row of the first template row; row i of the template is on row FirstDataRow + i.</summary>
    public const int FirstDataRow = TemplateLayout.FirstDataRow;

    /// <summary>The .xlsx bytes of the template, pre-filled with any values and notes already in <paramref name="template"/>.</summary>
    public static byte[] Export(SubmissionTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return TemplateWriter.Write(template);
    }

    /// <summary>
    /// Validates the whole file against the template the server expects (the same period, department and rows) and returns
    /// every problem with sheet, row, column and a Chinese reason; Rows only when there is no error. Never throws for bad input.
    /// The returned rows are <paramref name="expected"/>'s rows with the uploaded 本期值 (null when empty) and 填报说明.
    /// </summary>
    public static TemplateImport Import(Stream xlsx, SubmissionTemplate expected)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(expected);
        return TemplateReader.Read(xlsx, expected);
    }
}
