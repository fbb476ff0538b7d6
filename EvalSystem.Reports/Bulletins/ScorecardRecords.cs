using EvalSystem.Domain.Organization;

namespace EvalSystem.Reports.Bulletins;

/// <summary>评分卡: one target's composite, rank and indicator-by-indicator breakdown in one score run.</summary>
/// <param name="TargetCount">How many targets were ranked (参评对象数).</param>
/// <param name="Lines">The indicator tree in pre-order: groups and leaves.</param>
/// <param name="FirstLevel">First-level scores against the average of all targets, for the radar chart.</param>
public sealed record TargetScorecard(
    string TargetCode,
    string TargetName,
    TargetKind Kind,
    double Composite,
    int Rank,
    int TargetCount,
    RankInterval? Interval,
    IReadOnlyList<ScorecardLine> Lines,
    IReadOnlyList<FirstLevelComparison> FirstLevel);

/// <summary>One node of a target's breakdown.</summary>
/// <param name="RawValue">Leaves only: the measured value; null when missing.</param>
/// <param name="Imputed">The raw value was filled in by the missing-data policy (插补), not measured.</param>
/// <param name="Score">0–100; null when left out (re-weighted).</param>
/// <param name="Weight">Effective weight: the node's share of the composite as a fraction of 1.</param>
/// <param name="Contribution">Points of the composite the node carries (effective weight × score); null for groups.</param>
public sealed record ScorecardLine(
    string Code,
    string Name,
    int Level,
    string? Unit,
    double? RawValue,
    bool Imputed,
    double? Score,
    double Weight,
    double? Contribution);

/// <summary>A first-level indicator's score for the target and the average over all targets.</summary>
public sealed record FirstLevelComparison(string Code, string Name, double? Score, double? Average);
