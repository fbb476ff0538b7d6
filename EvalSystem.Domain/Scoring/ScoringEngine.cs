using NCalc;

namespace EvalSystem.Domain.Scoring;

/// <summary>
/// 计分引擎: raw values of one period → indicator scores → node scores → composite → rank. Pure and deterministic.
/// Steps (docs/methodology.md): formulas, carry-forward, peer statistics per column, one fused row-major pass that scores
/// the linear rules, applies the missing-data policy and aggregates the tree, then adjustments, clipping and ranking.
/// </summary>
public static class ScoringEngine
{
    public static ScoringResult Compute(ScoringModel model, ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        var targets = input.TargetKeys.Count;
        var measures = input.MeasureCodes.Count;
        if (input.Values.Length != targets * measures)
            throw new ArgumentException($"原始数据矩阵应有{targets}×{measures}个数值，实际为{input.Values.Length}个。", nameof(input));
        if (input.PreviousValues is { } pv && pv.Length != input.Values.Length)
            throw new ArgumentException("上期数据矩阵的形状必须与本期相同。", nameof(input));
        if (new HashSet<string>(input.TargetKeys, StringComparer.Ordinal).Count != targets)
            throw new ArgumentException("评价对象标识重复。", nameof(input));

        var columns = MeasureColumns(input.MeasureCodes);
        var leafCount = model.LeafCount;
        var def = model.Definition;

        var raw = BuildRaw(model, input.Values, targets, measures, columns);
        var imputation = new byte[raw.Length];
        if (def.MissingData == MissingDataPolicy.CarryForward && input.PreviousValues is { } previousValues)
        {
            var previous = BuildRaw(model, previousValues, targets, measures, columns);
            for (var i = 0; i < raw.Length; i++)
            {
                if (double.IsNaN(raw[i]) && !double.IsNaN(previous[i]))
                {
                    raw[i] = previous[i];
                    imputation[i] = (byte)Imputation.CarriedForward;
                }
            }
        }

        // Per leaf: a linear map (fused into the row pass) or a column scored here and left in `scores`.
        var scores = new double[raw.Length];
        var maps = new LinearMap[leafCount];
        var linear = new bool[leafCount];
        double[]? column = null, columnScores = null;
        for (var l = 0; l < leafCount; l++)
        {
            var leaf = model.Leaves[l];
            if (!leaf.Rule.LinearMapNeedsColumn && leaf.Rule.TryGetLinearMap(default, leaf.Direction, out maps[l]))
            {
                linear[l] = true;
                continue;
            }

            column ??= new double[targets];
            columnScores ??= new double[targets];
            for (var t = 0; t < targets; t++)
                column[t] = raw[(t * leafCount) + l];
            if (leaf.Rule.TryGetLinearMap(column, leaf.Direction, out maps[l]))
            {
                linear[l] = true;
                continue;
            }

            leaf.Rule.ScoreColumn(column, columnScores, leaf.Direction);
            for (var t = 0; t < targets; t++)
                scores[(t * leafCount) + l] = columnScores[t];
        }

        var nodeCount = model.NodeCount;
        var nodeScores = new double[targets * nodeCount];
        var aggregates = new double[targets];
        var reweight = def.MissingData == MissingDataPolicy.ExcludeAndReweight;
        var geometric = def.Aggregation == AggregationMethod.WeightedGeometric;
        var floor = def.GeometricFloor;
        var weights = model.ChildWeight;
        for (var t = 0; t < targets; t++)
        {
            var row = t * leafCount;
            for (var l = 0; l < leafCount; l++)
            {
                var s = linear[l] ? maps[l].Apply(raw[row + l]) : scores[row + l];
                if (double.IsNaN(s))
                {
                    if (reweight)
                    {
                        imputation[row + l] = (byte)Imputation.Reweighted;
                    }
                    else
                    {
                        s = 0;
                        imputation[row + l] = (byte)Imputation.Zero;
                    }
                }

                scores[row + l] = s;
            }

            var leafRow = scores.AsSpan(row, leafCount);
            var nodeRow = nodeScores.AsSpan(t * nodeCount, nodeCount);
            var aggregate = geometric
                ? Aggregation.Geometric(model, weights, leafRow, nodeRow, floor)
                : Aggregation.Arithmetic(model, weights, leafRow, nodeRow);
            // Nothing measured at all: no points rather than no score, so the target still ranks (last).
            aggregates[t] = double.IsNaN(aggregate) ? 0 : aggregate;
        }

        var (adjustmentUnits, adjustmentPoints, adjustmentTotals) = Adjustments(def, input, targets);
        var composites = new double[targets];
        for (var t = 0; t < targets; t++)
            composites[t] = Math.Clamp(aggregates[t] + adjustmentTotals[t], 0.0, 100.0);

        var ranks = new int[targets];
        Ranking.Competition(composites, def.TieTolerance, ranks);

        var compositeChanges = new double?[targets];
        var rankChanges = new int?[targets];
        if (input.Previous is { } previousStandings)
        {
            for (var t = 0; t < targets; t++)
            {
                if (previousStandings.TryGetValue(input.TargetKeys[t], out var p))
                {
                    compositeChanges[t] = composites[t] - p.Composite;
                    rankChanges[t] = p.Rank - ranks[t];
                }
            }
        }

        return new ScoringResult(
            model, input.TargetKeys, raw, imputation, scores, nodeScores, aggregates, adjustmentTotals, adjustmentUnits,
            adjustmentPoints, composites, ranks, compositeChanges, rankChanges);
    }

