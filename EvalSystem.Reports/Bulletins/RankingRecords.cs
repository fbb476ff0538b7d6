using EvalSystem.Domain.Organization;
using EvalSystem.Reports.Charts;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// One ranking of the 排名通报: all targets of one kind (regions or departments), scored under one indicator system.
/// The sheet is 区域排名 for regions and 部门排名 for departments.
/// </summary>
/// <param name="FirstLevel">The first-level indicators, in the column order of the sheet.</param>
/// <param name="Thresholds">Colours scores below the warning value red and at or above the advanced value green.</param>
/// <param name="Rows">In rank order (rank 1 first); ties share a rank.</param>
/// <param name="Trend">Composite scores over the last periods for the trend chart; null for none.</param>
public sealed record RankingSection(
    TargetKind Kind,
    IReadOnlyList<FirstLevelIndicator> FirstLevel,
    ScoreThresholds Thresholds,
    IReadOnlyList<RankingRow> Rows,
    RankingTrend? Trend = null);

/// <summary>A first-level indicator (一级指标) column; <paramref name="Thresholds"/> overrides the section's when set.</summary>
public sealed record FirstLevelIndicator(string Code, string Name, ScoreThresholds? Thresholds = null);

/// <summary>预警值 and 先进值 on the 0–100 score scale.</summary>
public sealed record ScoreThresholds(double Warning, double Advanced)
{
    public static ScoreThresholds Default { get; } = new(60, 90);
}

/// <summary>排名区间: the best and worst plausible rank under weight perturbation, e.g. 2–5.</summary>
public readonly record struct RankInterval(int Best, int Worst)
{
    public override string ToString() => Best == Worst
        ? Best.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : FormattableString.Invariant($"{Best}–{Worst}");
}

/// <summary>One target's line in a ranking.</summary>
/// <param name="PreviousRank">The rank in the previous period; null when the target was not ranked then.</param>
/// <param name="FirstLevelScores">Scores by first-level indicator code; a missing code or null is shown empty.</param>
public sealed record RankingRow(
    string TargetCode,
    string TargetName,
    TargetKind Kind,
    double Composite,
    int Rank,
    int? PreviousRank,
    RankInterval? Interval,
    IReadOnlyDictionary<string, double?> FirstLevelScores)
{
    /// <summary>Previous rank − rank: positive means the target moved up; null when there is no previous rank.</summary>
    public int? RankChange => PreviousRank - Rank;
}

/// <summary>Composite scores over periods, oldest first, for the trend chart; pick a few lines (e.g. top, bottom, average).</summary>
public sealed record RankingTrend(IReadOnlyList<string> Periods, IReadOnlyList<TrendLineChart.Line> Lines);
