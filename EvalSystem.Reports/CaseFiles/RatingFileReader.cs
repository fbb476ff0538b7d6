using EvalSystem.Domain.Ratings;
using R = EvalSystem.Reports.CaseFiles.RatingFileColumns;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// Reads a 好差评 file (CSV or .xlsx) one row at a time: bytes in, <see cref="RatingFileRow"/>s out, never the whole file
/// in memory. File type, encoding, header location and blank rows are handled as by <see cref="CaseFileReader"/> (the
/// worksheet read is 「好差评数据」 if present, else the first). Columns:
/// <list type="bullet">
/// <item>评价编号 (≤64) required; 办件编号 (≤64) optional column and value.</item>
/// <item>部门编码 (≤64) required; 区划代码: six digits.</item>
/// <item>评价渠道: as 办理渠道 of a case file (线上/网上/网办/online or 窗口/线下/window).</item>
/// <item>评价时间: as 受理时间 of a case file.</item>
/// <item>评价等级: 1–5 (half- or full-width) or 非常满意/满意/基本满意/不满意/非常不满意 (<see cref="RatingLevels.TryParse"/>).</item>
/// <item>评价项 (optional column): items separated by <c>;</c>, <c>；</c> or <c>、</c>, each ≤100; blanks and repeats dropped.</item>
/// <item>评价内容 (optional column): free text ≤2000.</item>
/// </list>
/// </summary>
public static class RatingFileReader
{
    private static readonly FileSchema Schema = R.Schema;
    private static readonly ColumnSpec RatingId = Schema[R.RatingId];
    private static readonly ColumnSpec CaseNumber = Schema[R.CaseNumber];
    private static readonly ColumnSpec DepartmentCode = Schema[R.DepartmentCode];
    private static readonly ColumnSpec RegionCode = Schema[R.RegionCode];
    private static readonly ColumnSpec Channel = Schema[R.Channel];
    private static readonly ColumnSpec RatedAt = Schema[R.RatedAt];
    private static readonly ColumnSpec Level = Schema[R.Level];
    private static readonly ColumnSpec Items = Schema[R.Items];
    private static readonly ColumnSpec Comment = Schema[R.Comment];

    /// <summary>
    /// Opens the file and checks its header now; parses each row only when the sequence is enumerated. The same contract
    /// as <see cref="CaseFileReader.Read"/>: enumerable once, constant memory, the caller owns the stream.
    /// </summary>
    /// <exception cref="CaseFileException">The file cannot be read as a whole (see <see cref="CaseFileReader.Read"/>).</exception>
    public static IEnumerable<ParsedRow<RatingFileRow>> Read(Stream stream, string? fileName) =>
        TableReader.Read(stream, fileName, Schema, CaseFileColumns.Schema, ParseRow);

    private static RatingFileRow? ParseRow(RowCursor row)
    {
        var ratingId = row.RequiredText(RatingId, 64);
        var caseNumber = row.Text(CaseNumber, 64);
        var departmentCode = row.RequiredText(DepartmentCode, 64, repeats: true);
        var regionCode = row.RegionCode(RegionCode);
        var channel = row.Choice(Channel, CaseFileReader.ChannelWords, CaseFileReader.ChannelExpected, required: true);
        var ratedAt = row.Date(RatedAt, required: true);
        var level = row.Level(Level);
        var items = row.Items(Items, 100);
        var comment = row.Text(Comment, 2000);

        return row.HasErrors
            ? null
            : new RatingFileRow(row.Row, ratingId!, caseNumber, departmentCode!, regionCode!, channel!.Value, ratedAt!.Value,
                level!.Value, items, comment);
    }
}
