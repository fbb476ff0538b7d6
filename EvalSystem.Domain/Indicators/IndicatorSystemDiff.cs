namespace EvalSystem.Domain.Indicators;

public enum ChangeKind
{
    Added,
    Removed,
    Renamed,
    WeightChanged,
    RuleChanged,
    DefinitionChanged,
    Moved,
    MethodChanged,
}

/// <summary>One difference between two versions of an indicator system, by indicator code.</summary>
public sealed record IndicatorChange(ChangeKind Kind, string Code, string Name, string? Before, string? After)
{
    public string KindLabel => Kind switch
    {
        ChangeKind.Added => "新增",
        ChangeKind.Removed => "删除",
        ChangeKind.Renamed => "改名",
        ChangeKind.WeightChanged => "权重调整",
        ChangeKind.RuleChanged => "评分规则调整",
        ChangeKind.DefinitionChanged => "属性调整",
        ChangeKind.Moved => "移动",
        ChangeKind.MethodChanged => "计分方法调整",
        _ => Kind.ToString(),
    };
}

/// <summary>版本对比: what changed between two versions — weights, rules, added and removed indicators.</summary>
public static class IndicatorSystemDiff
{
    public static IReadOnlyList<IndicatorChange> Compare(IndicatorSystem before, IndicatorSystem after)
    {
        var old = before.Nodes.ToDictionary(n => n.Code, StringComparer.OrdinalIgnoreCase);
        var current = after.Nodes.ToDictionary(n => n.Code, StringComparer.OrdinalIgnoreCase);
        string? ParentCode(IndicatorSystem system, IndicatorNode node) =>
            node.ParentId is { } id ? system.Nodes.Single(n => n.Id == id).Code : null;

        var changes = new List<IndicatorChange>();
        foreach (var node in after.Nodes.OrderBy(n => n.Level).ThenBy(n => n.SortOrder))
        {
            if (!old.TryGetValue(node.Code, out var was))
            {
                changes.Add(new(ChangeKind.Added, node.Code, node.NameZh, null, $"{node.NameZh}（{node.Weight:0.##}%）"));
                continue;
            }
            if (was.NameZh != node.NameZh)
                changes.Add(new(ChangeKind.Renamed, node.Code, node.NameZh, was.NameZh, node.NameZh));
            if (ParentCode(before, was) != ParentCode(after, node))
                changes.Add(new(ChangeKind.Moved, node.Code, node.NameZh, ParentCode(before, was) ?? "（顶层）", ParentCode(after, node) ?? "（顶层）"));
            if (was.Weight != node.Weight)
                changes.Add(new(ChangeKind.WeightChanged, node.Code, node.NameZh, $"{was.Weight:0.##}%", $"{node.Weight:0.##}%"));
            if (Normalized(was.RuleJson) != Normalized(node.RuleJson) || was.Formula != node.Formula)
                changes.Add(new(ChangeKind.RuleChanged, node.Code, node.NameZh, Describe(was.RuleJson, was.Formula), Describe(node.RuleJson, node.Formula)));
            if (was.Unit != node.Unit || was.Direction != node.Direction || was.Source != node.Source
                || was.ResponsibleDepartmentId != node.ResponsibleDepartmentId || was.WarningValue != node.WarningValue
                || was.AdvancedValue != node.AdvancedValue || !was.SupportingDepartmentIds.Order().SequenceEqual(node.SupportingDepartmentIds.Order()))
                changes.Add(new(ChangeKind.DefinitionChanged, node.Code, node.NameZh, null, null));
        }
        foreach (var node in before.Nodes.Where(n => !current.ContainsKey(n.Code)).OrderBy(n => n.Level).ThenBy(n => n.SortOrder))
            changes.Add(new(ChangeKind.Removed, node.Code, node.NameZh, $"{node.NameZh}（{node.Weight:0.##}%）", null));
        if (before.Aggregation != after.Aggregation)
            changes.Add(new(ChangeKind.MethodChanged, "", "聚合方法", Label(before.Aggregation), Label(after.Aggregation)));
        if (before.MissingData != after.MissingData)
            changes.Add(new(ChangeKind.MethodChanged, "", "缺失值处理", Label(before.MissingData), Label(after.MissingData)));
        var penaltyBefore = Supervision.SupervisionPenalty.Describe(before.OverduePenaltyPerTask, before.OverduePenaltyCap);
        var penaltyAfter = Supervision.SupervisionPenalty.Describe(after.OverduePenaltyPerTask, after.OverduePenaltyCap);
        if (penaltyBefore != penaltyAfter)
            changes.Add(new(ChangeKind.MethodChanged, "", Supervision.SupervisionPenalty.AdjustmentName + "扣分", penaltyBefore, penaltyAfter));
        return changes;
    }

    private static string Label(Scoring.AggregationMethod method) =>
        method == Scoring.AggregationMethod.WeightedGeometric ? "加权几何平均" : "加权算术平均";

    private static string Label(Scoring.MissingDataPolicy policy) => policy switch
    {
        Scoring.MissingDataPolicy.Zero => "计零分",
        Scoring.MissingDataPolicy.CarryForward => "沿用上期值",
        _ => "剔除并重新分配权重",
    };

    /// <summary>The same rule may be stored with different white space or property order; compare its canonical form.</summary>
    private static string? Normalized(string? ruleJson)
    {
        if (ruleJson is null)
            return null;
        try
        {
            return Scoring.ScoringRuleJson.Serialize(Scoring.ScoringRuleJson.Deserialize(ruleJson));
        }
        catch (Scoring.ScoringValidationException)
        {
            return ruleJson;
        }
    }

    private static string? Describe(string? ruleJson, string? formula) =>
        formula is null ? ruleJson : $"{ruleJson}；公式 {formula}";
}
