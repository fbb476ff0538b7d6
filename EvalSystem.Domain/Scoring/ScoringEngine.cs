using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

        // Where leaf l of target t is read: rawSource[t · stride + source[l]] (source −1 = absent). Without formulas or
        // carry-forward that is the input matrix itself, so nothing is copied.
        double[] rawSource;
        int stride;
        int[] source;
        byte[]? imputation = null;
        var carry = def.MissingData == MissingDataPolicy.CarryForward && input.PreviousValues is not null;
        if (model.Formulas.Length == 0 && !carry)
        {
            rawSource = input.Values;
            stride = measures;
            source = new int[leafCount];
            for (var l = 0; l < leafCount; l++)
                source[l] = columns.TryGetValue(model.Leaves[l].Code, out var c) ? c : -1;
        }
        else
        {
            rawSource = BuildRaw(model, input.Values, targets, measures, columns);
            stride = leafCount;
            source = new int[leafCount];
            for (var l = 0; l < leafCount; l++)
                source[l] = l;
            if (carry)
            {
                imputation = new byte[targets * leafCount];
                var previous = BuildRaw(model, input.PreviousValues!, targets, measures, columns);
                for (var i = 0; i < rawSource.Length; i++)
                {
                    if (double.IsNaN(rawSource[i]) && !double.IsNaN(previous[i]))
                    {
                        rawSource[i] = previous[i];
                        imputation[i] = (byte)Imputation.CarriedForward;
                    }
                }
            }
        }

        var reweight = def.MissingData == MissingDataPolicy.ExcludeAndReweight;
        var scoring = new LeafScoring(leafCount, rawSource, stride, source, reweight);
        var stats = PeerStatistics(model, rawSource, stride, source, targets);
        for (var l = 0; l < leafCount; l++)
        {
            var leaf = model.Leaves[l];
            if (source[l] < 0)
            {
                // Absent column: every target is missing; 0·NaN keeps NaN.
                scoring.SetLinear(l, LinearMap.Constant(0));
            }
            else if (leaf.Rule.TryGetLinearMap(stats[l], leaf.Direction, out var map))
            {
                scoring.SetLinear(l, map);
            }
            else if (!leaf.Rule.IsPeerRelative)
            {
                scoring.Kinds[l] = LeafKind.PerValue;
                scoring.Scorers[l] = model.CellScorers[l];
            }
            else
            {
                scoring.Kinds[l] = LeafKind.Column;
                var column = new double[targets];
                for (var t = 0; t < targets; t++)
                    column[t] = scoring.RawValue(t, l);
                var columnScores = new double[targets];
                leaf.Rule.ScoreColumn(column, columnScores, leaf.Direction);
                scoring.Columns[l] = columnScores;
            }
        }

        var nodeCount = model.NodeCount;
        var nodeScores = GC.AllocateUninitializedArray<double>(targets * nodeCount);
        var aggregates = new double[targets];
        var geometric = def.Aggregation == AggregationMethod.WeightedGeometric;
        var floor = def.GeometricFloor;
        var weights = model.ChildWeight;
        var plan = new RowPlan(scoring, targets);
        var leafRow = new double[leafCount];
        var scratch = new double[model.MaxChildren];
        for (var t = 0; t < targets; t++)
        {
            var nodeRow = nodeScores.AsSpan(t * nodeCount, nodeCount);
            if (ScoreRow(scoring, t, plan, leafRow))
            {
                imputation ??= new byte[targets * leafCount];
                var row = t * leafCount;
                for (var l = 0; l < leafCount; l++)
                {
                    if (!double.IsNaN(leafRow[l]))
                        continue;
                    if (reweight)
                    {
                        imputation[row + l] = (byte)Imputation.Reweighted;
                    }
                    else
                    {
                        // Also a carried-forward cell that still has no value: it falls back to zero and says so.
                        leafRow[l] = 0;
                        imputation[row + l] = (byte)Imputation.Zero;
                    }
                }
            }

            var aggregate = geometric
                ? Aggregation.Geometric(model, weights, leafRow, nodeRow, floor)
                : Aggregation.Arithmetic(model, weights, model.WeightSums, leafRow, nodeRow, scratch);
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
            model, input.TargetKeys, scoring, imputation, nodeScores, aggregates, adjustmentTotals, adjustmentUnits,
            adjustmentPoints, composites, ranks, compositeChanges, rankChanges);
    }

    /// <summary>
    /// The row plan: 256-bit blocks of four leaves read from four consecutive input columns (the usual case when measure
    /// codes are listed in leaf order) with at least two linear leaves, chosen greedily from the left, and single leaves
    /// for the rest. A block's non-linear lanes are computed by the vector as well and then overwritten ("patched") with
    /// their scalar score, which keeps the block loads aligned with the input row.
    /// </summary>
    private sealed class RowPlan
    {
        public RowPlan(LeafScoring scoring, int targets)
        {
            var count = scoring.Kinds.Length;
            var steps = new List<int>();
            var blocks = new List<VectorBlock>();
            for (var l = 0; l < count;)
            {
                var ok = Vector256.IsHardwareAccelerated && targets > 0 && l + 4 <= count
                    && scoring.Source[l] >= 0 && scoring.Source[l] + 4 <= scoring.Stride;
                var patch = 0;
                for (var i = 0; ok && i < 4; i++)
                {
                    ok = scoring.Source[l + i] == scoring.Source[l] + i;
                    if (scoring.Kinds[l + i] != LeafKind.Linear)
                        patch |= 1 << i;
                }

                if (ok && BitOperations.PopCount((uint)patch) <= 2)
                {
                    steps.Add(~blocks.Count);
                    blocks.Add(new VectorBlock(
                        l,
                        scoring.Source[l],
                        patch,
                        Vector256.Create(scoring.Offset.AsSpan(l, 4)),
                        Vector256.Create(scoring.Origin.AsSpan(l, 4)),
                        Vector256.Create(scoring.Slope.AsSpan(l, 4)),
                        Vector256.Create(scoring.Lo.AsSpan(l, 4)),
                        Vector256.Create(scoring.Hi.AsSpan(l, 4))));
                    l += 4;
                }
                else
                {
                    steps.Add(l);
                    l++;
                }
            }

            Steps = steps.ToArray();
            Blocks = blocks.ToArray();
        }

        /// <summary>≥ 0: a single leaf; &lt; 0: ~index into <see cref="Blocks"/>.</summary>
        public int[] Steps { get; }

        public VectorBlock[] Blocks { get; }
    }

    private readonly record struct VectorBlock(
        int Leaf, int Column, int Patch, Vector256<double> Offset, Vector256<double> Origin, Vector256<double> Slope, Vector256<double> Lo, Vector256<double> Hi);

    /// <summary>
    /// Scores one target's leaves into <paramref name="leafRow"/> (NaN = missing) and tells whether any is missing.
    /// The vector lanes do exactly the scalar arithmetic of <see cref="LeafScoring.Score"/> (no fused multiply-add),
    /// so both give identical bits.
    /// </summary>
    private static bool ScoreRow(LeafScoring scoring, int t, RowPlan plan, double[] leafRow)
    {
        var missing = false;
        var raw = scoring.Raw;
        var inRow = t * scoring.Stride;
        var kinds = scoring.Kinds;
        var source = scoring.Source;
        var offset = scoring.Offset;
        var origin = scoring.Origin;
        var slope = scoring.Slope;
        var lo = scoring.Lo;
        var hi = scoring.Hi;
        var blocks = plan.Blocks;
        var infinity = Vector256.Create(double.PositiveInfinity);
        var nan = Vector256.Create(double.NaN);
        // Bounds were checked once: the matrix has targets × stride cells and every block reads inside its row.
        ref var rawBase = ref MemoryMarshal.GetArrayDataReference(raw);
        ref var rowBase = ref MemoryMarshal.GetArrayDataReference(leafRow);
        foreach (var step in plan.Steps)
        {
            if (step < 0)
            {
                ref readonly var b = ref blocks[~step];
                var x = Vector256.LoadUnsafe(ref rawBase, (nuint)(inRow + b.Column));
                var finite = Vector256.LessThan(Vector256.Abs(x), infinity);
                var v = b.Offset + ((x - b.Origin) * b.Slope);
                v = Vector256.ConditionalSelect(Vector256.LessThan(v, b.Lo), b.Lo, v);
                v = Vector256.ConditionalSelect(Vector256.GreaterThan(v, b.Hi), b.Hi, v);
                v = Vector256.ConditionalSelect(finite, v, nan);
                v.StoreUnsafe(ref rowBase, (nuint)b.Leaf);
                missing |= !Vector256.EqualsAll(finite.AsUInt64(), Vector256<ulong>.AllBitsSet);
                for (var patch = b.Patch; patch != 0; patch &= patch - 1)
                {
                    var p = b.Leaf + BitOperations.TrailingZeroCount(patch);
                    var c = scoring.Score(t, p);
                    leafRow[p] = c;
                    missing |= double.IsNaN(c);
                }

                continue;
            }

            var l = step;
            double s;
            if (kinds[l] == LeafKind.Linear)
            {
                // Same expression as LeafScoring.Score, with the arrays hoisted out of the loop.
                var c = source[l];
                var x = c >= 0 ? raw[inRow + c] : double.NaN;
                x = double.IsFinite(x) ? x : double.NaN;
                s = offset[l] + ((x - origin[l]) * slope[l]);
                s = s < lo[l] ? lo[l] : (s > hi[l] ? hi[l] : s);
            }
            else
            {
                s = scoring.Score(t, l);
            }

            leafRow[l] = s;
            missing |= double.IsNaN(s);
        }

        return missing;
    }

    /// <summary>
    /// Peer statistics of every column that has a peer-relative rule, in one row-major pass over the raw matrix
    /// (reading the matrix is what costs; one strided pass per column would read it once per column).
    /// </summary>
    private static ColumnStats[] PeerStatistics(ScoringModel model, double[] raw, int stride, int[] source, int targets)
    {
        var leafCount = model.LeafCount;
        var stats = new ColumnStats[leafCount];
        var leaves = new List<int>();
        for (var l = 0; l < leafCount; l++)
        {
            stats[l] = ColumnStats.Empty;
            if (model.Leaves[l].Rule.StatsLevel >= 1 && source[l] >= 0)
                leaves.Add(l);
        }

        if (leaves.Count == 0)
            return stats;
        var columns = leaves.Select(l => source[l]).ToArray();
        var levels = leaves.Select(l => model.Leaves[l].Rule.StatsLevel).ToArray();
        var acc = leaves.Select(_ => ColumnStats.Empty).ToArray();
        for (var t = 0; t < targets; t++)
        {
            var inRow = t * stride;
            for (var j = 0; j < columns.Length; j++)
            {
                var x = raw[inRow + columns[j]];
                if (double.IsFinite(x))
                    acc[j].Add(x, levels[j]);
            }
        }

        for (var j = 0; j < leaves.Count; j++)
            stats[leaves[j]] = acc[j];
        return stats;
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
