using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>One data row as read, before the whole-tree checks; a null property is a cell that was empty or invalid.</summary>
internal sealed class RowDraft(int row)
{
    public int Row { get; } = row;
    public int? Level { get; set; }
    public string Code { get; set; } = string.Empty;
    public string NameZh { get; set; } = string.Empty;
    public string? NameEn { get; set; }
    public decimal? Weight { get; set; }
    public bool? IsIndicator { get; set; }
    public string? Unit { get; set; }
    public IndicatorDirection? Direction { get; set; }
    public IndicatorSource? Source { get; set; }
    public string? Responsible { get; set; }
    public List<string> Supporting { get; set; } = [];
    public double? Warning { get; set; }
    public double? Advanced { get; set; }
    public ScoringRule? Rule { get; set; }
    public string? Formula { get; set; }
    public CaseMeasureKind? Measure { get; set; }

    public RowDraft? Parent { get; set; }
    public List<RowDraft> Children { get; } = [];

    /// <summary>"KB 开办企业", for messages.</summary>
    public string Title => $"{Code} {NameZh}".Trim();

    /// <summary>Only called once every cell and the tree have passed their checks.</summary>
    public IndicatorRow ToRow() => new(
        Row, Level ?? 0, Code, NameZh, NameEn, Weight ?? 0, IsIndicator ?? false, Unit, Direction, Source, Responsible, Supporting,
        Warning, Advanced, Rule is null ? null : ScoringRuleJson.Serialize(Rule), Formula, Measure);
}
