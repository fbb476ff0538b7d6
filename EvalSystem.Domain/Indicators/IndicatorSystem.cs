using EvalSystem.Domain.Common;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Indicators;

/// <summary>
/// 指标体系: a versioned, weighted tree of indicators for one kind of target.
/// A published version is frozen; editing starts a new draft version of the same lineage,
/// so a period scored under an old version never changes.
/// </summary>
public sealed class IndicatorSystem
{
    /// <summary>Sibling weights must sum to 100 % within this tolerance (percentage points).</summary>
    public const decimal WeightTolerance = 0.01m;

    private readonly List<IndicatorNode> _nodes = [];

    private IndicatorSystem() { Name = string.Empty; }

    public IndicatorSystem(string name, TargetKind targetKind, DateTime nowUtc,
        AggregationMethod aggregation = AggregationMethod.WeightedArithmetic,
        MissingDataPolicy missingData = MissingDataPolicy.ExcludeAndReweight)
    {
        Id = Guid.CreateVersion7();
        LineageId = Id;
        Version = 1;
        Name = Guard.Required(name, "指标体系名称", 100);
        TargetKind = targetKind;
        Status = SystemStatus.Draft;
        CreatedAtUtc = nowUtc;
        Aggregation = aggregation;
        MissingData = missingData;
    }

