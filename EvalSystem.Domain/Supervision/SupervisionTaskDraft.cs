namespace EvalSystem.Domain.Supervision;

/// <summary>
/// Everything a supervision task needs before it gets its number: typed in by the office (<see cref="SupervisionSource.Manual"/>)
/// or proposed by <see cref="SupervisionTaskGenerator"/> for the office to review (adjust with <c>with</c>) before issuing.
/// Checked when a <see cref="SupervisionTask"/> is issued from it, not here.
/// </summary>
public sealed record SupervisionTaskDraft(
    string Title,
    string Problem,
    SupervisionSource Source,
    Guid DepartmentId,
    DateOnly Deadline,
    SupervisionPriority Priority = SupervisionPriority.Normal)
{
    /// <summary>The region the problem is in (6-digit GB/T 2260 code), when the task concerns a region.</summary>
    public string? RegionCode { get; init; }

    /// <summary>配合单位</summary>
    public IReadOnlyList<Guid> SupportingDepartmentIds { get; init; } = [];

    /// <summary>The evaluation target (评价对象) the problem was found on.</summary>
    public Guid? TargetId { get; init; }

    public string? IndicatorCode { get; init; }

    public Guid? PeriodId { get; init; }

    public Guid? ScoreRunId { get; init; }

    /// <summary>The bad review (差评) to rectify.</summary>
    public Guid? RatingId { get; init; }
}
