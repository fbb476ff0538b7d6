using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.Charts;

namespace EvalSystem.Web.Features.Indicators;

/// <summary>What the rule editor shows while the office types: errors, the score of a sample value, the scoring curve.</summary>
public sealed record RulePreviewResult(IReadOnlyList<string> Errors, double? Score, string? CurveSvg, string? Note);

/// <summary>
/// Live preview of a scoring rule. Absolute rules score the sample value on their own; peer-relative rules
/// (min–max, z-score, rank points) score it among the given peer values (the latest period's values).
/// </summary>
public static class RulePreview
{
    private const int Samples = 121;

    public static RulePreviewResult Evaluate(string? ruleJson, IndicatorDirection direction, double? sample, IReadOnlyList<double> peers,
        double? warning = null, double? advanced = null, string unit = "")
    {
        if (string.IsNullOrWhiteSpace(ruleJson))
            return new(["请选择评分规则并填写参数。"], null, null, null);
        ScoringRule rule;
        try
        {
            rule = ScoringRuleJson.Deserialize(ruleJson);
        }
        catch (ScoringValidationException ex)
        {
            return new([ex.Message], null, null, null);
        }
        var errors = rule.Validate();
        if (errors.Count > 0)
            return new(errors, null, null, null);
        if (rule.IsPeerRelative && peers.Count == 0)
            return new([], null, null, "该规则与同期其他评价对象比较，需要本指标已有一期数据才能预览。");

        var (low, high) = Range(rule, peers, sample, warning, advanced);
        var xs = Enumerable.Range(0, Samples).Select(i => low + (high - low) * i / (Samples - 1)).ToArray();
        var ys = xs.Select(x => ScoreAmong(rule, direction, x, peers)).ToArray();
        double? score = sample is { } v && double.IsFinite(v) ? ScoreAmong(rule, direction, v, peers) : null;
        var svg = ScoringCurveChart.Svg(new ScoringCurveChart.Curve("评分曲线", unit, xs, ys, sample, score));
        var note = rule.IsPeerRelative ? $"与最近一期{peers.Count}个评价对象的数值比较得出。" : null;
        return new([], score, svg, note);
    }

    /// <summary>
    /// The engine's own formula checks (syntax with position, unknown measures, cycles) for a formula typed in the editor,
    /// against the codes that exist in the system.
    /// </summary>
    public static IReadOnlyList<string> ValidateFormula(string? formula, string ownCode, IReadOnlyCollection<string> knownCodes)
    {
        if (string.IsNullOrWhiteSpace(formula))
            return ["公式计算的指标必须填写公式，例如 [网上办件数] / [办件总数] * 100。"];
        var code = string.IsNullOrWhiteSpace(ownCode) ? "NEW" : ownCode;
        var definition = new ScoringModelDefinition([new ScoringLeaf(code, code, 100, IndicatorDirection.HigherIsBetter, new YesNoRule(), formula)])
        {
            BaseMeasures = knownCodes.Where(c => !string.Equals(c, code, StringComparison.OrdinalIgnoreCase)).ToList(),
        };
        return ScoringModel.Validate(definition).Errors.Select(e => e.Message).ToList();
    }

    private static double ScoreAmong(ScoringRule rule, IndicatorDirection direction, double value, IReadOnlyList<double> peers)
    {
        if (!rule.IsPeerRelative)
            return rule.Score(value, direction);
        var column = peers.Append(value).ToArray();
        var scores = new double[column.Length];
        rule.ScoreColumn(column, scores, direction);
        return scores[^1];
    }

    /// <summary>A plausible x range: the rule's own parameters, the peers, the thresholds and the sample, with a margin.</summary>
    private static (double Low, double High) Range(ScoringRule rule, IReadOnlyList<double> peers, double? sample, double? warning, double? advanced)
    {
        var points = new List<double>(peers);
        switch (rule)
        {
            case GoalpostRule g:
                points.Add(g.Best);
                points.Add(g.Worst);
                break;
            case BandsRule b:
                points.AddRange(b.Bands.SelectMany(x => new[] { x.Lower, x.Upper }).OfType<double>());
                break;
            case TargetRule t:
                points.Add(0);
                points.Add(t.Target * 1.5);
                break;
            case YesNoRule:
                points.Add(0);
                points.Add(1);
                break;
        }
        foreach (var v in new[] { sample, warning, advanced })
        {
            if (v is { } x && double.IsFinite(x))
                points.Add(x);
        }
        if (points.Count == 0)
            points.AddRange([0, 100]);
        var low = points.Min();
        var high = points.Max();
        var margin = high > low ? (high - low) * 0.1 : Math.Max(1, Math.Abs(low) * 0.1);
        return (low - margin, high + margin);
    }
}
