using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Web.Features.Dashboard;

public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Codes of the indicators shown first: start-up days, approval time, satisfaction.</summary>
    public string[] HeadlineIndicators { get; set; } = ["KB-2", "ZW-2", "ZW-4"];
}

public sealed record HeadlineIndicator(string Code, string Name, string Unit, IndicatorDirection Direction, double? WarningValue, double? AdvancedValue)
{
    public ValueStanding Classify(double? value)
    {
        if (value is not { } v)
            return ValueStanding.Missing;
        var lowerIsBetter = Direction == IndicatorDirection.LowerIsBetter;
        if (AdvancedValue is { } advanced && (lowerIsBetter ? v <= advanced : v >= advanced))
            return ValueStanding.Advanced;
        if (WarningValue is { } warning && (lowerIsBetter ? v >= warning : v <= warning))
            return ValueStanding.Warning;
        return ValueStanding.Normal;
    }
}

/// <summary>Where a value stands against the indicator's warning (预警值) and advanced (先进值) values.</summary>
public enum ValueStanding
{
    Missing,
    Normal,
    Warning,
    Advanced,
}

public sealed record RegionValues(string RegionCode, string RegionName, IReadOnlyList<double?> Values);

/// <summary>The city average of a headline indicator, with the change against the previous period.</summary>
public sealed record HeadlineSummary(HeadlineIndicator Indicator, double? CityAverage, double? PreviousAverage)
{
    public double? Change => CityAverage - PreviousAverage;
}

/// <summary>One target (region or department) in the ranking: composite, rank, change and the rank interval from the sensitivity analysis.</summary>
public sealed record RankingRow(
    Guid TargetId, string Code, string Name, int Rank, double Composite, double? CompositeChange, int? RankChange,
    double Rank5, double Rank95, IReadOnlyList<double?> GroupScores)
{
    /// <summary>"第 3 名，区间 2–5": the ranks this region plausibly holds when weights vary ±25 %.</summary>
    public string RankInterval => Rank5 == Rank95 ? $"{Rank5:0}" : $"{Rank5:0}–{Rank95:0}";
}

/// <summary>The scores of one run: which period, whether it is published, and the ranking.</summary>
/// <param name="Rows">Every target, best first. Only the <see cref="Shown"/> ones carry their first-level scores.</param>
/// <param name="GroupAverages">The city average of each first-level score over every target: what a target's radar is drawn against.</param>
public sealed record ScoreBoard(int RunNumber, bool IsPublished, DateTime RunAtUtc, IReadOnlyList<string> GroupNames, IReadOnlyList<RankingRow> Rows,
    Guid RunId = default, string PeriodName = "", IReadOnlyList<double?>? GroupAverages = null)
{
    /// <summary>The most rows a dashboard table or chart lists; a larger field shows its first and last halves of this.</summary>
    public const int ShownRows = 20;

    /// <summary>Whether the board is too long for the dashboard and only its top and bottom are shown.</summary>
    public bool IsShortened => Rows.Count > ShownRows;

    /// <summary>What the dashboard lists: every row, or the top and bottom ten of a large field (the 排名 page has all).</summary>
    public IReadOnlyList<RankingRow> Shown => ShownOf(Rows);

    public IReadOnlyList<double?> GroupAverages { get; init; } = GroupAverages ?? [.. Enumerable.Range(0, GroupNames.Count)
        .Select(i => Rows.Select(r => r.GroupScores.Count > i ? r.GroupScores[i] : null).OfType<double>().ToList() is { Count: > 0 } v ? v.Average() : (double?)null)];

    /// <summary>The rows to list on the dashboard: every row, or the top and bottom ten of a larger field.</summary>
    public static IReadOnlyList<T> ShownOf<T>(IReadOnlyList<T> rows) =>
        rows.Count > ShownRows ? [.. rows.Take(ShownRows / 2), .. rows.TakeLast(ShownRows / 2)] : rows;
}

/// <summary>A department user's own result in the newest published department assessment (部门考核).</summary>
public sealed record OwnScore(string PeriodName, Guid RunId, RankingRow Row, int Of);

/// <summary>A score run the user may choose on the dashboard.</summary>
public sealed record RunOption(Guid RunId, string PeriodName, int Number, bool IsPublished)
{
    public string Label => IsPublished ? PeriodName : $"{PeriodName}（第{Number}次计算，未发布）";
}

/// <summary>The city's average composite score against the previous period's, and the open rectification items.</summary>
public sealed record CityKpis(double? AverageComposite, double? PreviousAverageComposite, int OpenRectifications, int OverdueRectifications)
{
    public double? CompositeChange => AverageComposite - PreviousAverageComposite;
}

/// <summary>Composite scores per period (oldest first) of the listed regions, and the average of every region, for the trend chart.</summary>
public sealed record CompositeTrend(IReadOnlyList<string> Periods, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> Regions,
    IReadOnlyList<double?>? CityAverage = null)
{
    public IReadOnlyList<double?> CityAverage { get; init; } = CityAverage ?? [.. Enumerable.Range(0, Periods.Count)
        .Select(i => Regions.Select(r => r.Values[i]).OfType<double>().ToList() is { Count: > 0 } v ? v.Average() : (double?)null)];
}

/// <summary>
/// 驾驶舱: a period's headline values per region and, once the period is scored, its ranking.
/// Leaders see published runs; the evaluation office also sees the newest unpublished run.
/// </summary>
public sealed record DashboardView(
    string PeriodName,
    string PeriodStatus,
    string? PreviousPeriodName,
    IReadOnlyList<HeadlineIndicator> Indicators,
    IReadOnlyList<HeadlineSummary> Summaries,
    IReadOnlyList<RegionValues> Regions,
    ScoreBoard? Scores,
    Guid? RunId = null,
    CityKpis? Kpis = null,
    CompositeTrend? Trend = null,
    ScoreBoard? DepartmentScores = null,
    OwnScore? OwnDepartment = null,
    bool CanDrillDown = false);
