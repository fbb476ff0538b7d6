using EvalSystem.Reports.IndicatorSystems;

namespace EvalSystem.Reports.Submissions;

/// <summary>
/// One line of the bulk-entry template: one indicator for one evaluation target. <see cref="PreviousValue"/> is last period's
/// approved value (shown, never read back); <see cref="Value"/> and <see cref="Note"/> are what the department fills in
/// (null when left empty). <see cref="Stamp"/> is the version of the stored entry the template was made from (empty for
/// none); the import returns the stamp found in the file, so the server can tell whether a colleague changed the entry since.
/// </summary>
public sealed record TemplateRow(
    Guid IndicatorNodeId,
    string IndicatorCode,
    string IndicatorName,
    string Unit,
    Guid TargetId,
    string TargetName,
    double? PreviousValue,
    double? Value,
    string? Note,
    string Stamp = "");

/// <summary>What one department fills in for one evaluation period, in the order the rows appear in the workbook.</summary>
public sealed record SubmissionTemplate(
    Guid PeriodId,
    string PeriodName,
    Guid DepartmentId,
    string DepartmentName,
    DateTime? DeadlineUtc,
    IReadOnlyList<TemplateRow> Rows);

/// <summary>
/// The outcome of reading a filled-in template. <see cref="Rows"/> are the expected rows with the uploaded values and notes,
/// and are empty whenever there is any error (nothing is half-imported).
/// </summary>
public sealed record TemplateImport(IReadOnlyList<TemplateRow> Rows, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
