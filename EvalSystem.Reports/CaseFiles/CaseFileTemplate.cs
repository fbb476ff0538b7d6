using C = EvalSystem.Reports.CaseFiles.CaseFileColumns;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// The 办件数据 template the evaluation office hands out: the header row and one example row (a business start-up case),
/// which <see cref="CaseFileReader"/> reads without errors. The .xlsx adds a 填写说明 sheet describing every column.
/// </summary>
public static class CaseFileTemplate
{
    public const string FileNameStem = "办件数据模板";

    private static readonly DateTime Received = new(2025, 3, 3, 9, 30, 0);

    internal static IReadOnlyList<TemplateColumn> Columns { get; } =
    [
        new(C.CaseNumber, "BJ202503030000001", "必填", "办件的唯一编号，不超过64个字符；重复导入时按编号覆盖。"),
        new(C.ItemCode, "SX-0100", "必填", "政务服务事项编码，不超过64个字符。超过15位的纯数字编码请把单元格设为「文本」格式。"),
        new(C.ItemName, "企业设立登记", "必填", "政务服务事项名称，不超过200个字符。"),
        new(C.DepartmentCode, "AMR", "必填", "办理部门在本系统中的编码（如 AMR 市场监管局）。"),
        new(C.RegionCode, "110101", "必填", "办理地的6位行政区划代码（GB/T 2260）。"),
        new(C.Channel, "线上", "必填", "线上（也可写 网上、网办）或 窗口（也可写 线下）。"),
        new(C.ReceivedAt, Received, "必填", "yyyy-MM-dd HH:mm[:ss]（如 2025-03-03 09:30）、yyyy/M/d H:mm、ISO 8601 或 Excel 日期单元格，北京时间。"),
        new(C.CompletedAt, new DateTime(2025, 3, 4, 16, 0, 0), "列必填，办理中留空", "格式同受理时间；不得早于受理时间。已办结必须填写，办理中必须留空，不予受理和撤件可留空。"),
        new(C.PromisedWorkingDays, "3", "必填", "承诺办理的工作日数，不小于0的整数；即办件填0。"),
        new(C.Status, "已办结", "列必填，可留空", "办理中、已办结、不予受理 或 撤件；留空时：有办结时间视为已办结，否则视为办理中。"),
        new(C.IsBusinessStartup, "是", "可选列", "是 或 否，留空视为否。开办企业办件计入开办企业时间。"),
        new(C.StartupStages,
            "设立登记@2025-03-03 09:30~2025-03-03 15:00;公章刻制@2025-03-03 15:10~2025-03-04 10:00;申领发票@2025-03-04 10:30~2025-03-04 16:00",
            "可选列，仅开办企业",
            "每个环节写作「名称@开始时间~结束时间」，多个环节用英文分号「;」分隔；未完成的环节结束时间留空（已办结的办件每个环节都要有结束时间）。"),
    ];

    /// <summary>UTF-8 CSV with BOM (opens correctly in Excel), CRLF line ends.</summary>
    public static byte[] Csv() => FileTemplate.Csv(Columns);

    /// <summary>An .xlsx with the 「办件数据」 sheet (header + example, times as date cells) and a 「填写说明」 sheet.</summary>
    public static byte[] Xlsx() => FileTemplate.Xlsx(C.Schema.DataSheet, Columns);
}
