using System.Globalization;
using EvalSystem.Domain.Organization;

namespace EvalSystem.Web.Features.Rankings;

/// <summary>The columns the ranking can be sorted by; <see cref="FirstLevel"/> needs the indicator's code.</summary>
public enum RankingSort
{
    Rank,
    Composite,
    Name,
    RankChange,
    /// <summary>A first-level indicator's (一级指标) score; the code is <see cref="RankingRequest.SortIndicator"/>.</summary>
    FirstLevel,
}

/// <summary>
/// One page of the 排名 table: which period (null: the newest run the user may see), which kind of target, how to sort,
/// which targets (a parent region for regions, a department kind for departments) and which page.
/// </summary>
public sealed record RankingRequest(
    Guid? PeriodId = null,
    TargetKind Kind = TargetKind.Region,
    RankingSort SortBy = RankingSort.Rank,
    bool Descending = false,
    string? SortIndicator = null,
    Guid? ParentRegionId = null,
    DepartmentKind? DepartmentKind = null,
    int PageIndex = 0,
    int PageSize = 20)
{
    /// <summary>Applies a key of <see cref="RankingOptions.Filters"/> to this request; <see cref="RankingFilterOption.All"/> or an unknown key means all targets.</summary>
    public RankingRequest WithFilter(string? key) => Kind == TargetKind.Region
        ? this with { ParentRegionId = Guid.TryParse(key, out var parent) ? parent : null, DepartmentKind = null }
        : this with
        {
            ParentRegionId = null,
            DepartmentKind = Enum.TryParse<DepartmentKind>(key, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(key, out _) ? kind : null,
        };
}

/// <summary>A first-level indicator (一级指标) column of the ranking.</summary>
public sealed record FirstLevelColumn(string Code, string Name);

/// <summary>The score run a ranking comes from, and whether it is published (未发布 runs are for the office only).</summary>
public sealed record RankingRunInfo(
    Guid RunId,
    Guid PeriodId,
    string PeriodName,
    TargetKind Kind,
    int RunNumber,
    bool IsPublished,
    DateTime RunAtUtc,
    int RankedCount,
    int Draws,
    double Perturbation,
    IReadOnlyList<FirstLevelColumn> FirstLevel);

/// <summary>Top three and bottom three stand out: who leads, who needs supervision.</summary>
public enum RankStanding
{
    Middle,
    Top,
    Bottom,
}

/// <summary>
/// One target in the ranking: rank, previous rank and change, composite, the rank interval from the weight sensitivity
/// analysis, and the first-level scores in the order of <see cref="RankingRunInfo.FirstLevel"/>.
/// </summary>
public sealed record RankingItem(
    Guid TargetId,
    string Code,
    string Name,
    int Rank,
    int? RankChange,
    double Composite,
    double? CompositeChange,
    double Rank5,
    double Rank95,
    RankStanding Standing,
    IReadOnlyList<double?> FirstLevelScores)
{
    /// <summary>The previous period's rank; null when the target was not ranked then (新参评).</summary>
    public int? PreviousRank => Rank + RankChange;

    /// <summary>Best plausible rank (5 % quantile), rounded as shown everywhere (web and Excel).</summary>
    public int IntervalBest => (int)Math.Round(Rank5, MidpointRounding.AwayFromZero);

    /// <summary>Worst plausible rank (95 % quantile), rounded as shown everywhere (web and Excel).</summary>
    public int IntervalWorst => (int)Math.Round(Rank95, MidpointRounding.AwayFromZero);

    /// <summary>"2–5", or "3" when the rank does not move under weight perturbation.</summary>
    public string IntervalText => IntervalBest == IntervalWorst
        ? IntervalBest.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{IntervalBest}–{IntervalWorst}");

    /// <summary>"第 3 名，区间 2–5": the ranks this target plausibly holds when the weights vary.</summary>
    public string RankWithInterval => string.Create(CultureInfo.InvariantCulture, $"第 {Rank} 名，区间 {IntervalText}");
}

/// <summary>One page of a ranking. <see cref="RunInfo"/> is null when the user may see no run for the request.</summary>
public sealed record RankingPage(IReadOnlyList<RankingItem> Items, int TotalCount, RankingRunInfo? RunInfo)
{
    public static RankingPage Empty { get; } = new([], 0, null);
}

/// <summary>A period in the selector: the run shown for it and whether that run is published.</summary>
public sealed record RankingPeriodOption(Guid PeriodId, string PeriodName, Guid RunId, int RunNumber, bool IsPublished)
{
    public string Label => IsPublished ? PeriodName : $"{PeriodName}（第{RunNumber}次计算 · 未发布）";
}

/// <summary>A choice of the filter select: a parent region (for regions) or a department kind (for departments).</summary>
public sealed record RankingFilterOption(string Key, string Label)
{
    /// <summary>The key of the "全部" choice: no filter.</summary>
    public const string All = "all";
}

/// <summary>What the ranking page offers for a kind of target: its periods (newest first) and its filter choices.</summary>
public sealed record RankingOptions(TargetKind Kind, IReadOnlyList<RankingPeriodOption> Periods, string FilterLabel, IReadOnlyList<RankingFilterOption> Filters);
