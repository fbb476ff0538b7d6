using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Ratings;
using static EvalSystem.Domain.Tests.Ratings.RatingTests;

namespace EvalSystem.Domain.Tests.Ratings;

public class RatingMeasuresTests
{
    private static readonly WorkingDayCalendar Calendar = ChinaOfficialHolidays.Calendar();
    private static readonly UserRef Clerk = new("u-1", "张三");

    // Levels 5, 5, 4, 3, 2, 1: four satisfied (3–5), two bad (1–2).
    private static Rating[] SixRatings() =>
    [
        Rating(RatingLevel.VerySatisfied, id: "R1"),
        Rating(RatingLevel.VerySatisfied, id: "R2"),
        Rating(RatingLevel.Satisfied, id: "R3"),
        Rating(RatingLevel.Basic, id: "R4"),
        Rating(RatingLevel.Dissatisfied, id: "R5"),
        Rating(RatingLevel.VeryDissatisfied, id: "R6"),
    ];

    // Rated Fri 2025-09-26 → deadline Fri 10/10. One closed on time, one closed late, one still open.
    private static RectificationItem[] ThreeItems()
    {
        var onTime = RectificationItem.Open(Rating(RatingLevel.Dissatisfied, id: "B1"), Calendar);
        onTime.Rectify(Clerk, new DateTime(2025, 9, 29, 10, 0, 0), "整改");
        onTime.Close(Clerk, new DateTime(2025, 10, 9, 10, 0, 0));
        var late = RectificationItem.Open(Rating(RatingLevel.VeryDissatisfied, id: "B2"), Calendar);
        late.Rectify(Clerk, new DateTime(2025, 10, 11, 10, 0, 0), "整改");
        late.Close(Clerk, new DateTime(2025, 10, 13, 10, 0, 0));
        var open = RectificationItem.Open(Rating(RatingLevel.Dissatisfied, id: "B3"), Calendar);
        return [onTime, late, open];
    }

    [Fact]
    public void Compute_SatisfactionRate_IsLevels3To5OverAll() =>
        // 4 / 6 × 100 = 66.666…
        Assert.Equal(400.0 / 6, RatingMeasures.Compute(SixRatings(), []).SatisfactionRate!.Value, precision: 12);

    [Fact]
    public void Compute_BadReviewCount_IsLevels1And2() =>
        Assert.Equal(2, RatingMeasures.Compute(SixRatings(), []).BadReviewCount);

    [Fact]
    public void Compute_RectificationRate_IsClosedOverAllItems() =>
        // 2 closed of 3 → 66.666…
        Assert.Equal(200.0 / 3, RatingMeasures.Compute([], ThreeItems()).RectificationRate!.Value, precision: 12);

    [Fact]
    public void Compute_OnTimeRectificationRate_IsClosedOnTimeOverClosed() =>
        // 1 on time of 2 closed → 50 %
        Assert.Equal(50.0, RatingMeasures.Compute([], ThreeItems()).OnTimeRectificationRate);

    [Fact]
    public void Compute_Counts()
    {
        var result = RatingMeasures.Compute(SixRatings(), ThreeItems());
        Assert.Equal(6, result.RatingCount);
        Assert.Equal(4, result.SatisfiedCount);
        Assert.Equal(3, result.RectificationItemCount);
        Assert.Equal(2, result.ClosedCount);
        Assert.Equal(1, result.ClosedOnTimeCount);
    }

    [Fact]
    public void Compute_Empty_EveryMeasureIsNull()
    {
        var result = RatingMeasures.Compute([], []);
        foreach (var kind in CaseMeasureKinds.All.Where(k => k.Source() == IndicatorSource.Ratings))
            Assert.Null(result.Value(kind));
    }

    [Fact]
    public void Compute_NoBadReviews_CountIsZeroNotNull() =>
        Assert.Equal(0, RatingMeasures.Compute(SixRatings().Take(4), []).BadReviewCount);

    [Fact]
    public void Compute_ItemsButNoneClosed_OnTimeRateIsNull()
    {
        var result = RatingMeasures.Compute([], ThreeItems().Skip(2));
        Assert.Equal(0.0, result.RectificationRate);
        Assert.Null(result.OnTimeRectificationRate);
    }

    [Fact]
    public void Value_MapsEveryRatingMeasure()
    {
        var result = RatingMeasures.Compute(SixRatings(), ThreeItems());
        Assert.Equal(result.SatisfactionRate, result.Value(CaseMeasureKind.SatisfactionRate));
        Assert.Equal(2.0, result.Value(CaseMeasureKind.BadReviewCount));
        Assert.Equal(result.RectificationRate, result.Value(CaseMeasureKind.RectificationRate));
        Assert.Equal(result.OnTimeRectificationRate, result.Value(CaseMeasureKind.OnTimeRectificationRate));
    }

    [Fact]
    public void Value_CaseMeasure_IsRefused() =>
        Assert.Contains("网办率", Assert.Throws<DomainException>(
            () => RatingMeasures.Compute([], []).Value(CaseMeasureKind.OnlineShare)).Message);
}
