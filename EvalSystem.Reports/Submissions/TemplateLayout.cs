namespace EvalSystem.Reports.Submissions;

/// <summary>Where things are in the bulk-entry template.</summary>
internal static class TemplateLayout
{
    public const string SheetName = "填报";
    public const string InfoSheetName = "模板信息";

    public const string Title = "营商环境评价数据批量填报";
    public const string PeriodLabel = "评价周期";
    public const string DepartmentLabel = "填报部门";
    public const string DeadlineLabel = "截止时间";
    public const string InstructionsLabel = "填写说明";

    /// <summary>Title block rows (label in column A, value in column B from column B to the last column).</summary>
    public const int TitleRow = 1;
    public const int PeriodRow = 2;
    public const int DepartmentRow = 3;
    public const int DeadlineRow = 4;
    public const int InstructionsRow = 5;

    public const int HeaderRow = 7;
    public const int FirstDataRow = HeaderRow + 1;

    public const int Code = 1;
    public const int Name = 2;
    public const int Unit = 3;
    public const int Target = 4;
    public const int Previous = 5;
    public const int Value = 6;
    public const int Note = 7;

    /// <summary>A hidden, locked column of the "填报" sheet with the row key, so the key moves with its row.</summary>
    public const int Key = 8;

    /// <summary>Header texts; column c (1-based) has Headers[c − 1].</summary>
    public static readonly string[] Headers = ["指标代码", "指标名称", "计量单位", "评价对象", "上期值", "本期值", "填报说明"];

    public const string KeyHeader = "行标识";

    public static int ColumnCount => Headers.Length;

    public static string Header(int column) => Headers[column - 1];

    public const string Instructions =
        "只填写浅黄色的「本期值」和「填报说明」两列：本期值填数字（不带单位和百分号），留空表示暂不填报；" +
        "计量单位含“%”的指标，本期值在0到100之间。请不要增删、移动行或列，不要修改工作表名称，填好后在系统中上传本文件。";

    /// <summary>China has no daylight saving time: deadlines are shown in Beijing time.</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    // The very hidden "模板信息" sheet: labels in column A, values in column B; row keys from InfoFirstRow.
    public const int InfoPeriodIdRow = 1;
    public const int InfoPeriodNameRow = 2;
    public const int InfoDepartmentIdRow = 3;
    public const int InfoDepartmentNameRow = 4;
    public const int InfoHeaderRow = 6;
    public const int InfoFirstRow = InfoHeaderRow + 1;

    public const int InfoKey = 1;
    public const int InfoIndicatorId = 2;
    public const int InfoTargetId = 3;
    public const int InfoCode = 4;
    public const int InfoTarget = 5;
    public const int InfoStamp = 6;

    public static readonly string[] InfoHeaders = [KeyHeader, "指标节点ID", "评价对象ID", "指标代码", "评价对象", "版本"];

    public static string Describe(TemplateRow row) => $"{row.IndicatorCode} {row.IndicatorName} / {row.TargetName}";

    public static bool IsPercent(string unit) => unit.Contains('%', StringComparison.Ordinal) || unit.Contains('％', StringComparison.Ordinal);
}
