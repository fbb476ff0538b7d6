using EvalSystem.Domain.Submissions;

namespace EvalSystem.Reports.Bulletins;

/// <summary>填报与佐证台账: one submission with its workflow dates and evidence files.</summary>
public sealed record SubmissionRegisterRow(
    string TargetName,
    string DepartmentName,
    string IndicatorCode,
    string IndicatorName,
    string PeriodName,
    double? Value,
    string? Unit,
    SubmissionStatus Status,
    string? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    string? Reviewer,
    DateTimeOffset? ReviewedAt,
    IReadOnlyList<EvidenceFile> Evidence);

/// <summary>佐证材料: the uploaded file's name and the SHA-256 of its bytes (64 hex digits).</summary>
public sealed record EvidenceFile(string FileName, string Sha256);

/// <summary>整改台账 / 督办台账: one rectification or supervision task.</summary>
/// <param name="Number">编号, e.g. 督〔2026〕12号.</param>
/// <param name="Source">来源, e.g. 好差评、督查检查、12345热线.</param>
/// <param name="Status">The status in words, e.g. 整改中、已销号.</param>
/// <param name="ClosedAt">销号时间; null while open.</param>
/// <param name="OnTime">Closed by the deadline; null while open.</param>
public sealed record RectificationRow(
    string Number,
    string Source,
    string Title,
    string DepartmentName,
    DateOnly Deadline,
    string Status,
    DateTimeOffset? ClosedAt,
    bool? OnTime);

/// <summary>审计日志: one audit entry as exported.</summary>
/// <param name="Details">Before and after values or other details, as text (e.g. JSON).</param>
public sealed record AuditRow(
    DateTimeOffset At,
    string? User,
    string Action,
    string EntityType,
    string EntityId,
    string? Details,
    string? IpAddress = null);
