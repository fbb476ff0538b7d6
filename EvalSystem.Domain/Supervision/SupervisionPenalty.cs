using EvalSystem.Domain.Common;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Supervision;

/// <summary>
/// 督办任务超期扣分. The scoring engine already applies penalties as <see cref="Adjustment"/> items after aggregation
/// (docs/methodology.md §7), so the penalty is one such item. An indicator system that sets
/// <see cref="Indicators.IndicatorSystem.OverduePenaltyPerTask"/> gets <see cref="Item"/> in its scoring definition, and the
/// score run passes each target's overdue count (<see cref="SupervisionMeasures"/>) as its units.
/// <see cref="Compute"/> previews the points the engine will deduct, with the engine's formula.
/// </summary>
public static class SupervisionPenalty
{
    public const string AdjustmentCode = "DB-OVERDUE";
    public const string AdjustmentName = "督办任务超期";

    /// <summary>The adjustment item deducting <paramref name="pointsPerTask"/> per overdue task, at most <paramref name="cap"/> points in all.</summary>
    public static Adjustment Item(double pointsPerTask, double? cap = null)
    {
        Validate(0, pointsPerTask, cap);
        return new Adjustment(AdjustmentCode, AdjustmentName, -pointsPerTask, cap);
    }

    /// <summary>
    /// The points deducted for <paramref name="overdueCount"/> overdue tasks: −count × points per task, no lower than −cap
    /// when a cap is given. Zero or negative; e.g. 4 tasks × 2 points with cap 5 → −5.
    /// </summary>
    public static double Compute(int overdueCount, double pointsPerTask, double? cap = null)
    {
        Validate(overdueCount, pointsPerTask, cap);
        var points = overdueCount * -pointsPerTask;
        return cap is { } c ? Math.Clamp(points, -c, c) : points;
    }

    /// <summary>The penalty in words, e.g. "每件扣2分，最多扣10分" or "不扣分".</summary>
    public static string Describe(double? pointsPerTask, double? cap) => pointsPerTask switch
    {
        null => "不扣分",
        { } p when cap is { } c => $"每件扣{p:0.##}分，最多扣{c:0.##}分",
        { } p => $"每件扣{p:0.##}分，不封顶",
    };

    private static void Validate(int overdueCount, double pointsPerTask, double? cap)
    {
        if (overdueCount < 0)
            throw new DomainException($"超期任务数不能为负数，当前为{overdueCount}。");
        if (!double.IsFinite(pointsPerTask) || pointsPerTask < 0)
            throw new DomainException($"每个超期任务的扣分必须是不小于0的数值，当前为{pointsPerTask}。");
        if (cap is { } c && (!double.IsFinite(c) || c < 0))
            throw new DomainException($"超期扣分的封顶分值必须是不小于0的数值，当前为{c}。");
    }
}
