namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>
/// Excel import and export of a whole indicator system (指标体系), one row per node. The workbook has the print-ready
/// "指标体系" worksheet (title block in rows 1–5, header in row 7, nodes from row 8) and a "填写说明" worksheet that documents
/// every column and the rule parameter syntax. Export followed by import gives back the same records.
/// </summary>
public static class IndicatorSystemWorkbook
{
    /// <summary>The .xlsx bytes of the system.</summary>
    public static byte[] Export(IndicatorSystemSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return IndicatorSystemWriter.Write(sheet);
    }

    /// <summary>
    /// Reads and validates the whole system. Never throws for bad input: every problem comes back as an
    /// <see cref="ImportError"/> with sheet, row, column and a Chinese reason, and then <see cref="ImportResult.Sheet"/> is null
    /// (nothing is half-imported). Department codes are checked for syntax only.
    /// </summary>
    public static ImportResult Import(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        return IndicatorSystemReader.Read(xlsx);
    }
}
