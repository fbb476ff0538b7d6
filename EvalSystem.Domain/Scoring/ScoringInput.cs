namespace EvalSystem.Domain.Scoring;

/// <summary>A target's standing in the previous period, for 环比 (change vs previous).</summary>
public readonly record struct PreviousStanding(double Composite, int Rank);

/// <summary>
/// The raw data of one period. <see cref="Values"/> is dense and row-major: Values[t · MeasureCodes.Count + m] is the raw value of
/// measure m for target t; NaN (or ±∞) means missing. Measure codes are leaf codes plus base measures used by formulas;
/// a leaf whose code is absent is missing for every target unless it has a formula.
/// The result reads raw values back from <see cref="Values"/> instead of copying them, so do not modify the array afterwards.
/// </summary>
public sealed record ScoringInput(IReadOnlyList<string> TargetKeys, IReadOnlyList<string> MeasureCodes, double[] Values)
{
    /// <summary>Previous period raw values with the same targets and measures as <see cref="Values"/>; used by carry-forward.</summary>
    public double[]? PreviousValues { get; init; }

    /// <summary>Previous period composite and rank per target key; targets absent here get no change.</summary>
    public IReadOnlyDictionary<string, PreviousStanding>? Previous { get; init; }

    /// <summary>Codes of the adjustment items counted in <see cref="AdjustmentUnits"/>.</summary>
    public IReadOnlyList<string> AdjustmentCodes { get; init; } = [];

    /// <summary>Row-major [target × AdjustmentCodes] counts (e.g. overdue supervision tasks); NaN counts as 0.</summary>
    public double[]? AdjustmentUnits { get; init; }
}
