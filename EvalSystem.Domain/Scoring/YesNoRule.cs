namespace EvalSystem.Domain.Scoring;

/// <summary>是否达标 (yes/no): any non-zero value is "achieved" and scores 100, zero scores 0. Direction is ignored.</summary>
public sealed record YesNoRule : ScoringRule
{
    protected override bool PeerRelative => false;

    public override IReadOnlyList<string> Validate() => [];

    public override void ScoreColumn(ReadOnlySpan<double> values, Span<double> scores, IndicatorDirection direction)
    {
        for (var i = 0; i < values.Length; i++)
            scores[i] = double.IsNaN(values[i]) ? double.NaN : values[i] != 0 ? 100.0 : 0.0;
    }
}
