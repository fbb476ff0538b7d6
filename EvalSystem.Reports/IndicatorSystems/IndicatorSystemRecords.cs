using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>One node of an indicator system (指标体系) as one Excel row. Rows are in tree pre-order.</summary>
/// <param name="SourceRow">1-based Excel row number (0 when built in code); used in error messages.</param>
/// <param name="Level">1..3; a row's parent is the closest preceding row with Level − 1.</param>
/// <param name="Weight">Percent within the parent.</param>
/// <param name="IsIndicator">false = group (一级/二级分组), true = measured leaf.</param>
/// <param name="RuleJson">The rule in the <see cref="ScoringRuleJson"/> contract; null for groups.</param>
/// <param name="Measure">计算口径: the computed measure of an indicator whose source is 办件数据 or 好差评; null otherwise.</param>
public sealed record IndicatorRow(
    int SourceRow,
    int Level,
    string Code,
    string NameZh,
    string? NameEn,
    decimal Weight,
    bool IsIndicator,
    string? Unit,
    IndicatorDirection? Direction,
    IndicatorSource? Source,
    string? ResponsibleDepartmentCode,
    IReadOnlyList<string> SupportingDepartmentCodes,
    double? WarningValue,
    double? AdvancedValue,
    string? RuleJson,
    string? Formula,
    CaseMeasureKind? Measure = null);

/// <summary>A whole indicator system as kept in the "指标体系" worksheet.</summary>
/// <param name="TargetKind">"地区" or "部门".</param>
public sealed record IndicatorSystemSheet(
    string Name,
    string TargetKind,
    AggregationMethod Aggregation,
    MissingDataPolicy MissingData,
    int Version,
    IReadOnlyList<IndicatorRow> Rows,
    double? OverduePenaltyPerTask = null,
    double? OverduePenaltyCap = null);

/// <summary>One import problem. <paramref name="Row"/> is 0 and <paramref name="Column"/> "" when not cell-specific.</summary>
/// <param name="Sheet">Worksheet name ("" for file-level problems).</param>
/// <param name="Column">The column's header (e.g. "权重(%)") or the title-block label (e.g. "聚合方法").</param>
/// <param name="Message">A Chinese sentence the evaluation office can act on.</param>
public sealed record ImportError(string Sheet, int Row, string Column, string Message)
{
    public override string ToString()
        => $"{(Sheet.Length > 0 ? $"「{Sheet}」" : string.Empty)}{(Row > 0 ? $"第{Row}行" : string.Empty)}{(Column.Length > 0 ? $"「{Column}」" : string.Empty)}：{Message}";
}

/// <summary>The import's outcome: either a sheet and no errors, or no sheet and every error found.</summary>
public sealed record ImportResult(IndicatorSystemSheet? Sheet, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Sheet is not null && Errors.Count == 0;
}
