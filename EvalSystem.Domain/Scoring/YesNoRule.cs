namespace EvalSystem.Domain.Scoring;

/// <summary>是否达标 (yes/no): any non-zero value is "achieved" and scores 100, zero scores 0. Direction is ignored.</summary>
public sealed record YesNoRule : ScoringRule
{
    protected override bool PeerRelative => false;

    public override IReadOnlyList<string> Validate() => [];

    internal override double ScoreValue(double value, IndicatorDirection direction)
        => double.IsNaN(value) ? double.NaN : value != 0 ? 100.0 : 0.0;
}
