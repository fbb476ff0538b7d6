using System.Globalization;

namespace EvalSystem.Domain.Scoring;

/// <summary>One threshold band (分档); a null bound is unbounded on that side.</summary>
public sealed record Band(double? Lower, double? Upper, bool LowerInclusive = false, bool UpperInclusive = true, double Score = 0)
{
    public bool Contains(double y)
    {
        if (Lower is { } lo && (LowerInclusive ? y < lo : y <= lo))
            return false;
        if (Upper is { } hi && (UpperInclusive ? y > hi : y >= hi))
            return false;
        return true;
    }

    public override string ToString()
    {
        var lo = Lower is { } l ? l.ToString(CultureInfo.InvariantCulture) : "-∞";
        var hi = Upper is { } h ? h.ToString(CultureInfo.InvariantCulture) : "+∞";
        return $"{(Lower is not null && LowerInclusive ? "[" : "(")}{lo}, {hi}{(Upper is not null && UpperInclusive ? "]" : ")")}";
    }
}

/// <summary>
/// 分档计分 (threshold bands): the score of the band containing the value. Bands are listed in ascending order,
/// must not overlap and must cover the whole real line, so every value has exactly one score.
/// </summary>
public sealed record BandsRule(IReadOnlyList<Band> Bands) : ScoringRule
{
    protected override bool PeerRelative => false;

    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Bands is null || Bands.Count == 0)
        {
            errors.Add("分档规则至少需要一个分档。");
            return errors;
        }

        for (var i = 0; i < Bands.Count; i++)
        {
            var b = Bands[i];
            if (!double.IsFinite(b.Score) || b.Score < 0 || b.Score > 100)
                errors.Add($"{Name(i)}的得分必须在0到100之间，当前为{b.Score}。");
            if (b.Lower is { } lo && b.Upper is { } hi && (lo > hi || (lo == hi && !(b.LowerInclusive && b.UpperInclusive))))
                errors.Add($"{Name(i)}的下限必须小于上限。");
        }

        if (Bands[0].Lower is { } first)
            errors.Add($"分档必须覆盖整个数轴：{Name(0)}的下限为{first}，更小的数值不属于任何分档。");
        if (Bands[^1].Upper is { } last)
            errors.Add($"分档必须覆盖整个数轴：{Name(Bands.Count - 1)}的上限为{last}，更大的数值不属于任何分档。");

        for (var i = 1; i < Bands.Count; i++)
        {
            var prev = Bands[i - 1];
            var cur = Bands[i];
            if (prev.Upper is not { } edge || cur.Lower is not { } start)
            {
                errors.Add($"{Name(i - 1)}与{Name(i)}重叠：只有第一档可以没有下限、最后一档可以没有上限。");
                continue;
            }

            if (start > edge)
                errors.Add($"{Name(i - 1)}与{Name(i)}之间存在空档（{edge}到{start}之间的数值不属于任何分档）。");
            else if (start < edge)
                errors.Add($"{Name(i - 1)}与{Name(i)}重叠（{start}到{edge}之间的数值同时属于两档），分档须按从小到大的顺序排列且互不重叠。");
            else if (prev.UpperInclusive && cur.LowerInclusive)
                errors.Add($"{Name(i - 1)}与{Name(i)}在{edge}处重叠：分界点只能包含在其中一档。");
            else if (!prev.UpperInclusive && !cur.LowerInclusive)
                errors.Add($"{Name(i - 1)}与{Name(i)}之间存在空档：分界点{edge}不属于任何分档。");
        }

        return errors;
    }

    internal override double ScoreValue(double value, IndicatorDirection direction)
    {
        if (double.IsNaN(value))
            return double.NaN;
        for (var b = 0; b < Bands.Count; b++)
        {
            if (Bands[b].Contains(value))
                return Bands[b].Score;
        }

        // Unreachable for a validated rule (bands cover the line); an unvalidated gap counts as missing.
        return double.NaN;
    }

    private string Name(int i) => $"第{i + 1}档{Bands[i]}";
}
