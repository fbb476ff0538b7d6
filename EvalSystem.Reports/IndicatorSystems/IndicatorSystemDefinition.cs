using EvalSystem.Domain.Scoring;

namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>Builds the scoring engine's definition from pre-ordered rows (a row's parent is the closest preceding row one level up).</summary>
internal static class IndicatorSystemDefinition
{
    public static ScoringModelDefinition From(IReadOnlyList<IndicatorRow> rows)
    {
        var index = 0;

        List<ScoringElement> Children(int level)
        {
            var children = new List<ScoringElement>();
            while (index < rows.Count && rows[index].Level == level)
            {
                var row = rows[index++];
                // A missing rule stays null so that ScoringModel.Validate reports it ("没有评分规则").
                children.Add(row.IsIndicator
                    ? new ScoringLeaf(row.Code, row.NameZh, (double)row.Weight, row.Direction ?? IndicatorDirection.HigherIsBetter,
                        row.RuleJson is null ? null! : ScoringRuleJson.Deserialize(row.RuleJson), row.Formula)
                    : new ScoringNode(row.Code, row.NameZh, (double)row.Weight, Children(level + 1)));
            }

            return children;
        }

        return new ScoringModelDefinition(Children(1));
    }
}
