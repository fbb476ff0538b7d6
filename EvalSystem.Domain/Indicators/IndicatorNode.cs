using System.Text.RegularExpressions;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Indicators;

/// <summary>
/// A node of an indicator system: a group (一级/二级指标) or a measured indicator (leaf).
/// Its weight is a percentage of its parent; siblings sum to 100.
/// </summary>
public sealed partial class IndicatorNode
{
    public const int MaxLevel = 3;

    private IndicatorNode() { Code = NameZh = string.Empty; }

    internal IndicatorNode(Guid systemId, IndicatorNode? parent, NodeKind kind, string code, string nameZh, string? nameEn, decimal weight, int sortOrder)
    {
        if (code is null || !CodePattern().IsMatch(code))
            throw new DomainException($"指标代码「{code}」无效：只能包含字母、数字、连字符和点，1–20位。");
        if (parent is { Kind: NodeKind.Indicator })
            throw new DomainException($"指标「{parent.NameZh}」是末级指标，不能再添加下级。");
        var level = (parent?.Level ?? 0) + 1;
        if (level > MaxLevel)
            throw new DomainException($"指标体系最多{MaxLevel}级，「{nameZh}」将是第{level}级。");
        Id = Guid.CreateVersion7();
        SystemId = systemId;
        ParentId = parent?.Id;
        Kind = kind;
        Level = level;
        Code = code;
        NameZh = Guard.Required(nameZh, "指标名称", 100);
        NameEn = Guard.Optional(nameEn, "英文名称", 200);
        SetWeight(weight);
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }
    public Guid SystemId { get; private set; }
    public Guid? ParentId { get; private set; }
    public NodeKind Kind { get; private set; }
    public int Level { get; private set; }
    public string Code { get; private set; }
    public string NameZh { get; private set; }
    public string? NameEn { get; private set; }
    /// <summary>权重: percentage of the parent, 0 &lt; w ≤ 100.</summary>
    public decimal Weight { get; private set; }
    public int SortOrder { get; private set; }

    // Leaf (indicator) properties; null on groups.
    public string? Unit { get; private set; }
    public IndicatorDirection? Direction { get; private set; }
    public IndicatorSource? Source { get; private set; }
    /// <summary>主责单位</summary>
    public Guid? ResponsibleDepartmentId { get; private set; }
    /// <summary>配合单位</summary>
    public List<Guid> SupportingDepartmentIds { get; private set; } = [];
    /// <summary>预警值</summary>
    public double? WarningValue { get; private set; }
    /// <summary>先进值</summary>
    public double? AdvancedValue { get; private set; }
    /// <summary>The scoring rule as JSON (see docs/methodology.md); validated by the scoring engine.</summary>
    public string? RuleJson { get; private set; }
    /// <summary>For formula indicators: an expression over other measures.</summary>
    public string? Formula { get; private set; }
    /// <summary>
    /// For an indicator computed from case data or ratings: which measure fills it (e.g. 平均审批时间). Null means the value
    /// is not filled automatically.
    /// </summary>
    public CaseMeasureKind? Measure { get; private set; }

    public bool IsIndicator => Kind == NodeKind.Indicator;

    public void SetWeight(decimal weight)
    {
        if (weight <= 0 || weight > 100)
            throw new DomainException($"「{NameZh}」的权重必须大于0且不超过100%，收到{weight}。");
        Weight = weight;
    }

    internal void SetSortOrder(int sortOrder) => SortOrder = sortOrder;

    internal void ShiftLevel(int shift) => Level += shift;

    internal void MoveTo(Guid? parentId, int sortOrder)
    {
        ParentId = parentId;
        SortOrder = sortOrder;
    }

    internal void Rename(string nameZh, string? nameEn)
    {
        NameZh = Guard.Required(nameZh, "指标名称", 100);
        NameEn = Guard.Optional(nameEn, "英文名称", 200);
    }

    internal void Define(IndicatorDefinition definition)
    {
        if (Kind != NodeKind.Indicator)
            throw new DomainException($"「{NameZh}」是分组，不能设置计量属性。");
        if (definition.WarningValue is { } w && !double.IsFinite(w) || definition.AdvancedValue is { } a && !double.IsFinite(a))
            throw new DomainException($"「{NameZh}」的预警值和先进值必须是有效数字。");
        if (definition is { WarningValue: { } warn, AdvancedValue: { } adv })
        {
            var consistent = definition.Direction == IndicatorDirection.HigherIsBetter ? adv >= warn : adv <= warn;
            if (!consistent)
                throw new DomainException(definition.Direction == IndicatorDirection.HigherIsBetter
                    ? $"「{NameZh}」是正向指标，先进值({adv})不能低于预警值({warn})。"
                    : $"「{NameZh}」是逆向指标，先进值({adv})不能高于预警值({warn})。");
        }
        if (definition.Source == IndicatorSource.Formula && string.IsNullOrWhiteSpace(definition.Formula))
            throw new DomainException($"「{NameZh}」的数据来源是公式计算，必须填写公式。");
        if (definition.Source == IndicatorSource.DepartmentSubmission && definition.ResponsibleDepartmentId is null)
            throw new DomainException($"「{NameZh}」由部门填报，必须指定主责单位。");
        if (definition is { Source: IndicatorSource.CaseData or IndicatorSource.Ratings, Measure: { } measure } && measure.Source() != definition.Source)
            throw new DomainException($"「{NameZh}」的计算口径「{measure.DisplayName()}」来自{(measure.Source() == IndicatorSource.Ratings ? "好差评" : "办件数据")}，与数据来源不一致。");
        Unit = Guard.Required(definition.Unit, "计量单位", 30);
        Direction = definition.Direction;
        Source = definition.Source;
        ResponsibleDepartmentId = definition.ResponsibleDepartmentId;
        SupportingDepartmentIds = definition.SupportingDepartmentIds?.Distinct().Where(id => id != definition.ResponsibleDepartmentId).ToList() ?? [];
        WarningValue = definition.WarningValue;
        AdvancedValue = definition.AdvancedValue;
        RuleJson = Guard.Optional(definition.RuleJson, "评分规则", 20_000);
        Formula = definition.Source == IndicatorSource.Formula ? Guard.Optional(definition.Formula, "公式", 2000) : null;
        Measure = definition.Source is IndicatorSource.CaseData or IndicatorSource.Ratings ? definition.Measure : null;
    }

    internal IndicatorNode CloneInto(Guid systemId, Guid? parentId)
    {
        var copy = (IndicatorNode)MemberwiseClone();
        copy.Id = Guid.CreateVersion7();
        copy.SystemId = systemId;
        copy.ParentId = parentId;
        copy.SupportingDepartmentIds = [.. SupportingDepartmentIds];
        return copy;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]{0,19}$")]
    private static partial Regex CodePattern();
}

/// <summary>The measured properties of an indicator (leaf).</summary>
public sealed record IndicatorDefinition(
    string Unit,
    IndicatorDirection Direction,
    IndicatorSource Source,
    Guid? ResponsibleDepartmentId,
    IReadOnlyCollection<Guid>? SupportingDepartmentIds = null,
    double? WarningValue = null,
    double? AdvancedValue = null,
    string? RuleJson = null,
    string? Formula = null,
    CaseMeasureKind? Measure = null);
