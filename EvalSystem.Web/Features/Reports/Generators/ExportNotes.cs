using EvalSystem.Domain.Common;
using EvalSystem.Reports.Excel;

namespace EvalSystem.Web.Features.Reports.Generators;

/// <summary>
/// The 说明 sheet of a streamed raw export: what the rows are (scope, the rule that picks them, their order and time basis),
/// who generated the file and when. The workbook reports carry their own cover and 计算方法 sheets; a raw export has only
/// its table, so without this an auditor holding the file alone could not tell what it contains.
/// </summary>
internal static class ExportNotes
{
    public const string SheetName = "说明";

    private static readonly IReadOnlyList<StreamingColumn> Columns = [new("项目", ColumnFormat.Text, 14), new("内容", ColumnFormat.Text, 100)];

    public static StreamingSheet Sheet(ReportContext context, string report, string scope, params (string Item, string Text)[] rules)
    {
        ArgumentNullException.ThrowIfNull(context);
        var generated = BeijingTime.Text(context.GeneratedAt);
        IEnumerable<(string Item, string Text)> rows =
        [
            ("报表", report),
            ("范围", scope),
            .. rules,
            ("生成时间", $"{generated}（北京时间）"),
            ("生成人", context.GeneratedBy),
            ("来源", "营商环境督查与考核评估系统 · 报表中心。生成记录（含文件 SHA-256）可在报表中心查看，用于核对文件未被改动。"),
        ];
        return new StreamingSheet(SheetName, Columns, rows.Select(r => new object?[] { r.Item, r.Text }));
    }
}
