using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>Where things are in the indicator system workbook, and the Chinese words for enum values.</summary>
internal static class WorkbookLayout
{
    public const string SheetName = "指标体系";
    public const string InstructionsSheetName = "填写说明";

    public const string NameLabel = "体系名称";
    public const string TargetKindLabel = "评价对象类型";
    public const string VersionLabel = "版本";
    public const string AggregationLabel = "聚合方法";
    public const string MissingDataLabel = "缺失值处理";

    /// <summary>Optional, row 6: 督办超期扣分 per task in B6 and its cap in D6 (label in C6). Older workbooks without them mean no penalty.</summary>
    public const string PenaltyLabel = "督办超期扣分(分/件)";
    public const string PenaltyCapLabel = "扣分上限(分)";
    public const int PenaltyRow = 6;

    /// <summary>Title block labels, one per row from row 1, value in column B.</summary>
    public static readonly string[] TitleLabels = [NameLabel, TargetKindLabel, VersionLabel, AggregationLabel, MissingDataLabel];

    public const int HeaderRow = 7;
    public const int FirstDataRow = HeaderRow + 1;

    public const int Level = 1;
    public const int Code = 2;
    public const int NameZh = 3;
    public const int NameEn = 4;
    public const int Weight = 5;
    public const int Kind = 6;
    public const int Unit = 7;
    public const int Direction = 8;
    public const int Source = 9;
    public const int Responsible = 10;
    public const int Supporting = 11;
    public const int Warning = 12;
    public const int Advanced = 13;
    public const int RuleType = 14;
    public const int RuleParameters = 15;
    public const int Formula = 16;
    public const int Measure = 17;

    /// <summary>Workbooks exported before the 计算口径 column existed end at 公式; they are read with no measures.</summary>
    public const int LegacyColumnCount = Formula;

    /// <summary>Header texts; column c (1-based) has Headers[c − 1].</summary>
    public static readonly string[] Headers =
    [
        "层级", "指标代码", "指标名称", "英文名称", "权重(%)", "节点类型", "计量单位", "方向", "数据来源",
        "主责单位", "配合单位", "预警值", "先进值", "评分规则", "规则参数", "公式", "计算口径",
    ];

    public static int ColumnCount => Headers.Length;

    public static string Header(int column) => Headers[column - 1];

    public const string GroupKind = "分组";
    public const string IndicatorKind = "指标";

    public static readonly string[] TargetKinds = ["地区", "部门"];

    public static readonly Labels<AggregationMethod> Aggregations = new(
        (AggregationMethod.WeightedArithmetic, "加权算术平均"),
        (AggregationMethod.WeightedGeometric, "加权几何平均"));

    public static readonly Labels<MissingDataPolicy> MissingDataPolicies = new(
        (MissingDataPolicy.Zero, "计零分"),
        (MissingDataPolicy.ExcludeAndReweight, "剔除并重新分配权重"),
        (MissingDataPolicy.CarryForward, "沿用上期值"));

    public static readonly Labels<IndicatorDirection> Directions = new(
        (IndicatorDirection.HigherIsBetter, "正向"),
        (IndicatorDirection.LowerIsBetter, "逆向"));

    public static readonly Labels<IndicatorSource> Sources = new(
        (IndicatorSource.DepartmentSubmission, "部门填报"),
        (IndicatorSource.CaseData, "办件数据"),
        (IndicatorSource.Ratings, "好差评"),
        (IndicatorSource.Formula, "公式计算"),
        (IndicatorSource.Supervision, "督查督办"));

    /// <summary>计算口径: the computed measure an indicator from 办件数据 or 好差评 is bound to, by its display name.</summary>
    public static readonly Labels<CaseMeasureKind> Measures = new(
        CaseMeasureKinds.All.Select(m => (m, m.DisplayName())).ToArray());
}

/// <summary>A two-way map between enum values and the Chinese words used in the workbook.</summary>
internal sealed class Labels<T>(params (T Value, string Text)[] pairs)
    where T : struct, Enum
{
    public IReadOnlyList<string> Texts { get; } = pairs.Select(p => p.Text).ToArray();

    public string Choices => string.Join("、", Texts);

    public string this[T value] => pairs.First(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Text;

    public bool TryParse(string text, out T value)
    {
        foreach (var (v, t) in pairs)
        {
            if (t == text)
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }
}