    private static Dictionary<string, int> MeasureColumns(IReadOnlyList<string> codes)
    {
        var map = new Dictionary<string, int>(codes.Count, StringComparer.Ordinal);
        for (var m = 0; m < codes.Count; m++)
        {
            if (!map.TryAdd(codes[m], m))
                throw new ArgumentException($"度量编码「{codes[m]}」重复。", nameof(codes));
        }

        return map;
    }

    /// <summary>Row-major [target × leaf] raw values: the leaf's input column (non-finite → NaN), formulas evaluated on top.</summary>
    private static double[] BuildRaw(ScoringModel model, double[] values, int targets, int measures, Dictionary<string, int> columns)
    {
        var leafCount = model.LeafCount;
        var source = new int[leafCount];
        for (var l = 0; l < leafCount; l++)
            source[l] = model.Leaves[l].Formula is null && columns.TryGetValue(model.Leaves[l].Code, out var c) ? c : -1;

        var raw = new double[targets * leafCount];
        for (var t = 0; t < targets; t++)
        {
            var inRow = t * measures;
            var outRow = t * leafCount;
            for (var l = 0; l < leafCount; l++)
            {
                var c = source[l];
                var x = c >= 0 ? values[inRow + c] : double.NaN;
                raw[outRow + l] = double.IsFinite(x) ? x : double.NaN;
            }
        }

        foreach (var plan in model.Formulas)
        {
            var expression = new Expression(plan.Formula);
            var parameterValues = new double[plan.Parameters.Length];
            var parameterColumns = plan.Parameters.Select(p => columns.TryGetValue(p, out var c) ? c : -1).ToArray();
            for (var t = 0; t < targets; t++)
            {
                for (var p = 0; p < parameterValues.Length; p++)
                {
                    var leaf = plan.ParameterLeaf[p];
                    var c = parameterColumns[p];
                    var x = leaf >= 0 ? raw[(t * leafCount) + leaf] : c >= 0 ? values[(t * measures) + c] : double.NaN;
                    parameterValues[p] = double.IsFinite(x) ? x : double.NaN;
                }

                raw[(t * leafCount) + plan.LeafIndex] = FormulaPlan.Evaluate(expression, plan, parameterValues);
            }
        }

        return raw;
    }

    private static (double[] Units, double[] Points, double[] Totals) Adjustments(ScoringModelDefinition def, ScoringInput input, int targets)
    {
        var items = def.Adjustments;
        var units = new double[targets * items.Count];
        var points = new double[targets * items.Count];
        var totals = new double[targets];
        if (items.Count == 0)
            return (units, points, totals);

        var width = input.AdjustmentCodes.Count;
        if (input.AdjustmentUnits is { } given && given.Length != targets * width)
            throw new ArgumentException($"加减分数据矩阵应有{targets}×{width}个数值，实际为{given.Length}个。", nameof(input));
        var sourceOf = new int[items.Count];
        for (var a = 0; a < items.Count; a++)
            sourceOf[a] = IndexOf(input.AdjustmentCodes, items[a].Code);
        for (var c = 0; c < width; c++)
        {
            if (!items.Any(i => i.Code == input.AdjustmentCodes[c]))
                throw new ArgumentException($"加减分项「{input.AdjustmentCodes[c]}」不在指标体系中。", nameof(input));
        }

        for (var t = 0; t < targets; t++)
        {
            double total = 0;
            for (var a = 0; a < items.Count; a++)
            {
                var u = sourceOf[a] >= 0 && input.AdjustmentUnits is { } au ? au[(t * width) + sourceOf[a]] : 0;
                u = double.IsFinite(u) ? u : 0;
                var p = u * items[a].PointsPerUnit;
                if (items[a].Cap is { } cap)
                    p = Math.Clamp(p, -cap, cap);
                units[(t * items.Count) + a] = u;
                points[(t * items.Count) + a] = p;
                total += p;
            }

            if (def.MaxTotalAdjustment is { } max)
                total = Math.Clamp(total, -max, max);
            totals[t] = total;
        }

        return (units, points, totals);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }
}
