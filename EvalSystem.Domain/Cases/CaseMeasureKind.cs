using EvalSystem.Domain.Indicators;

namespace EvalSystem.Domain.Cases;

/// <summary>
/// 计算度量: a measure computed from case data (办件) or ratings (好差评) that an indicator can be bound to.
/// The numbers are stored; do not renumber.
/// </summary>
public enum CaseMeasureKind
{
    /// <summary>平均审批时间, working days, completed cases.</summary>
    AverageApprovalDays = 1,
    /// <summary>审批时间中位数, working days, completed cases.</summary>
    MedianApprovalDays = 2,
    /// <summary>按时办结率, %: completed within the promised time / completed.</summary>
    OnTimeRate = 3,
    /// <summary>网办率, %: online cases / all cases.</summary>
    OnlineShare = 4,
    /// <summary>开办企业时间, working days, completed business start-up cases.</summary>
    StartupDays = 5,
    /// <summary>满意率, %: ratings at levels 3–5 / all ratings.</summary>
    SatisfactionRate = 6,
    /// <summary>差评数: ratings at levels 1–2.</summary>
    BadReviewCount = 7,
    /// <summary>差评整改率, %: closed rectification items / all items.</summary>
    RectificationRate = 8,
    /// <summary>按期整改率, %: items closed by their deadline / closed items.</summary>
    OnTimeRectificationRate = 9,
}

public static class CaseMeasureKinds
{
    public static IReadOnlyList<CaseMeasureKind> All { get; } = Enum.GetValues<CaseMeasureKind>();

    public static string DisplayName(this CaseMeasureKind kind) => kind switch
    {
        CaseMeasureKind.AverageApprovalDays => "平均审批时间",
        CaseMeasureKind.MedianApprovalDays => "审批时间中位数",
        CaseMeasureKind.OnTimeRate => "按时办结率",
        CaseMeasureKind.OnlineShare => "网办率",
        CaseMeasureKind.StartupDays => "开办企业时间",
        CaseMeasureKind.SatisfactionRate => "满意率",
        CaseMeasureKind.BadReviewCount => "差评数",
        CaseMeasureKind.RectificationRate => "差评整改率",
        CaseMeasureKind.OnTimeRectificationRate => "按期整改率",
        _ => kind.ToString(),
    };

    public static string Unit(this CaseMeasureKind kind) => kind switch
    {
        CaseMeasureKind.AverageApprovalDays or CaseMeasureKind.MedianApprovalDays or CaseMeasureKind.StartupDays => "工作日",
        CaseMeasureKind.BadReviewCount => "件",
        _ => "%",
    };

    /// <summary>Where the measure comes from: case data or ratings.</summary>
    public static IndicatorSource Source(this CaseMeasureKind kind) => kind switch
    {
        CaseMeasureKind.SatisfactionRate or CaseMeasureKind.BadReviewCount
            or CaseMeasureKind.RectificationRate or CaseMeasureKind.OnTimeRectificationRate => IndicatorSource.Ratings,
        _ => IndicatorSource.CaseData,
    };
}
