using EvalSystem.Domain.Scoring;

namespace EvalSystem.Web.Features.Indicators;

/// <summary>The rule editor's form: one rule type and its parameters, to and from the stored JSON.</summary>
public sealed class RuleForm
{
    public static readonly IReadOnlyList<(string Type, string Label)> Types =
    [
        ("goalpost", "前沿距离（固定目标值）"),
        ("minmax", "极差标准化（同期比较）"),
        ("zscore", "标准分（同期比较）"),
        ("bands", "分档赋分"),
        ("target", "目标达成"),
        ("rankpoints", "排名赋分"),
        ("yesno", "是否达成"),
    ];

    public string Type { get; set; } = "goalpost";
    public double Best { get; set; }
    public double Worst { get; set; } = 100;
    public bool Winsorize { get; set; } = true;
    public int MaxWinsorized { get; set; } = 2;
    public double Target { get; set; } = 100;
    public double Cap { get; set; } = 1;
    public string Points { get; set; } = "100,90,80,70,60";
    public List<BandRow> Bands { get; set; } =
    [
        new() { Lower = null, Upper = 1, UpperInclusive = true, Score = 100 },
        new() { Lower = 1, Upper = null, Score = 0 },
    ];

    public sealed class BandRow
    {
        public double? Lower { get; set; }
        public double? Upper { get; set; }
        public bool LowerInclusive { get; set; }
        public bool UpperInclusive { get; set; }
        public double Score { get; set; }
    }

    public static RuleForm FromJson(string? json)
    {
        var form = new RuleForm();
        if (string.IsNullOrWhiteSpace(json))
            return form;
        try
        {
            switch (ScoringRuleJson.Deserialize(json))
            {
                case GoalpostRule g: form.Type = "goalpost"; form.Best = g.Best; form.Worst = g.Worst; break;
                case MinMaxRule m: form.Type = "minmax"; form.Winsorize = m.Winsorize; form.MaxWinsorized = m.MaxWinsorized; break;
                case ZScoreRule: form.Type = "zscore"; break;
                case BandsRule b:
                    form.Type = "bands";
                    form.Bands = b.Bands.Select(x => new BandRow { Lower = x.Lower, Upper = x.Upper, LowerInclusive = x.LowerInclusive, UpperInclusive = x.UpperInclusive, Score = x.Score }).ToList();
                    break;
                case TargetRule t: form.Type = "target"; form.Target = t.Target; form.Cap = t.Cap; break;
                case RankPointsRule r: form.Type = "rankpoints"; form.Points = string.Join(",", r.Points); break;
                case YesNoRule: form.Type = "yesno"; break;
            }
        }
        catch (ScoringValidationException)
        {
            // An unreadable stored rule opens as a fresh form; the validation panel names the problem.
        }
        return form;
    }

    /// <summary>The rule as JSON, or the reason it cannot be built (e.g. rank points that are not numbers).</summary>
    public (string? Json, string? Error) ToJson()
    {
        ScoringRule? rule = Type switch
        {
            "goalpost" => new GoalpostRule(Best, Worst),
            "minmax" => new MinMaxRule(Winsorize, MaxWinsorized),
            "zscore" => new ZScoreRule(),
            "bands" => new BandsRule(Bands.Select(b => new Band(b.Lower, b.Upper, b.LowerInclusive, b.UpperInclusive, b.Score)).ToList()),
            "target" => new TargetRule(Target, Cap),
            "yesno" => new YesNoRule(),
            "rankpoints" => ParsePoints() is { } points ? new RankPointsRule(points) : null,
            _ => null,
        };
        return rule is null
            ? (null, Type == "rankpoints" ? "排名赋分的分值必须是用逗号分隔的数字，例如 100,90,80。" : "请选择评分规则。")
            : (ScoringRuleJson.Serialize(rule), null);
    }

    private List<double>? ParsePoints()
    {
        var parts = Points.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries);
        var values = new List<double>();
        foreach (var part in parts)
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                return null;
            values.Add(v);
        }
        return values.Count > 0 ? values : null;
    }
}