    public Guid Id { get; private set; }
    /// <summary>Shared by all versions of the same system.</summary>
    public Guid LineageId { get; private set; }
    public int Version { get; private set; }
    public string Name { get; private set; }
    public TargetKind TargetKind { get; private set; }
    public SystemStatus Status { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    public AggregationMethod Aggregation { get; private set; }
    public MissingDataPolicy MissingData { get; private set; }

    /// <summary>督办任务超期扣分: points deducted from a target's composite per overdue supervision task; null when the system has no such penalty.</summary>
    public double? OverduePenaltyPerTask { get; private set; }

    /// <summary>The most the overdue penalty deducts from one target in all; null for no cap.</summary>
    public double? OverduePenaltyCap { get; private set; }

    public IReadOnlyList<IndicatorNode> Nodes => _nodes;

    public string DisplayName => $"{Name} v{Version}";

    public IndicatorNode AddGroup(string code, string nameZh, string? nameEn, decimal weight, IndicatorNode? parent = null)
        => Add(parent, NodeKind.Group, code, nameZh, nameEn, weight);

    public IndicatorNode AddIndicator(IndicatorNode parent, string code, string nameZh, string? nameEn, decimal weight, IndicatorDefinition definition)
    {
        var node = Add(parent, NodeKind.Indicator, code, nameZh, nameEn, weight, definition);
        return node;
    }

    public void Redefine(IndicatorNode node, IndicatorDefinition definition)
    {
        EnsureEditable();
        EnsureOwn(node);
        node.Define(definition);
    }

    /// <summary>Renames a node and, for an indicator, replaces its measured properties.</summary>
    public void Update(IndicatorNode node, string nameZh, string? nameEn, decimal weight, IndicatorDefinition? definition)
    {
        EnsureEditable();
        EnsureOwn(node);
        node.Rename(nameZh, nameEn);
        node.SetWeight(weight);
        if (node.IsIndicator)
            node.Define(definition ?? throw new DomainException($"指标「{node.NameZh}」需要填写计量单位、方向和数据来源。"));
    }

    /// <summary>How scores are combined up the tree and how missing values are treated (a draft only).</summary>
    public void SetScoringMethod(AggregationMethod aggregation, MissingDataPolicy missingData)
    {
        EnsureEditable();
        if (!Enum.IsDefined(aggregation) || !Enum.IsDefined(missingData))
            throw new DomainException("未知的聚合方法或缺失值处理方式。");
        Aggregation = aggregation;
        MissingData = missingData;
    }

    /// <summary>
    /// Sets or clears (<paramref name="pointsPerTask"/> null) the overdue penalty. Both values are points on the 0–100 scale of the
    /// composite; the cap may not be smaller than one task's points, and a cap without points per task means nothing.
    /// </summary>
    public void SetOverduePenalty(double? pointsPerTask, double? cap)
    {
        EnsureEditable();
        if (pointsPerTask is null)
        {
            if (cap is not null)
                throw new DomainException("填写了超期扣分上限，但没有填写每个超期任务扣几分。请填写每件扣分，或清空上限。");
        }
        else if (!double.IsFinite(pointsPerTask.Value) || pointsPerTask <= 0 || pointsPerTask > 100)
            throw new DomainException($"每个超期任务的扣分必须大于0且不超过100分，当前为{pointsPerTask}。");
        if (cap is { } c && (!double.IsFinite(c) || c <= 0 || c > 100))
            throw new DomainException($"超期扣分上限必须大于0且不超过100分，当前为{c}。");
        if (cap < pointsPerTask)
            throw new DomainException($"超期扣分上限（{cap}分）不能小于每件扣分（{pointsPerTask}分）。");
        OverduePenaltyPerTask = pointsPerTask;
        OverduePenaltyCap = cap;
    }

    /// <summary>Moves a node one place up (-1) or down (+1) among its siblings.</summary>
    public void MoveWithinSiblings(IndicatorNode node, int offset)
    {
        EnsureEditable();
        EnsureOwn(node);
        var siblings = _nodes.Where(n => n.ParentId == node.ParentId).OrderBy(n => n.SortOrder).ToList();
        var from = siblings.IndexOf(node);
        var to = Math.Clamp(from + offset, 0, siblings.Count - 1);
        siblings.RemoveAt(from);
        siblings.Insert(to, node);
        for (var i = 0; i < siblings.Count; i++)
            siblings[i].SetSortOrder(i + 1);
    }

    /// <summary>Moves a node (with its subtree) under another group, as its last child.</summary>
    public void MoveUnder(IndicatorNode node, IndicatorNode? newParent)
    {
        EnsureEditable();
        EnsureOwn(node);
        if (newParent is not null)
        {
            EnsureOwn(newParent);
            if (newParent.Kind != NodeKind.Group)
                throw new DomainException($"「{newParent.NameZh}」是末级指标，不能作为上级。");
            for (var p = newParent; p is not null; p = p.ParentId is { } id ? _nodes.Single(n => n.Id == id) : null)
            {
                if (p.Id == node.Id)
                    throw new DomainException($"不能把「{node.NameZh}」移到它自己的下级「{newParent.NameZh}」之下。");
            }
        }
        var levelShift = (newParent?.Level ?? 0) + 1 - node.Level;
        var subtree = Descendants(node).Prepend(node).ToList();
        if (subtree.Max(n => n.Level) + levelShift > IndicatorNode.MaxLevel)
            throw new DomainException($"移动后「{node.NameZh}」的下级将超过{IndicatorNode.MaxLevel}级。");
        foreach (var n in subtree)
            n.ShiftLevel(levelShift);
        node.MoveTo(newParent?.Id, _nodes.Count(n => n.ParentId == newParent?.Id) + 1);
    }

    public IEnumerable<IndicatorNode> Descendants(IndicatorNode node) =>
        ChildrenOf(node).SelectMany(c => Descendants(c).Prepend(c));

    public void Reweight(IndicatorNode node, decimal weight)
    {
        EnsureEditable();
        EnsureOwn(node);
        node.SetWeight(weight);
    }

    public void Remove(IndicatorNode node)
    {
        EnsureEditable();
        EnsureOwn(node);
        if (_nodes.Any(n => n.ParentId == node.Id))
            throw new DomainException($"「{node.NameZh}」还有下级指标，请先删除或移走下级指标。");
        _nodes.Remove(node);
    }

    public IEnumerable<IndicatorNode> ChildrenOf(IndicatorNode? parent) =>
        _nodes.Where(n => n.ParentId == parent?.Id).OrderBy(n => n.SortOrder);

    public IEnumerable<IndicatorNode> Indicators => _nodes.Where(n => n.IsIndicator).OrderBy(n => n.SortOrder);

    /// <summary>Every structural problem that would make the system unusable for scoring, in Chinese.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (_nodes.Count == 0)
            errors.Add("指标体系至少需要一个指标。");
        foreach (var parent in _nodes.Where(n => n.Kind == NodeKind.Group).Prepend(null))
        {
            var children = ChildrenOf(parent).ToList();
            var parentName = parent is null ? "（顶层）" : $"「{parent.NameZh}」";
            if (parent is not null && children.Count == 0)
            {
                errors.Add($"分组{parentName}下没有任何指标。");
                continue;
            }
            if (children.Count == 0)
                continue;
            var sum = children.Sum(c => c.Weight);
            if (Math.Abs(sum - 100m) > WeightTolerance)
                errors.Add($"{parentName}下的权重合计为{sum:0.##}%，必须为100%。");
        }
        foreach (var duplicate in _nodes.GroupBy(n => n.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add($"指标代码「{duplicate.Key}」重复。");
        foreach (var leaf in _nodes.Where(n => n.IsIndicator && n.Unit is null))
            errors.Add($"指标「{leaf.NameZh}」缺少计量单位、方向和数据来源。");
        return errors;
    }

    public void Publish(DateTime nowUtc)
    {
        EnsureEditable();
        var errors = Validate();
        if (errors.Count > 0)
            throw new DomainException("指标体系不能发布：" + string.Join(" ", errors));
        Status = SystemStatus.Published;
        PublishedAtUtc = nowUtc;
    }

    /// <summary>Starts the next draft version: a copy of this published version with new node ids.</summary>
    public IndicatorSystem CreateNextDraft(DateTime nowUtc)
    {
        if (Status != SystemStatus.Published)
            throw new DomainException($"「{DisplayName}」还是草稿，直接编辑即可，无需新建版本。");
        var draft = new IndicatorSystem(Name, TargetKind, nowUtc, Aggregation, MissingData)
        {
            LineageId = LineageId,
            Version = Version + 1,
            OverduePenaltyPerTask = OverduePenaltyPerTask,
            OverduePenaltyCap = OverduePenaltyCap,
        };
        var newIds = new Dictionary<Guid, Guid>();
        foreach (var node in _nodes.OrderBy(n => n.Level))
        {
            var copy = node.CloneInto(draft.Id, node.ParentId is { } p ? newIds[p] : null);
            newIds[node.Id] = copy.Id;
            draft._nodes.Add(copy);
        }
        return draft;
    }

    private IndicatorNode Add(IndicatorNode? parent, NodeKind kind, string code, string nameZh, string? nameEn, decimal weight, IndicatorDefinition? definition = null)
    {
        EnsureEditable();
        if (parent is not null)
            EnsureOwn(parent);
        if (_nodes.Any(n => string.Equals(n.Code, code, StringComparison.OrdinalIgnoreCase)))
            throw new DomainException($"指标代码「{code}」在本体系中已存在。");
        var sortOrder = _nodes.Count(n => n.ParentId == parent?.Id) + 1;
        var node = new IndicatorNode(Id, parent, kind, code, nameZh, nameEn, weight, sortOrder);
        if (definition is not null)
            node.Define(definition);
        _nodes.Add(node);
        return node;
    }

    private void EnsureEditable()
    {
        if (Status == SystemStatus.Published)
            throw new DomainException($"「{DisplayName}」已发布，不能修改；请新建草稿版本后再编辑。");
    }

    private void EnsureOwn(IndicatorNode node)
    {
        if (node.SystemId != Id)
            throw new DomainException($"指标「{node.NameZh}」不属于「{DisplayName}」。");
    }
}
