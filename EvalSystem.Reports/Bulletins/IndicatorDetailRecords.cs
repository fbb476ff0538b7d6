namespace EvalSystem.Reports.Bulletins;

/// <summary>指标明细: every target × every indicator, raw value and score.</summary>
/// <param name="Indicators">The columns, in order.</param>
/// <param name="Targets">The rows, in order; each has one cell per indicator.</param>
public sealed record IndicatorMatrix(IReadOnlyList<DetailIndicator> Indicators, IReadOnlyList<DetailTarget> Targets);

public sealed record DetailIndicator(string Code, string Name, string? Unit);

/// <param name="Cells">Cells[i] belongs to Indicators[i] of the matrix.</param>
public sealed record DetailTarget(string Code, string Name, IReadOnlyList<DetailCell> Cells);

/// <summary>One target's raw value and score for one indicator; <paramref name="Imputed"/> marks a filled-in raw value.</summary>
public readonly record struct DetailCell(double? Raw, double? Score, bool Imputed = false);
