using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Ratings;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// 好差评: one row of a 好差评 file, parsed and checked against the same rules as <see cref="Rating"/>, so a row that
/// parses also constructs. The department and region stay codes: mapping them to ids is the application's job.
/// </summary>
/// <param name="SourceRow">1-based row in the file (CSV: header is row 1; .xlsx: the worksheet row).</param>
/// <param name="RatingId">评价编号.</param>
/// <param name="CaseNumber">办件编号 of the case rated, if any.</param>
/// <param name="DepartmentCode">部门编码 as written in the file.</param>
/// <param name="RegionCode">区划代码, six digits.</param>
/// <param name="Channel">评价渠道.</param>
/// <param name="RatedAt">评价时间, Beijing clock time.</param>
/// <param name="Level">评价等级.</param>
/// <param name="Items">评价项, trimmed, blanks and repeats dropped, in the order written.</param>
/// <param name="Comment">评价内容.</param>
public sealed record RatingFileRow(
    int SourceRow,
    string RatingId,
    string? CaseNumber,
    string DepartmentCode,
    string RegionCode,
    ServiceChannel Channel,
    DateTime RatedAt,
    RatingLevel Level,
    IReadOnlyList<string> Items,
    string? Comment)
{
    /// <summary>The domain rating, once the application has resolved <see cref="DepartmentCode"/> to an id.</summary>
    public Rating ToRating(Guid departmentId) =>
        new(RatingId, departmentId, RegionCode, Channel, RatedAt, Level, Items, Comment, CaseNumber);

    // Value equality includes the items, so the same content read from CSV and from .xlsx compares equal.
    public bool Equals(RatingFileRow? other) =>
        other is not null
        && SourceRow == other.SourceRow
        && RatingId == other.RatingId
        && CaseNumber == other.CaseNumber
        && DepartmentCode == other.DepartmentCode
        && RegionCode == other.RegionCode
        && Channel == other.Channel
        && RatedAt == other.RatedAt
        && Level == other.Level
        && Items.SequenceEqual(other.Items, StringComparer.Ordinal)
        && Comment == other.Comment;

    public override int GetHashCode() => HashCode.Combine(SourceRow, RatingId, RatedAt, Level, Items.Count);

    public override string ToString() =>
        $"{RatingId} {DepartmentCode}/{RegionCode} {Channel.Label()} {RatedAt:yyyy-MM-dd HH:mm} {Level.DisplayName()} " +
        $"[{string.Join("、", Items)}]{(CaseNumber is null ? string.Empty : $" 办件{CaseNumber}")}";
}
