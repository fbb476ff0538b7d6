using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Web.Features.Indicators;

public sealed record SystemVersion(Guid Id, Guid LineageId, string Name, int Version, SystemStatus Status, TargetKind TargetKind,
    DateTime? PublishedAtUtc, int PeriodCount)
{
    public string Label => $"{Name} v{Version}（{(Status == SystemStatus.Published ? "已发布" : "草稿")}）";
}

public sealed record TreeNode(
    Guid Id, Guid? ParentId, int Level, NodeKind Kind, string Code, string NameZh, string? NameEn, decimal Weight,
    string? Unit, IndicatorDirection? Direction, IndicatorSource? Source, Guid? ResponsibleDepartmentId, string? ResponsibleDepartmentName,
    IReadOnlyList<Guid> SupportingDepartmentIds, double? WarningValue, double? AdvancedValue, string? RuleJson, string? Formula,
    CaseMeasureKind? Measure = null)
{
    public bool IsIndicator => Kind == NodeKind.Indicator;
}

/// <summary>One version of a system as the 指标体系 page shows it: nodes in tree order and every problem that blocks publishing.</summary>
public sealed record SystemView(SystemVersion Version, IReadOnlyList<TreeNode> Nodes, IReadOnlyList<string> Problems, bool CanEdit, bool IsFiltered,
    ScoringSettings Scoring);

/// <summary>The system-wide part of the method: how scores are combined, how gaps are filled, the overdue penalty.</summary>
public sealed record ScoringSettings(AggregationMethod Aggregation, MissingDataPolicy MissingData, double? OverduePenaltyPerTask, double? OverduePenaltyCap)
{
    public string AggregationLabel => Aggregation == AggregationMethod.WeightedGeometric ? "加权几何平均" : "加权算术平均";

    public string MissingDataLabel => MissingData switch
    {
        MissingDataPolicy.Zero => "缺失值计零分",
        MissingDataPolicy.CarryForward => "缺失值沿用上期值",
        _ => "缺失值剔除并按比例重新分配同级权重",
    };

    public string PenaltyLabel => Domain.Supervision.SupervisionPenalty.Describe(OverduePenaltyPerTask, OverduePenaltyCap);
}

public sealed record DepartmentOption(Guid Id, string Code, string Name);

/// <summary>The add/edit form of a node. Mutable because the dialog binds to it.</summary>
public sealed class NodeForm
{
    public Guid? ParentId { get; set; }
    public NodeKind Kind { get; set; } = NodeKind.Indicator;
    public string Code { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string? NameEn { get; set; }
    public decimal Weight { get; set; } = 10;
    public string? Unit { get; set; }
    public IndicatorDirection Direction { get; set; } = IndicatorDirection.HigherIsBetter;
    public IndicatorSource Source { get; set; } = IndicatorSource.DepartmentSubmission;
    public Guid? ResponsibleDepartmentId { get; set; }
    public IReadOnlyCollection<Guid> SupportingDepartmentIds { get; set; } = [];
    public double? WarningValue { get; set; }
    public double? AdvancedValue { get; set; }
    public string? RuleJson { get; set; }
    public string? Formula { get; set; }
    public CaseMeasureKind? Measure { get; set; }

    public static NodeForm From(TreeNode node) => new()
    {
        ParentId = node.ParentId,
        Kind = node.Kind,
        Code = node.Code,
        NameZh = node.NameZh,
        NameEn = node.NameEn,
        Weight = node.Weight,
        Unit = node.Unit,
        Direction = node.Direction ?? IndicatorDirection.HigherIsBetter,
        Source = node.Source ?? IndicatorSource.DepartmentSubmission,
        ResponsibleDepartmentId = node.ResponsibleDepartmentId,
        SupportingDepartmentIds = node.SupportingDepartmentIds,
        WarningValue = node.WarningValue,
        AdvancedValue = node.AdvancedValue,
        RuleJson = node.RuleJson,
        Formula = node.Formula,
        Measure = node.Measure,
    };

    public IndicatorDefinition ToDefinition() => new(Unit ?? "", Direction, Source, ResponsibleDepartmentId,
        SupportingDepartmentIds, WarningValue, AdvancedValue, RuleJson, Formula, Measure);
}

public static class IndicatorLabels
{
    public static string Of(IndicatorDirection direction) => direction == IndicatorDirection.HigherIsBetter ? "正向" : "逆向";

    public static string Of(IndicatorSource source) => source switch
    {
        IndicatorSource.DepartmentSubmission => "部门填报",
        IndicatorSource.CaseData => "办件数据",
        IndicatorSource.Ratings => "好差评",
        IndicatorSource.Formula => "公式计算",
        IndicatorSource.Supervision => "督查督办",
        _ => source.ToString(),
    };
}
