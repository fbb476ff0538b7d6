using EvalSystem.Domain.Scoring;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// Who made a report, from what, and when. Printed on the cover and on the 计算方法 sheet of every workbook, and written into
/// the file's document properties, so that a printed page can be traced back to the score run and method that produced it.
/// </summary>
/// <param name="ScoreRunId">评分批次; null for registers that do not come from a score run (e.g. the audit log).</param>
/// <param name="MethodVersion">The method hash (方法版本) of the score run; null when there is none.</param>
/// <param name="GeneratedAt">
/// When the report was made. Shown in Beijing time and used for the file's timestamps: the same records and the same
/// GeneratedAt give the same bytes.
/// </param>
/// <param name="GeneratedBy">The display name of the user who asked for the report.</param>
public sealed record ReportHeader(
    string Title,
    string PeriodName,
    Guid? ScoreRunId,
    string? MethodVersion,
    DateTimeOffset GeneratedAt,
    string GeneratedBy);

/// <summary>计算方法: the indicators, weights and rules a report's scores come from, and free-text notes on the formulas.</summary>
/// <param name="FormulaNotes">Paragraphs separated by line breaks, e.g. aggregation, missing-data policy, bonus and penalty points.</param>
public sealed record MethodDescription(IReadOnlyList<MethodIndicatorLine> Indicators, string FormulaNotes)
{
    public static MethodDescription Empty { get; } = new([], string.Empty);
}

/// <summary>One node of the indicator system as the 计算方法 sheet lists it, in tree pre-order.</summary>
/// <param name="Level">1 for 一级指标, 2 for 二级指标, 3 for 三级指标.</param>
/// <param name="Path">The names from the root, e.g. "开办企业 / 开办企业时间".</param>
/// <param name="Weight">Share within the parent as a fraction of 1 (0.25 = 25 %).</param>
/// <param name="RuleText">The scoring rule in words, e.g. "前沿距离：最优=0.5；最差=20"; empty for groups.</param>
/// <param name="Direction">null for groups.</param>
public sealed record MethodIndicatorLine(
    string Code,
    string Name,
    int Level,
    string Path,
    double Weight,
    string RuleText,
    IndicatorDirection? Direction);
