namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// The header texts of a 办件数据 file. Columns are found by header, in any order; other columns are ignored.
/// The formats of each column are described on <see cref="CaseFileReader"/> and in docs/case-files.md.
/// </summary>
public static class CaseFileColumns
{
    public const string CaseNumber = "办件编号";
    public const string ItemCode = "事项编码";
    public const string ItemName = "事项名称";
    public const string DepartmentCode = "部门编码";
    public const string RegionCode = "区划代码";
    public const string Channel = "办理渠道";
    public const string ReceivedAt = "受理时间";
    public const string CompletedAt = "办结时间";
    public const string PromisedWorkingDays = "承诺时限";
    public const string Status = "办件状态";
    public const string IsBusinessStartup = "是否开办企业";
    public const string StartupStages = "开办环节";

    // Declared first: static initializers run in text order and the lists below read it.
    internal static FileSchema Schema { get; } = new("办件数据", "办件数据",
    [
        (CaseNumber, true),
        (ItemCode, true),
        (ItemName, true),
        (DepartmentCode, true),
        (RegionCode, true),
        (Channel, true),
        (ReceivedAt, true),
        (CompletedAt, true),
        (PromisedWorkingDays, true),
        (Status, true),
        (IsBusinessStartup, false),
        (StartupStages, false),
    ]);

    /// <summary>Every column, in template order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Schema.Columns.Select(c => c.Header)];

    /// <summary>The columns whose header must be present (a cell may still be blank where the format allows).</summary>
    public static IReadOnlyList<string> Required { get; } = [.. Schema.Columns.Where(c => c.Required).Select(c => c.Header)];
}
