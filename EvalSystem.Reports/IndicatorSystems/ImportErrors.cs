namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>Collects the problems of one worksheet and hands them back in sheet order (row, then column).</summary>
internal sealed class ImportErrors(string sheet)
{
    private readonly List<ImportError> _errors = [];

    public int Count => _errors.Count;

    public void Add(int row, string column, string message) => _errors.Add(new ImportError(sheet, row, column, message));

    public IReadOnlyList<ImportError> Sorted()
        => _errors.OrderBy(e => e.Row).ThenBy(e => ColumnOrder(e.Column)).ToList();

    private static int ColumnOrder(string column)
    {
        var i = Array.IndexOf(WorkbookLayout.Headers, column);
        return i >= 0 ? i + 1 : column.Length == 0 ? 0 : WorkbookLayout.Headers.Length + 1;
    }
}
