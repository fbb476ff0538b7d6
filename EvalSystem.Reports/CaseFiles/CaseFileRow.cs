using EvalSystem.Domain.Cases;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// 办件: one row of a 办件数据 file, parsed and checked against the same rules as <see cref="ServiceCase"/>, so a row that
/// parses also constructs. The department and region stay codes: mapping them to ids is the application's job.
/// Times are Beijing clock times (<see cref="DateTimeKind.Unspecified"/>).
/// </summary>
/// <param name="SourceRow">1-based row in the file (CSV: header is row 1; .xlsx: the worksheet row).</param>
/// <param name="CaseNumber">办件编号.</param>
/// <param name="ItemCode">事项编码.</param>
/// <param name="ItemName">事项名称.</param>
/// <param name="DepartmentCode">部门编码 as written in the file, e.g. "AMR".</param>
/// <param name="RegionCode">区划代码, six digits (GB/T 2260).</param>
/// <param name="Channel">办理渠道.</param>
/// <param name="ReceivedAt">受理时间.</param>
/// <param name="CompletedAt">办结时间; null while in progress, optional for rejected or withdrawn cases.</param>
/// <param name="PromisedWorkingDays">承诺时限 in working days; 0 for 即办件.</param>
/// <param name="Status">办件状态.</param>
/// <param name="IsBusinessStartup">是否开办企业.</param>
/// <param name="StartupStages">开办环节, in the order written; empty unless a business start-up.</param>
public sealed record CaseFileRow(
    int SourceRow,
    string CaseNumber,
    string ItemCode,
    string ItemName,
    string DepartmentCode,
    string RegionCode,
    ServiceChannel Channel,
    DateTime ReceivedAt,
    DateTime? CompletedAt,
    int PromisedWorkingDays,
    CaseStatus Status,
    bool IsBusinessStartup,
    IReadOnlyList<StartupStage> StartupStages)
{
    /// <summary>The domain case, once the application has resolved <see cref="DepartmentCode"/> to an id.</summary>
    public ServiceCase ToServiceCase(Guid departmentId) => new(
        CaseNumber, ItemCode, ItemName, departmentId, RegionCode, Channel, ReceivedAt, PromisedWorkingDays, Status,
        CompletedAt, IsBusinessStartup, StartupStages);

    // Value equality includes the stages, so the same content read from CSV and from .xlsx compares equal.
    public bool Equals(CaseFileRow? other) =>
        other is not null
        && SourceRow == other.SourceRow
        && CaseNumber == other.CaseNumber
        && ItemCode == other.ItemCode
        && ItemName == other.ItemName
        && DepartmentCode == other.DepartmentCode
        && RegionCode == other.RegionCode
        && Channel == other.Channel
        && ReceivedAt == other.ReceivedAt
        && CompletedAt == other.CompletedAt
        && PromisedWorkingDays == other.PromisedWorkingDays
        && Status == other.Status
        && IsBusinessStartup == other.IsBusinessStartup
        && StartupStages.SequenceEqual(other.StartupStages);

    public override int GetHashCode() => HashCode.Combine(SourceRow, CaseNumber, ReceivedAt, Status, StartupStages.Count);

    public override string ToString() =>
        $"{CaseNumber} {ItemName} {DepartmentCode}/{RegionCode} {Channel.Label()} {ReceivedAt:yyyy-MM-dd HH:mm}→{CompletedAt:yyyy-MM-dd HH:mm} " +
        $"{ServiceCase.Label(Status)} 承诺{PromisedWorkingDays}日{(IsBusinessStartup ? $" 开办企业 {StartupStageText.Format(StartupStages)}" : string.Empty)}";
}
