using R = EvalSystem.Reports.CaseFiles.RatingFileColumns;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// The 好差评 template: the header row and one example row, which <see cref="RatingFileReader"/> reads without errors.
/// The .xlsx adds a 填写说明 sheet describing every column.
/// </summary>
public static class RatingFileTemplate
{
    public const string FileNameStem = "好差评数据模板";

    internal static IReadOnlyList<TemplateColumn> Columns { get; } =
    [
        new(R.RatingId, "PJ202503040000001", "必填", "评价的唯一编号，不超过64个字符；重复导入时按编号覆盖。"),
        new(R.CaseNumber, "BJ202503030000001", "可选列，可留空", "被评价办件的办件编号；对服务而非办件的评价留空。"),
        new(R.DepartmentCode, "AMR", "必填", "被评价部门在本系统中的编码（如 AMR 市场监管局）。"),
        new(R.RegionCode, "110101", "必填", "6位行政区划代码（GB/T 2260）。"),
        new(R.Channel, "线上", "必填", "线上（也可写 网上、网办）或 窗口（也可写 线下）。"),
        new(R.RatedAt, new DateTime(2025, 3, 4, 16, 20, 0), "必填", "yyyy-MM-dd HH:mm[:ss]（如 2025-03-04 16:20）、yyyy/M/d H:mm、ISO 8601 或 Excel 日期单元格，北京时间。"),
        new(R.Level, "非常满意", "必填", "1–5 或 非常满意、满意、基本满意、不满意、非常不满意（1–2 为差评）。"),
        new(R.Items, "办事便捷;一次办好", "可选列", "评价人勾选的评价项，多个用「;」或「、」分隔，每项不超过100个字符。"),
        new(R.Comment, "材料一次讲清楚，当天就拿到了执照。", "可选列", "评价人填写的文字，不超过2000个字符。"),
    ];

    /// <summary>UTF-8 CSV with BOM (opens correctly in Excel), CRLF line ends.</summary>
    public static byte[] Csv() => FileTemplate.Csv(Columns);

    /// <summary>An .xlsx with the 「好差评数据」 sheet (header + example, the time as a date cell) and a 「填写说明」 sheet.</summary>
    public static byte[] Xlsx() => FileTemplate.Xlsx(R.Schema.DataSheet, Columns);
}
