using NCalc;

namespace EvalSystem.Domain.Scoring;

/// <summary>
/// A validated indicator system, flattened into arrays once so that the engine walks indices, not objects.
/// Immutable and safe to share between threads. Create with <see cref="Build"/>; check first with <see cref="Validate"/>.
/// </summary>
public sealed class ScoringModel
{
    internal const string RootPath = "$";

    private ScoringModel(ScoringModelDefinition definition)
    {
        Definition = definition;
        var leaves = new List<ScoringLeaf>();
        var leafPaths = new List<string>();
        var nodes = new List<ScoringNode?>();
        var nodePaths = new List<string>();
        var nodeLevels = new List<int>();
        var childStart = new List<int>();
        var childItem = new List<int>();
        var childWeight = new List<double>();

        // Post-order: every inner node comes after its children, the implicit root (null) last.
        int Flatten(ScoringNode? node, IReadOnlyList<ScoringElement> children, string path, int level)
        {
            var items = new int[children.Count];
            for (var i = 0; i < children.Count; i++)
            {
                var childPath = path == RootPath ? children[i].Code : $"{path}/{children[i].Code}";
                if (children[i] is ScoringNode inner)
                {
                    items[i] = ~Flatten(inner, inner.Children, childPath, level + 1);
                }
                else
                {
                    items[i] = leaves.Count;
                    leaves.Add((ScoringLeaf)children[i]);
                    leafPaths.Add(childPath);
                }
            }

            childStart.Add(childItem.Count);
            for (var i = 0; i < children.Count; i++)
            {
                childItem.Add(items[i]);
                childWeight.Add(children[i].Weight / 100.0);
            }

            nodes.Add(node);
            nodePaths.Add(path);
            nodeLevels.Add(level);
            return nodes.Count - 1;
        }

        Flatten(null, definition.Indicators, RootPath, 0);
        childStart.Add(childItem.Count);
        // childStart was appended in completion order, which is the node order.
        Leaves = leaves;
        LeafPaths = leafPaths;
        Nodes = nodes.Take(nodes.Count - 1).Select(n => n!).ToArray();
        NodePaths = nodePaths.Take(nodePaths.Count - 1).ToArray();
        NodeLevels = nodeLevels.Take(nodeLevels.Count - 1).ToArray();
        NodeCount = nodes.Count;
        ChildStart = childStart.ToArray();
        ChildItem = childItem.ToArray();
        ChildWeight = childWeight.ToArray();
        LeafIndex = leaves.Select((l, i) => (l.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        NodeIndex = Nodes.Select((n, i) => (n.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        Formulas = FormulaPlan.Create(leaves, LeafIndex);
        NodeLeafStart = new int[NodeCount];
        for (var n = 0; n < NodeCount; n++)
        {
            var first = ChildItem[ChildStart[n]];
            var contiguous = first >= 0;
            for (var k = ChildStart[n]; contiguous && k < ChildStart[n + 1]; k++)
                contiguous = ChildItem[k] == first + (k - ChildStart[n]);
            NodeLeafStart[n] = contiguous ? first : -1;
        }

        CellScorers = leaves.Select(l => l.Rule.IsPeerRelative ? null : CellScorer.Create(l.Rule, l.Direction)).ToArray();
        MaxChildren = Enumerable.Range(0, NodeCount).Max(n => ChildStart[n + 1] - ChildStart[n]);
        WeightSums = new double[NodeCount];
        Aggregation.WeightSums(this, ChildWeight, WeightSums);

        MethodHash = ScoringHashes.ComputeMethodHash(definition);
    }

    public ScoringModelDefinition Definition { get; }

    /// <summary>Leaves in depth-first order; leaf index i is column i of every per-leaf array in results.</summary>
    public IReadOnlyList<ScoringLeaf> Leaves { get; }

    /// <summary>"KB/KB-2"-style paths of the leaves.</summary>
    public IReadOnlyList<string> LeafPaths { get; }

    /// <summary>Inner nodes (not the implicit root) in post-order: children before parents.</summary>
    public IReadOnlyList<ScoringNode> Nodes { get; }

    public IReadOnlyList<string> NodePaths { get; }

    /// <summary>1 for first-level indicators (一级指标), 2 below them, and so on.</summary>
    public IReadOnlyList<int> NodeLevels { get; }

    /// <summary>SHA-256 (hex) of the canonical definition; see <see cref="ScoringHashes"/>.</summary>
    public string MethodHash { get; }

    public int LeafCount => Leaves.Count;

    public int GetLeafIndex(string code) => LeafIndex.TryGetValue(code, out var i) ? i : -1;

    public int GetNodeIndex(string code) => NodeIndex.TryGetValue(code, out var i) ? i : -1;

    // Internal flattened form. Internal node n (0 ≤ n < NodeCount, root = NodeCount − 1) owns child slots
    // ChildStart[n] .. ChildStart[n + 1] − 1; a slot's item is a leaf index (≥ 0) or ~node index (< 0).
    internal int NodeCount { get; }

    internal int[] ChildStart { get; }

    internal int[] ChildItem { get; }

    /// <summary>Sibling weights as fractions (percent / 100), one per child slot.</summary>
    internal double[] ChildWeight { get; }

    /// <summary>For a node whose children are consecutive leaves (the usual case), the first leaf index; otherwise −1.</summary>
    internal int[] NodeLeafStart { get; }

    /// <summary>Compiled per-cell scorers of the absolute rules (null for peer-relative rules).</summary>
    internal CellScorer?[] CellScorers { get; }

    internal int MaxChildren { get; }

    /// <summary>Σ of each node's child weights (fractions), see <see cref="Aggregation.WeightSums"/>.</summary>
    internal double[] WeightSums { get; }

    internal Dictionary<string, int> LeafIndex { get; }

    internal Dictionary<string, int> NodeIndex { get; }

    internal FormulaPlan[] Formulas { get; }

    /// <summary>Validates and flattens; throws <see cref="ScoringValidationException"/> listing every problem.</summary>
    public static ScoringModel Build(ScoringModelDefinition definition)
    {
        var result = Validate(definition);
        if (!result.IsValid)
            throw new ScoringValidationException(result.Errors);
        return new ScoringModel(definition);
    }

    /// <summary>Collects all problems of a definition (weights, codes, rules, formulas, policies) without throwing.</summary>
    public static ModelValidationResult Validate(ScoringModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ValidationError>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var leaves = new List<(ScoringLeaf Leaf, string Path)>();

        void CountCode(string code, string path)
        {
            if (string.IsNullOrWhiteSpace(code))
                errors.Add(new ValidationError(path, "指标编码不能为空。"));
            else
                codes[code] = codes.GetValueOrDefault(code) + 1;
        }

        void Walk(string name, IReadOnlyList<ScoringElement>? children, string path)
        {
            if (children is null || children.Count == 0)
            {
                errors.Add(new ValidationError(path, $"节点「{name}」没有下级指标。"));
                return;
            }

            double sum = 0;
            foreach (var child in children)
            {
                var childPath = path == RootPath ? child.Code : $"{path}/{child.Code}";
                CountCode(child.Code, childPath);
                if (!double.IsFinite(child.Weight) || child.Weight < 0)
                    errors.Add(new ValidationError(childPath, $"指标「{child.Name}」的权重必须是不小于0的数值，当前为{child.Weight}%。"));
                sum += child.Weight;
                switch (child)
                {
                    case ScoringNode node:
                        Walk(node.Name, node.Children, childPath);
                        break;
                    case ScoringLeaf leaf:
                        leaves.Add((leaf, childPath));
                        break;
                }
            }

            if (double.IsFinite(sum) && Math.Abs(sum - 100.0) > 0.001)
                errors.Add(new ValidationError(path, $"权重合计必须为100%，节点「{name}」下的子节点合计为{Math.Round(sum, 6)}%。"));
        }

        Walk("指标体系", definition.Indicators, RootPath);

        foreach (var measure in definition.BaseMeasures)
            CountCode(measure, measure);
        foreach (var (code, count) in codes)
        {
            if (count > 1)
                errors.Add(new ValidationError(code, $"编码「{code}」重复出现了{count}次，指标和基础度量的编码必须唯一。"));
        }

        foreach (var (leaf, path) in leaves)
        {
            if (leaf.Rule is null)
            {
                errors.Add(new ValidationError(path, $"指标「{leaf.Name}」没有评分规则。"));
                continue;
            }

            foreach (var message in leaf.Rule.Validate())
                errors.Add(new ValidationError(path, $"指标「{leaf.Name}」：{message}"));
        }

        ValidateFormulas(leaves, definition.BaseMeasures, errors);
        ValidateAdjustments(definition, errors);
        return new ModelValidationResult(errors);
    }

    private static void ValidateFormulas(List<(ScoringLeaf Leaf, string Path)> leaves, IReadOnlyList<string> baseMeasures, List<ValidationError> errors)
    {
        var known = new HashSet<string>(baseMeasures, StringComparer.Ordinal);
        foreach (var (leaf, _) in leaves)
            known.Add(leaf.Code);

        var references = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pathOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (leaf, path) in leaves)
        {
            if (string.IsNullOrWhiteSpace(leaf.Formula))
                continue;
            pathOf.TryAdd(leaf.Code, path);
            var expression = new Expression(leaf.Formula);
            if (expression.HasErrors())
            {
                errors.Add(new ValidationError(path, $"指标「{leaf.Name}」的公式有语法错误：{FormulaPlan.DescribeSyntaxError(leaf.Formula, expression.Error)}"));
                continue;
            }

            var names = expression.GetParameterNames();
            foreach (var name in names)
            {
                if (!known.Contains(name))
                    errors.Add(new ValidationError(path, $"指标「{leaf.Name}」的公式引用了未知的度量「{name}」。"));
            }

            references[leaf.Code] = names.Where(known.Contains).ToList();
        }

        // Depth-first search over formula leaves; a grey node met again closes a cycle.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string code)
        {
            state[code] = 1;
            stack.Add(code);
            foreach (var next in references[code])
            {
                if (!references.ContainsKey(next))
                    continue;
                var s = state.GetValueOrDefault(next);
                if (s == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(next)).Append(next).ToList();
                    if (reported.Add(string.Join("|", cycle.Skip(1).Order(StringComparer.Ordinal))))
                        errors.Add(new ValidationError(pathOf[next], $"公式存在循环引用：{string.Join(" → ", cycle)}。"));
                }
                else if (s == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[code] = 2;
        }

        foreach (var code in references.Keys)
        {
            if (state.GetValueOrDefault(code) == 0)
                Visit(code);
        }
    }

    private static void ValidateAdjustments(ScoringModelDefinition definition, List<ValidationError> errors)
    {
        foreach (var group in definition.Adjustments.GroupBy(a => a.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add(new ValidationError(group.Key, $"加减分项编码「{group.Key}」重复出现了{group.Count()}次。"));
        foreach (var a in definition.Adjustments)
        {
            if (string.IsNullOrWhiteSpace(a.Code))
                errors.Add(new ValidationError(RootPath, $"加减分项「{a.Name}」的编码不能为空。"));
            if (!double.IsFinite(a.PointsPerUnit))
                errors.Add(new ValidationError(a.Code, $"加减分项「{a.Name}」的每单位分值必须是有限数值。"));
            if (a.Cap is { } cap && (!double.IsFinite(cap) || cap < 0))
                errors.Add(new ValidationError(a.Code, $"加减分项「{a.Name}」的封顶分值不能为负数，当前为{cap}。"));
        }

        if (definition.MaxTotalAdjustment is { } max && (!double.IsFinite(max) || max < 0))
            errors.Add(new ValidationError(RootPath, $"加减分合计上限不能为负数，当前为{max}。"));
        if (!double.IsFinite(definition.TieTolerance) || definition.TieTolerance < 0)
            errors.Add(new ValidationError(RootPath, $"并列容差不能为负数，当前为{definition.TieTolerance}。"));
        if (!double.IsFinite(definition.GeometricFloor) || definition.GeometricFloor <= 0 || definition.GeometricFloor > 100)
            errors.Add(new ValidationError(RootPath, $"几何平均的最低分必须大于0且不超过100，当前为{definition.GeometricFloor}。"));
    }
}
