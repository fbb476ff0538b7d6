using EvalSystem.Domain.Scoring;
using EvalSystem.Domain.Supervision;

namespace EvalSystem.Domain.Indicators;

/// <summary>Turns a stored indicator system version into the scoring engine's model definition.</summary>
public static class IndicatorSystemScoring
{
    public static ScoringModelDefinition ToScoringDefinition(this IndicatorSystem system)
    {
        var errors = new List<ValidationError>();
        ScoringElement Map(IndicatorNode node)
        {
            if (node.Kind == NodeKind.Group)
                return new ScoringNode(node.Code, node.NameZh, (double)node.Weight, system.ChildrenOf(node).Select(Map).ToList());
            ScoringRule rule = new YesNoRule();
            if (node.RuleJson is null)
                errors.Add(new ValidationError(node.Code, $"指标「{node.NameZh}」还没有评分规则。"));
            else
            {
                try
                {
                    rule = ScoringRuleJson.Deserialize(node.RuleJson);
                }
                catch (ScoringValidationException ex)
                {
                    errors.Add(new ValidationError(node.Code, $"指标「{node.NameZh}」的评分规则无效：{ex.Message}"));
                }
            }
            return new ScoringLeaf(node.Code, node.NameZh, (double)node.Weight,
                node.Direction ?? IndicatorDirection.HigherIsBetter, rule, node.Formula);
        }

        var definition = new ScoringModelDefinition(system.ChildrenOf(null).Select(Map).ToList())
        {
            Aggregation = system.Aggregation,
            MissingData = system.MissingData,
            Adjustments = system.OverduePenaltyPerTask is { } points ? [SupervisionPenalty.Item(points, system.OverduePenaltyCap)] : [],
        };
        if (errors.Count > 0)
            throw new ScoringValidationException(errors);
        return definition;
    }
}
