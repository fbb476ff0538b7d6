namespace EvalSystem.Domain.Scoring;

/// <summary>
/// 排名计分 (rank points): competition rank among the targets with a value (1 + number of strictly better values,
/// so equal values share a rank), then Points[rank − 1]; ranks beyond the table get the table's last entry.
/// </summary>
public sealed record RankPointsRule(IReadOnlyList<double> Points) : ScoringRule
{
    protected override bool PeerRelative => true;

    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Points is null || Points.Count == 0)
        {
            errors.Add("排名计分规则至少需要一个名次分值。");
            return errors;
        }

        for (var i = 0; i < Points.Count; i++)
        {
            if (!double.IsFinite(Points[i]) || Points[i] < 0 || Points[i] > 100)
                errors.Add($"排名计分规则第{i + 1}名的分值必须在0到100之间，当前为{Points[i]}。");
            else if (i > 0 && Points[i] > Points[i - 1])
                errors.Add($"排名计分规则第{i + 1}名的分值（{Points[i]}）不能高于第{i}名（{Points[i - 1]}）。");
        }

        return errors;
    }

    public override void ScoreColumn(ReadOnlySpan<double> values, Span<double> scores, IndicatorDirection direction)
    {
        var sorted = new double[values.Length];
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
                sorted[n++] = v;
        }

        Array.Sort(sorted, 0, n);
        var present = sorted.AsSpan(0, n);
        for (var i = 0; i < values.Length; i++)
        {
            var y = values[i];
            if (double.IsNaN(y))
            {
                scores[i] = double.NaN;
                continue;
            }

            var better = direction == IndicatorDirection.HigherIsBetter ? n - UpperBound(present, y) : LowerBound(present, y);
            scores[i] = Points[Math.Min(better, Points.Count - 1)];
        }
    }

    private static int LowerBound(ReadOnlySpan<double> a, double y)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid] < y)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }

    private static int UpperBound(ReadOnlySpan<double> a, double y)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid] <= y)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }
}
