using System.Diagnostics.CodeAnalysis;
using EvalSystem.Reports.IndicatorSystems;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// One data row of an imported file: either the parsed <see cref="Row"/> and no errors, or no row and every problem
/// found in it (all of the row's cells are checked, not just the first bad one).
/// </summary>
/// <typeparam name="T"><see cref="CaseFileRow"/> or <see cref="RatingFileRow"/>.</typeparam>
public sealed class ParsedRow<T> where T : class
{
    private ParsedRow(int sourceRow, T? row, IReadOnlyList<ImportError> errors)
    {
        SourceRow = sourceRow;
        Row = row;
        Errors = errors;
    }

    /// <summary>1-based row in the file: in a CSV the header is row 1; in an .xlsx the worksheet's row number.</summary>
    public int SourceRow { get; }

    /// <summary>The parsed row; null when <see cref="Errors"/> is not empty.</summary>
    public T? Row { get; }

    /// <summary>The row's problems, in column order; empty when <see cref="Row"/> is set.</summary>
    public IReadOnlyList<ImportError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Row))]
    public bool IsValid => Row is not null;

    public static ParsedRow<T> Valid(int sourceRow, T row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ParsedRow<T>(sourceRow, row, []);
    }

    public static ParsedRow<T> Invalid(int sourceRow, IReadOnlyList<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
            throw new ArgumentException("An invalid row needs at least one error.", nameof(errors));
        return new ParsedRow<T>(sourceRow, null, errors);
    }

    public override string ToString() => IsValid ? $"第{SourceRow}行：{Row}" : string.Join("；", Errors);
}
