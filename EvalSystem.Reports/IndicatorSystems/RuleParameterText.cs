using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>
/// 评分规则 / 规则参数: a scoring rule written as two readable Excel cells, a Chinese type name and a parameter text
/// such as "最优=0.5；最差=20" or "(-∞,1]=100；(1,3]=80；(3,+∞)=0". <see cref="Format"/> and <see cref="TryParse"/> are exact
/// inverses: numbers are written in shortest round-trip form and every bracket reflects the band's inclusive flag.
/// </summary>
public static partial class RuleParameterText
{
    public const string Goalpost = "前沿距离";
    public const string MinMax = "极差标准化";
    public const string ZScore = "标准分";
    public const string Bands = "分档";
    public const string Target = "目标达成";
    public const string RankPoints = "排名赋分";
    public const string YesNo = "是否达成";

    /// <summary>The Chinese type names in the order the template lists them.</summary>
    public static IReadOnlyList<string> TypeNames { get; } = [Goalpost, MinMax, ZScore, Bands, Target, RankPoints, YesNo];

    // The JSON discriminators are accepted too, for offices that copy rules from the seed files.
    private static readonly Dictionary<string, string> JsonTypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["goalpost"] = Goalpost,
        ["minmax"] = MinMax,
        ["zscore"] = ZScore,
        ["bands"] = Bands,
        ["target"] = Target,
        ["rankpoints"] = RankPoints,
        ["yesno"] = YesNo,
    };

    private static readonly int DefaultMaxWinsorized = new MinMaxRule().MaxWinsorized;

    /// <summary>True for a Chinese type name or a JSON discriminator (goalpost, minmax, …).</summary>
    public static bool IsKnownType(string type)
    {
        var name = (type ?? string.Empty).Trim();
        return TypeNames.Contains(name) || JsonTypeNames.ContainsKey(name);
    }

    /// <summary>The Chinese type name of a rule (the 评分规则 cell).</summary>
    public static string TypeName(ScoringRule rule) => rule switch
    {
        GoalpostRule => Goalpost,
        MinMaxRule => MinMax,
        ZScoreRule => ZScore,
        BandsRule => Bands,
        TargetRule => Target,
        RankPointsRule => RankPoints,
        YesNoRule => YesNo,
        _ => throw new ArgumentException($"未知的评分规则类型 {rule?.GetType().Name}。", nameof(rule)),
    };

    /// <summary>The parameter text of a rule (the 规则参数 cell); empty for rules without parameters.</summary>
    public static string Format(ScoringRule rule) => rule switch
    {
        GoalpostRule g => $"最优={Number(g.Best)}；最差={Number(g.Worst)}",
        MinMaxRule { Winsorize: false } m when m.MaxWinsorized == DefaultMaxWinsorized => "缩尾=否",
        MinMaxRule m => $"缩尾={(m.Winsorize ? "是" : "否")}；最多缩尾={m.MaxWinsorized.ToString(CultureInfo.InvariantCulture)}",
        BandsRule b => string.Join("；", b.Bands.Select(FormatBand)),
        TargetRule t => $"目标={Number(t.Target)}；封顶={Number(t.Cap)}",
        RankPointsRule r => string.Join(",", r.Points.Select(Number)),
        ZScoreRule or YesNoRule => string.Empty,
        _ => throw new ArgumentException($"未知的评分规则类型 {rule?.GetType().Name}。", nameof(rule)),
    };

    /// <summary>
    /// Parses a type name (Chinese, or the JSON discriminator) and its parameter text into a rule the rule itself accepts
    /// (<see cref="ScoringRule.Validate"/>). On failure <paramref name="error"/> is a Chinese sentence naming the problem.
    /// </summary>
    public static bool TryParse(string type, string? text, [NotNullWhen(true)] out ScoringRule? rule, out string error)
    {
        rule = null;
        var name = (type ?? string.Empty).Trim();
        if (JsonTypeNames.TryGetValue(name, out var chinese))
            name = chinese;
        text = (text ?? string.Empty).Trim();
        error = name switch
        {
            Goalpost => ParseGoalpost(text, out rule),
            MinMax => ParseMinMax(text, out rule),
            ZScore => NoParameters(ZScore, text, new ZScoreRule(), out rule),
            Bands => ParseBands(text, out rule),
            Target => ParseTarget(text, out rule),
            RankPoints => ParseRankPoints(text, out rule),
            YesNo => NoParameters(YesNo, text, new YesNoRule(), out rule),
            "" => "未填写评分规则。",
            _ => $"未知的评分规则「{name}」，可选：{string.Join("、", TypeNames)}。",
        };

        if (error.Length == 0 && rule is not null)
        {
            var problems = rule.Validate();
            if (problems.Count > 0)
                error = string.Concat(problems);
        }

        if (error.Length > 0)
        {
            rule = null;
            return false;
        }

        return rule is not null;
    }

    /// <summary>Shortest text that parses back to the same double (invariant culture).</summary>
    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static bool TryParseNumber(string text, out double value)
        => double.TryParse(text.Trim().Replace('−', '-'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string FormatBand(Band b)
    {
        var lower = b.Lower is { } lo ? Number(lo) : "-∞";
        var upper = b.Upper is { } hi ? Number(hi) : "+∞";
        return $"{(b.LowerInclusive ? '[' : '(')}{lower},{upper}{(b.UpperInclusive ? ']' : ')')}={Number(b.Score)}";
    }

    private static string NoParameters(string type, string text, ScoringRule parameterless, out ScoringRule? rule)
    {
        rule = text.Length == 0 ? parameterless : null;
        return text.Length == 0 ? string.Empty : $"{type}规则没有参数，规则参数应留空（当前为「{text}」）。";
    }

    private static string ParseGoalpost(string text, out ScoringRule? rule)
    {
        rule = null;
        var error = ParsePairs(Goalpost, text, ["最优", "最差"], "最优=0.5；最差=20", out var pairs);
        if (error.Length > 0)
            return error;
        error = Required(Goalpost, pairs, "最优", "最优=0.5；最差=20", out var best) + Required(Goalpost, pairs, "最差", "最优=0.5；最差=20", out var worst);
        if (error.Length == 0)
            rule = new GoalpostRule(best, worst);
        return error;
    }

    private static string ParseTarget(string text, out ScoringRule? rule)
    {
        rule = null;
        var error = ParsePairs(Target, text, ["目标", "封顶"], "目标=100；封顶=1", out var pairs);
        if (error.Length > 0)
            return error;
        error = Required(Target, pairs, "目标", "目标=100；封顶=1", out var target);
        var cap = 1.0;
        if (pairs.TryGetValue("封顶", out var capText) && !TryParseNumber(capText, out cap))
            error += NotANumber("封顶", capText);
        if (error.Length == 0)
            rule = new TargetRule(target, cap);
        return error;
    }

    private static string ParseMinMax(string text, out ScoringRule? rule)
    {
        rule = null;
        var error = ParsePairs(MinMax, text, ["缩尾", "最多缩尾"], "缩尾=是；最多缩尾=2", out var pairs);
        if (error.Length > 0)
            return error;
        var winsorize = false;
        if (pairs.TryGetValue("缩尾", out var yesNo))
        {
            switch (yesNo)
            {
                case "是" or "true" or "True" or "TRUE":
                    winsorize = true;
                    break;
                case "否" or "false" or "False" or "FALSE":
                    break;
                default:
                    error += $"「缩尾」只能填「是」或「否」（当前为「{yesNo}」）。";
                    break;
            }
        }

        var max = DefaultMaxWinsorized;
        if (pairs.TryGetValue("最多缩尾", out var maxText) && !int.TryParse(maxText, NumberStyles.Integer, CultureInfo.InvariantCulture, out max))
            error += $"「最多缩尾」必须是整数（当前为「{maxText}」）。";
        if (error.Length == 0)
            rule = new MinMaxRule(winsorize, max);
        return error;
    }

    private static string ParseRankPoints(string text, out ScoringRule? rule)
    {
        rule = null;
        var parts = ListSeparator().Split(text).Where(p => p.Length > 0).ToArray();
        if (parts.Length == 0)
            return "排名赋分规则需要按名次列出分值，例如「100,90,80,70」。";
        var points = new List<double>();
        var error = string.Empty;
        for (var i = 0; i < parts.Length; i++)
        {
            if (TryParseNumber(parts[i], out var p))
                points.Add(p);
            else
                error += $"排名赋分第{i + 1}个分值「{parts[i]}」不是数字。";
        }

        if (error.Length == 0)
            rule = new RankPointsRule(points);
        return error;
    }

    private static string ParseBands(string text, out ScoringRule? rule)
    {
        rule = null;
        var segments = SegmentSeparator().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        if (segments.Length == 0)
            return "分档规则需要逐档填写区间和得分，例如「(-∞,1]=100；(1,3]=80；(3,+∞)=0」。";
        var bands = new List<Band>();
        var error = string.Empty;
        for (var i = 0; i < segments.Length; i++)
        {
            var problem = ParseBand(segments[i], out var band);
            if (band is not null)
                bands.Add(band);
            else
                error += $"第{i + 1}档「{segments[i]}」{problem}";
        }

        if (error.Length == 0)
            rule = new BandsRule(bands);
        return error;
    }

    private static string ParseBand(string segment, out Band? band)
    {
        band = null;
        var m = BandPattern().Match(segment);
        if (!m.Success)
            return "格式不正确，应写作「(下限,上限]=得分」，例如「(1,3]=80」，无下限写 -∞，无上限写 +∞。";
        double? lower = null, upper = null;
        var error = string.Empty;
        var lowerText = m.Groups["lo"].Value.Trim();
        var upperText = m.Groups["hi"].Value.Trim();
        if (!IsInfinity(lowerText, negative: true))
        {
            if (TryParseNumber(lowerText, out var lo))
                lower = lo;
            else
                error += $"下限「{lowerText}」不是数字（无下限写 -∞）。";
        }

        if (!IsInfinity(upperText, negative: false))
        {
            if (TryParseNumber(upperText, out var hi))
                upper = hi;
            else
                error += $"上限「{upperText}」不是数字（无上限写 +∞）。";
        }

        var scoreText = m.Groups["score"].Value.Trim();
        if (!TryParseNumber(scoreText, out var score))
            error += $"得分「{scoreText}」不是数字。";
        if (error.Length > 0)
            return error;
        band = new Band(lower, upper, IsInclusive(m.Groups["open"].Value[0]), IsInclusive(m.Groups["close"].Value[0]), score);
        return string.Empty;
    }

    private static bool IsInclusive(char bracket) => bracket is '[' or ']' or '［' or '］' or '【' or '】';

    private static bool IsInfinity(string text, bool negative)
    {
        var t = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('−', '-').ToLowerInvariant();
        return negative ? t is "-∞" or "-inf" or "-infinity" : t is "+∞" or "∞" or "+inf" or "inf" or "+infinity" or "infinity";
    }

    /// <summary>Splits "键=值；键=值" into a dictionary, rejecting unknown and repeated keys.</summary>
    private static string ParsePairs(string type, string text, string[] keys, string example, out Dictionary<string, string> pairs)
    {
        pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var error = string.Empty;
        foreach (var part in PairSeparator().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var eq = part.IndexOfAny(['=', '＝']);
            if (eq <= 0)
            {
                error += $"「{part}」应写作「参数=数值」，例如「{example}」。";
                continue;
            }

            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (!keys.Contains(key))
                error += $"{type}规则没有参数「{key}」，可用参数为：{string.Join("、", keys)}。";
            else if (!pairs.TryAdd(key, value))
                error += $"参数「{key}」重复填写。";
        }

        return error;
    }

    private static string Required(string type, Dictionary<string, string> pairs, string key, string example, out double value)
    {
        value = 0;
        if (!pairs.TryGetValue(key, out var text))
            return $"{type}规则缺少参数「{key}」，应写作「{example}」。";
        return TryParseNumber(text, out value) ? string.Empty : NotANumber(key, text);
    }

    private static string NotANumber(string key, string text) => $"「{key}」的值「{text}」不是数字。";

    [GeneratedRegex(@"[;；\r\n,，、]+")]
    private static partial Regex PairSeparator();

    [GeneratedRegex(@"[;；\r\n]+")]
    private static partial Regex SegmentSeparator();

    [GeneratedRegex(@"[\s;；,，、]+")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^(?<open>[\[\(（［【])(?<lo>[^,，]*)[,，](?<hi>[^\]\)）］】]*)(?<close>[\]\)）］】])\s*[=＝:：]\s*(?<score>\S+)$")]
    private static partial Regex BandPattern();
}
