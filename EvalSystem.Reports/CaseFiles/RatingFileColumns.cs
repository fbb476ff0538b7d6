namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// The header texts of a 好差评 file. Columns are found by header, in any order; other columns are ignored.
/// The formats of each column are described on <see cref="RatingFileReader"/> and in docs/case-files.md.
/// </summary>
public static class RatingFileColumns
{
    public const string RatingId = "评价编号";
    public const string CaseNumber = "办件编号";
    public const string DepartmentCode = "部门编码";
    public const string RegionCode = "区划代码";
    public const string Channel = "评价渠道";
    public const string RatedAt = "评价时间";
    public const string Level = "评价等级";
    public const string Items = "评价项";
    public const string Comment = "评价内容";

    // Declared first: static initializers run in text order and the lists below read it.
    internal static FileSchema Schema { get; } = new("好差评数据", "好差评数据",
    [
        (RatingId, true),
        (CaseNumber, false),
        (DepartmentCode, true),
        (RegionCode, true),
        (Channel, true),
        (RatedAt, true),
        (Level, true),
        (Items, false),
        (Comment, false),
    ]);

    /// <summary>Every column, in template order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Schema.Columns.Select(c => c.Header)];

    /// <summary>The columns whose header must be present (a cell may still be blank where the format allows).</summary>
    public static IReadOnlyList<string> Required { get; } = [.. Schema.Columns.Where(c => c.Required).Select(c => c.Header)];
}
