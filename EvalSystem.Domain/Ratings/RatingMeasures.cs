using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;

namespace EvalSystem.Domain.Ratings;

/// <summary>Measures over ratings and rectification items (one target, one period, as the caller selected them), in one pass over each.</summary>
public static class RatingMeasures
{
    /// <summary>
    /// Satisfaction rate = ratings at levels 3–5 / all ratings; bad reviews = ratings at levels 1–2;
    /// rectification rate = closed items / all items; on-time rectification rate = items closed by their deadline /
    /// closed items. Items are taken as they stand now; the caller selects them (e.g. items opened in the period).
    /// </summary>
    public static RatingMeasureResult Compute(IEnumerable<Rating> ratings, IEnumerable<RectificationItem> rectificationItems)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(rectificationItems);
        int all = 0, satisfied = 0, bad = 0;
        foreach (var rating in ratings)
        {
            ArgumentNullException.ThrowIfNull(rating, nameof(ratings));
            all++;
            if (rating.Level.IsSatisfied())
                satisfied++;
            else if (rating.IsBadReview)
                bad++;
        }

        int items = 0, closed = 0, closedOnTime = 0;
        foreach (var item in rectificationItems)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(rectificationItems));
            items++;
            if (item.Status != RectificationStatus.Closed)
                continue;
            closed++;
            if (item.ClosedOnTime)
                closedOnTime++;
        }

        return new RatingMeasureResult(
            RatingCount: all,
            SatisfiedCount: satisfied,
            RectificationItemCount: items,
            ClosedCount: closed,
            ClosedOnTimeCount: closedOnTime,
            SatisfactionRate: CaseMeasures.Percent(satisfied, all),
            BadReviewCount: all == 0 ? null : bad,
            RectificationRate: CaseMeasures.Percent(closed, items),
            OnTimeRectificationRate: CaseMeasures.Percent(closedOnTime, closed));
    }
}

/// <summary>
/// The rating measures of one selection. A measure without data is null, never 0: no ratings → satisfaction rate and
/// bad-review count are null; no items → rectification rate is null; no closed item → on-time rate is null.
/// Rates are percentages (0–100).
/// </summary>
/// <param name="RatingCount">评价总数.</param>
/// <param name="SatisfiedCount">Ratings at levels 3–5.</param>
/// <param name="RectificationItemCount">整改件数.</param>
/// <param name="ClosedCount">Items closed (办结).</param>
/// <param name="ClosedOnTimeCount">Items closed on or before their deadline.</param>
/// <param name="SatisfactionRate">满意率 = SatisfiedCount / RatingCount × 100.</param>
/// <param name="BadReviewCount">差评数: ratings at levels 1–2.</param>
/// <param name="RectificationRate">差评整改率 = ClosedCount / RectificationItemCount × 100.</param>
/// <param name="OnTimeRectificationRate">按期整改率 = ClosedOnTimeCount / ClosedCount × 100.</param>
public sealed record RatingMeasureResult(
    int RatingCount,
    int SatisfiedCount,
    int RectificationItemCount,
    int ClosedCount,
    int ClosedOnTimeCount,
    double? SatisfactionRate,
    int? BadReviewCount,
    double? RectificationRate,
    double? OnTimeRectificationRate)
{
    /// <summary>The value of a rating measure, for an indicator bound to it.</summary>
    /// <exception cref="DomainException">The measure comes from case data, not ratings.</exception>
    public double? Value(CaseMeasureKind kind) => kind switch
    {
        CaseMeasureKind.SatisfactionRate => SatisfactionRate,
        CaseMeasureKind.BadReviewCount => BadReviewCount,
        CaseMeasureKind.RectificationRate => RectificationRate,
        CaseMeasureKind.OnTimeRectificationRate => OnTimeRectificationRate,
        _ when kind.Source() == IndicatorSource.CaseData && Enum.IsDefined(kind) =>
            throw new DomainException($"「{kind.DisplayName()}」来自办件数据，不能从好差评数据计算。"),
        _ => throw new DomainException($"未知的好差评度量（{(int)kind}）。"),
    };
}
